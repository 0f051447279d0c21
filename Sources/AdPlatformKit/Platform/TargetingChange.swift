/// A change to targeting after launch: only the fields given change, the rest stay as they are on the platform.
///
/// To target every age again, give the widest range the platform allows (``LifecycleCapabilities/ageLimits``); to
/// target every gender, give an empty list.
public struct TargetingChange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The new countries (ISO-3166 alpha-2); `nil` leaves them unchanged. An empty list is invalid: every platform
    /// needs at least one location.
    public var countries: [String]?
    /// The new age range; `nil` leaves it unchanged.
    public var ageRange: AgeRange?
    /// The new genders; `nil` leaves them unchanged, an empty list targets everyone.
    public var genders: [Gender]?

    /// Creates a change of the given fields.
    public init(countries: [String]? = nil, ageRange: AgeRange? = nil, genders: [Gender]? = nil) {
        self.countries = countries
        self.ageRange = ageRange
        self.genders = genders
    }

    /// The fields the change sets, in a fixed order.
    public var fields: [TargetingField] {
        var result: [TargetingField] = []
        if countries != nil { result.append(.countries) }
        if ageRange != nil { result.append(.ageRange) }
        if genders != nil { result.append(.genders) }
        return result
    }

    /// Whether the change sets nothing.
    public var isEmpty: Bool { fields.isEmpty }

    /// The targeting after the change: the given fields replaced, everything else kept. Countries are upper-cased.
    public func applied(to targeting: Targeting) -> Targeting {
        var result = targeting
        if let countries { result.countries = countries.map { $0.uppercased() } }
        if let ageRange { result.ageRange = ageRange }
        if let genders { result.genders = genders }
        return result
    }

    /// `countries=US,CA ageRange=25-44 genders=female`, or `no change`.
    public var description: String {
        var parts: [String] = []
        if let countries { parts.append("countries=\(countries.joined(separator: ","))") }
        if let ageRange { parts.append("ageRange=\(ageRange)") }
        if let genders {
            parts.append("genders=\(genders.isEmpty ? "all" : genders.map(\.rawValue).joined(separator: ","))")
        }
        return parts.isEmpty ? "no change" : parts.joined(separator: " ")
    }
}
