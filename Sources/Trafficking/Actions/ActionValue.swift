import AdPlatformKit

/// A value an action reads or writes on one entity: a delivery status, the archived state, a budget, a bid or
/// targeting. Old and new values are logged and stored as these.
public enum ActionValue: Sendable, Hashable, CustomStringConvertible {
    /// A delivery status.
    case status(DeliveryStatus)
    /// The archived state: delivery stopped for good (Meta `ARCHIVED`, Google `REMOVED`); the status field's value
    /// after an archive.
    case archived
    /// A budget.
    case budget(Budget)
    /// A bid strategy with its amount or target.
    case bid(BidStrategy)
    /// Targeting: the fields a change sets, or the ones it read before the change.
    case targeting(TargetingChange)

    /// The string the archived state is written as, in the `status` field.
    public static let archivedStatus = "ARCHIVED"

    /// The field the value belongs to: `status`, `budget`, `bid` or `targeting`.
    public var field: String {
        switch self {
        case .status, .archived: "status"
        case .budget: "budget"
        case .bid: "bid"
        case .targeting: "targeting"
        }
    }

    /// `ACTIVE`, `ARCHIVED`, `250.00 USD daily`, `costCap 12.00 USD`, `countries=US ageRange=18-44`.
    public var description: String {
        switch self {
        case .status(let status): status.rawValue
        case .archived: Self.archivedStatus
        case .budget(let budget): budget.description
        case .bid(let bid): bid.description
        case .targeting(let change): change.description
        }
    }

    /// The status, when this is one.
    public var status: DeliveryStatus? {
        if case .status(let status) = self { return status }
        return nil
    }

    /// The delivery status an entity shows once it has the value, as ``EntityReading`` reads it: the status itself,
    /// or `REMOVED` for the archived state (Meta reads `ARCHIVED` back as removed, Google archives as `REMOVED`);
    /// `nil` for values that are not statuses.
    public var deliveryStatus: DeliveryStatus? {
        switch self {
        case .status(let status): status
        case .archived: .removed
        case .budget, .bid, .targeting: nil
        }
    }

    /// The budget, when this is one.
    public var budget: Budget? {
        if case .budget(let budget) = self { return budget }
        return nil
    }

    /// The bid, when this is one.
    public var bid: BidStrategy? {
        if case .bid(let bid) = self { return bid }
        return nil
    }

    /// The targeting, when this is one.
    public var targeting: TargetingChange? {
        if case .targeting(let change) = self { return change }
        return nil
    }
}

extension ActionValue: Codable {
    private enum CodingKeys: String, CodingKey {
        case status, budget, bid, targeting
    }

    /// Decodes `{"status": "ACTIVE"}`, `{"status": "ARCHIVED"}`, `{"budget": {"period": "daily", "amount": "250.00",
    /// "currency": "USD"}}`, `{"bid": {"strategy": "bidCap", "amount": "1.50", "currency": "USD"}}` or
    /// `{"targeting": {"countries": ["US"]}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.status) {
            if try container.decode(String.self, forKey: .status) == Self.archivedStatus {
                self = .archived
            } else {
                self = .status(try container.decode(DeliveryStatus.self, forKey: .status))
            }
        } else if let budget = try container.decodeIfPresent(Budget.self, forKey: .budget) {
            self = .budget(budget)
        } else if let bid = try container.decodeIfPresent(BidStrategy.self, forKey: .bid) {
            self = .bid(bid)
        } else if let change = try container.decodeIfPresent(TargetingChange.self, forKey: .targeting) {
            self = .targeting(change)
        } else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath,
                    debugDescription: "expected a status, a budget, a bid or targeting"))
        }
    }

    /// Encodes the value under its field's name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .status(let status): try container.encode(status, forKey: .status)
        case .archived: try container.encode(Self.archivedStatus, forKey: .status)
        case .budget(let budget): try container.encode(budget, forKey: .budget)
        case .bid(let bid): try container.encode(bid, forKey: .bid)
        case .targeting(let change): try container.encode(change, forKey: .targeting)
        }
    }
}
