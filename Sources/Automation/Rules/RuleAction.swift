import AdPlatformKit

/// What a rule does to an entity whose condition holds. Status, budget and bid changes become lifecycle actions
/// (``Trafficking/ActionRequest``), so they are durable and run exactly once; a notification is a signed webhook.
///
/// In the rule format: `{"type": "pause"}`, `{"type": "unpause"}`,
/// `{"type": "changeBudget", "percent": -20}`, `{"type": "changeBudget", "amount": "25.00", "currency": "USD",
/// "minimum": {"amount": "10.00", "currency": "USD"}}`, `{"type": "changeBid", "percent": 10}`,
/// `{"type": "notify", "url": "https://hooks.example.com/adops"}`.
public enum RuleAction: Sendable, Hashable, CustomStringConvertible {
    /// Stop the entity delivering.
    case pause
    /// Set a paused entity delivering again.
    case unpause
    /// Change the entity's budget, never past the bounds given (Meta's `change_spec.limit`).
    case changeBudget(ChangeAmount, minimum: Money? = nil, maximum: Money? = nil)
    /// Change the entity's bid amount (a bid cap, a cost cap or a target ROAS).
    case changeBid(ChangeAmount)
    /// Post a signed webhook naming the entities the rule matched to a URL.
    case notify(url: String)

    /// What the action changes, as the guardrails count it.
    public var changeField: ChangeField {
        switch self {
        case .pause, .unpause: .status
        case .changeBudget: .budget
        case .changeBid: .bid
        case .notify: .notification
        }
    }

    /// `pause`, `unpause`, `changeBudget`, `changeBid`, `notify`.
    public var type: String {
        switch self {
        case .pause: "pause"
        case .unpause: "unpause"
        case .changeBudget: "changeBudget"
        case .changeBid: "changeBid"
        case .notify: "notify"
        }
    }

    /// Every action type, in the order messages list them.
    public static let types = ["pause", "unpause", "changeBudget", "changeBid", "notify"]

    /// Whether it changes a budget or a bid: the changes the learning freeze and the change limits hold back.
    public var changesSpend: Bool {
        switch self {
        case .changeBudget, .changeBid: true
        case .pause, .unpause, .notify: false
        }
    }

    /// `pause`, `changeBudget -20%`, `notify https://…`.
    public var description: String {
        switch self {
        case .pause, .unpause: type
        case .changeBudget(let amount, _, _), .changeBid(let amount): "\(type) \(amount)"
        case .notify(let url): "notify \(url)"
        }
    }
}

extension RuleAction: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, percent, amount, currency, minimum, maximum, url
    }

    /// Decodes the shapes listed on ``RuleAction``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        func change() throws -> ChangeAmount {
            if let percent = try container.decodeIfPresent(Double.self, forKey: .percent) {
                guard !container.contains(.amount) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .amount, in: container, debugDescription: "give a percent or an amount, not both")
                }
                return .percent(percent)
            }
            guard container.contains(.amount) else {
                throw DecodingError.keyNotFound(
                    CodingKeys.percent,
                    .init(
                        codingPath: container.codingPath,
                        debugDescription: "\(type) needs a percent, or an amount with its currency"))
            }
            return .amount(try Money(from: decoder))
        }
        switch type {
        case "pause": self = .pause
        case "unpause", "resume": self = .unpause
        case "changeBudget":
            self = .changeBudget(
                try change(), minimum: try container.decodeIfPresent(Money.self, forKey: .minimum),
                maximum: try container.decodeIfPresent(Money.self, forKey: .maximum))
        case "changeBid": self = .changeBid(try change())
        case "notify": self = .notify(url: try container.decode(String.self, forKey: .url))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "unknown action '\(type)': expected \(Self.types.joined(separator: ", "))")
        }
    }

    /// Encodes the shapes ``init(from:)`` reads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        func encode(_ change: ChangeAmount) throws {
            switch change {
            case .percent(let percent): try container.encode(percent, forKey: .percent)
            case .amount(let money): try money.encode(to: encoder)
            }
        }
        switch self {
        case .pause, .unpause: break
        case .changeBudget(let change, let minimum, let maximum):
            try encode(change)
            try container.encodeIfPresent(minimum, forKey: .minimum)
            try container.encodeIfPresent(maximum, forKey: .maximum)
        case .changeBid(let change): try encode(change)
        case .notify(let url): try container.encode(url, forKey: .url)
        }
    }
}
