import AdPlatformKit

/// A value an action reads or writes on one entity: a delivery status or a budget. Bids and targeting become
/// cases of their own when actions gain them.
public enum ActionValue: Sendable, Hashable, CustomStringConvertible {
    /// A delivery status.
    case status(DeliveryStatus)
    /// A budget.
    case budget(Budget)

    /// The field the value belongs to: `status` or `budget`.
    public var field: String {
        switch self {
        case .status: "status"
        case .budget: "budget"
        }
    }

    /// `ACTIVE`, `250.00 USD daily`.
    public var description: String {
        switch self {
        case .status(let status): status.rawValue
        case .budget(let budget): budget.description
        }
    }

    /// The status, when this is one.
    public var status: DeliveryStatus? {
        if case .status(let status) = self { return status }
        return nil
    }

    /// The budget, when this is one.
    public var budget: Budget? {
        if case .budget(let budget) = self { return budget }
        return nil
    }
}

extension ActionValue: Codable {
    private enum CodingKeys: String, CodingKey {
        case status, budget
    }

    /// Decodes `{"status": "ACTIVE"}` or `{"budget": {"period": "daily", "amount": "250.00", "currency": "USD"}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let status = try container.decodeIfPresent(DeliveryStatus.self, forKey: .status) {
            self = .status(status)
        } else if let budget = try container.decodeIfPresent(Budget.self, forKey: .budget) {
            self = .budget(budget)
        } else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: container.codingPath, debugDescription: "expected a status or a budget"))
        }
    }

    /// Encodes the value under its field's name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .status(let status): try container.encode(status, forKey: .status)
        case .budget(let budget): try container.encode(budget, forKey: .budget)
        }
    }
}
