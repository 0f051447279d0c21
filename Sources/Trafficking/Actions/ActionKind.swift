import AdPlatformKit

/// What a lifecycle action does: a kind, with the value it sets where it takes one.
///
/// An enum with associated values, so bid (`bid(BidChange)`), targeting (`targeting(Targeting)`) and `archive` come
/// as new cases without changing how actions are stored, claimed or run: each case says which field it sets and to
/// what (``newValue``), and the planner which entities it reaches.
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

    /// `activate`, `pause`, `resume`, `budget`.
    public var name: String {
        switch self {
        case .activate: "activate"
        case .pause: "pause"
        case .resume: "resume"
        case .budget: "budget"
        }
    }

    /// The value each targeted entity gets.
    public var newValue: ActionValue {
        switch self {
        case .activate, .resume: .status(.active)
        case .pause: .status(.paused)
        case .budget(let budget): .budget(budget)
        }
    }

    /// The kinds named on the command line and in the API that take no value.
    public static func named(_ name: String) -> ActionKind? {
        switch name.lowercased() {
        case "activate": .activate
        case "pause": .pause
        case "resume": .resume
        default: nil
        }
    }

    /// `pause`, `budget 250.00 USD daily`.
    public var description: String {
        switch self {
        case .budget(let budget): "budget \(budget)"
        default: name
        }
    }
}

extension ActionKind: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, budget
    }

    /// Decodes `{"type": "pause"}` or `{"type": "budget", "budget": {"period": "daily", "amount": "250.00",
    /// "currency": "USD"}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        if type == "budget" {
            self = .budget(try container.decode(Budget.self, forKey: .budget))
        } else if let kind = ActionKind.named(type) {
            self = kind
        } else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "unknown action '\(type)': expected activate, pause, resume or budget")
        }
    }

    /// Encodes the kind's name as `type`, and its value where it has one.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .type)
        if case .budget(let budget) = self { try container.encode(budget, forKey: .budget) }
    }
}
