/// One thing wrong with a rule, at its path in the rule format: `conditions.all[1].metric`, `actions[0].percent`,
/// `schedule.everyMinutes`.
public struct RuleProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where in the rule, dotted, with list indexes in brackets; empty for the whole document.
    public var path: String
    /// What is wrong and what would be right.
    public var message: String

    /// Creates a problem.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `conditions.all[1].metric: unknown metric 'cpx'`.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// A coding path in the same notation.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}
