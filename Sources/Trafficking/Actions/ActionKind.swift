import AdPlatformKit

/// What a lifecycle action does: a kind, with the value it sets where it takes one.
///
/// An enum with associated values, so each kind comes as a case without changing how actions are stored, claimed
/// or run: each case says which field it sets and to what (``newValue``), and the planner which entities it
/// reaches.
public enum ActionKind: Sendable, Hashable, CustomStringConvertible {
    /// Sets the targeted entities and everything under them delivering, bottom-up: ads, then ad groups, then the
    /// campaign, so nothing delivers before the whole tree is switched on.
    case activate
    /// Stops the targeted entities delivering; what is under them keeps its own status, so a resume brings back
    /// exactly what ran.
    case pause
    /// Sets the targeted entities delivering again, and only them.
    case resume
    /// Sets the budget of the targeted entities, at the level the platform holds budgets.
    case budget(Budget)
    /// Sets the bid of the targeted entities: a cap, a target cost, a target ROAS or automatic bidding, at the
    /// levels the platform holds bids (``LifecycleCapabilities/Level/bidStrategies``).
    case bid(BidStrategy)
    /// Changes the targeting of the targeted entities (countries, age range, genders), keeping the fields not given.
    case targeting(TargetingChange)
    /// Stops the targeted entities for good, keeping them and their reporting readable, where the platform can
    /// (``LifecycleCapabilities/archive``). An archived campaign takes no further action.
    case archive

    /// `activate`, `pause`, `resume`, `budget`, `bid`, `targeting`, `archive`.
    public var name: String {
        switch self {
        case .activate: "activate"
        case .pause: "pause"
        case .resume: "resume"
        case .budget: "budget"
        case .bid: "bid"
        case .targeting: "targeting"
        case .archive: "archive"
        }
    }

    /// Every kind's name, in the order help texts list them.
    public static let names = ["activate", "pause", "resume", "budget", "bid", "targeting", "archive"]

    /// The value each targeted entity gets.
    public var newValue: ActionValue {
        switch self {
        case .activate, .resume: .status(.active)
        case .pause: .status(.paused)
        case .budget(let budget): .budget(budget)
        case .bid(let bid): .bid(bid)
        case .targeting(let change): .targeting(change)
        case .archive: .archived
        }
    }

    /// The change as the platform's capability check sees it.
    public var lifecycleChange: LifecycleChange {
        switch self {
        case .activate: .status(.activate)
        case .pause: .status(.pause)
        case .resume: .status(.resume)
        case .archive: .status(.archive)
        case .budget(let budget): .budget(budget)
        case .bid(let bid): .bid(bid)
        case .targeting(let change): .targeting(change)
        }
    }

    /// The kinds named on the command line and in the API that take no value.
    public static func named(_ name: String) -> ActionKind? {
        switch name.lowercased() {
        case "activate": .activate
        case "pause": .pause
        case "resume": .resume
        case "archive": .archive
        default: nil
        }
    }

    /// `pause`, `budget 250.00 USD daily`, `bid costCap 12.00 USD`, `targeting countries=US,CA`.
    public var description: String {
        switch self {
        case .budget(let budget): "budget \(budget)"
        case .bid(let bid): "bid \(bid)"
        case .targeting(let change): "targeting \(change)"
        default: name
        }
    }
}

extension ActionKind: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, budget, bid, targeting
    }

    /// Decodes `{"type": "pause"}`, `{"type": "archive"}`, `{"type": "budget", "budget": {"period": "daily",
    /// "amount": "250.00", "currency": "USD"}}`, `{"type": "bid", "bid": {"strategy": "costCap", "amount": "12.00",
    /// "currency": "USD"}}` or `{"type": "targeting", "targeting": {"countries": ["US"], "ageRange": {"min": 18,
    /// "max": 44}, "genders": ["female"]}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "budget": self = .budget(try container.decode(Budget.self, forKey: .budget))
        case "bid": self = .bid(try container.decode(BidStrategy.self, forKey: .bid))
        case "targeting": self = .targeting(try container.decode(TargetingChange.self, forKey: .targeting))
        default:
            guard let kind = ActionKind.named(type) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .type, in: container,
                    debugDescription: "unknown action '\(type)': expected "
                        + ActionKind.names.joined(separator: ", "))
            }
            self = kind
        }
    }

    /// Encodes the kind's name as `type`, and its value, under the kind's name, where it has one.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .type)
        switch self {
        case .budget(let budget): try container.encode(budget, forKey: .budget)
        case .bid(let bid): try container.encode(bid, forKey: .bid)
        case .targeting(let change): try container.encode(change, forKey: .targeting)
        case .activate, .pause, .resume, .archive: break
        }
    }
}
