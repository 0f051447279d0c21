/// When a rule acts on an entity: comparisons nested with AND (`all`), OR (`any`) and NOT (`not`).
///
/// In the rule format: `{"all": [ … ]}`, `{"any": [ … ]}`, `{"not": { … }}` or a ``Comparison``.
///
/// A comparison with a side that has no value (a CPA without conversions) is neither true nor false but unknown,
/// and the logic is three-valued (Kleene's): `not unknown` is unknown, `all` is false if any part is false, `any`
/// is true if any part is true. A rule acts only on a condition that is true, so a missing CPA never pauses an
/// entity, and "spend > 50 and conversions = 0" is how a rule catches one that spends without converting.
public indirect enum Condition: Sendable, Hashable {
    /// Every part holds.
    case all([Condition])
    /// At least one part holds.
    case any([Condition])
    /// The part does not hold.
    case not(Condition)
    /// A comparison holds.
    case compare(Comparison)

    /// The comparisons, depth first.
    public var comparisons: [Comparison] {
        switch self {
        case .all(let parts), .any(let parts): parts.flatMap(\.comparisons)
        case .not(let part): part.comparisons
        case .compare(let comparison): [comparison]
        }
    }
}

extension Condition: Codable {
    private enum CodingKeys: String, CodingKey {
        case all, any, not, op
    }

    /// Decodes `{"all": […]}`, `{"any": […]}`, `{"not": {…}}` or a comparison.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let groups = [CodingKeys.all, .any, .not].filter(container.contains)
        guard groups.count <= 1 else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath,
                    debugDescription: "a condition is one of all, any or not; wrap them in all or any to combine"))
        }
        if container.contains(.all) {
            self = .all(try container.decode([Condition].self, forKey: .all))
        } else if container.contains(.any) {
            self = .any(try container.decode([Condition].self, forKey: .any))
        } else if container.contains(.not) {
            self = .not(try container.decode(Condition.self, forKey: .not))
        } else if container.contains(.op) {
            self = .compare(try Comparison(from: decoder))
        } else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath,
                    debugDescription: "expected all, any, not or a comparison (metric, window, op, value)"))
        }
    }

    /// Encodes the shapes ``init(from:)`` reads.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .all(let parts):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(parts, forKey: .all)
        case .any(let parts):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(parts, forKey: .any)
        case .not(let part):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(part, forKey: .not)
        case .compare(let comparison):
            try comparison.encode(to: encoder)
        }
    }
}
