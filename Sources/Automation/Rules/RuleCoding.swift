import Foundation
import Yams

/// Reads and writes rules as JSON or YAML. A document that does not parse is refused with the problem at its
/// path (`conditions.all[1].op: …`), like every other problem of a rule.
public enum RuleCoding {
    /// Decodes a rule from JSON; throws ``RuleRefusal`` naming where the document is malformed.
    public static func decodeJSON(_ data: Data) throws(RuleRefusal) -> Rule {
        do {
            return try JSONDecoder().decode(Rule.self, from: data)
        } catch {
            throw RuleRefusal(problems: [problem(for: error)])
        }
    }

    /// Decodes a rule from YAML; throws ``RuleRefusal`` naming where the document is malformed.
    public static func decodeYAML(_ text: String) throws(RuleRefusal) -> Rule {
        do {
            return try YAMLDecoder().decode(Rule.self, from: text)
        } catch {
            throw RuleRefusal(problems: [problem(for: error)])
        }
    }

    /// Encodes a rule as JSON, keys sorted so the same rule is always the same bytes.
    public static func encodeJSON(_ rule: Rule, pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys]
        return try encoder.encode(rule)
    }

    /// Encodes a rule as YAML, keys sorted.
    public static func encodeYAML(_ rule: Rule) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        return try encoder.encode(rule)
    }

    /// A decoding failure as a problem at its path.
    static func problem(for error: any Error) -> RuleProblem {
        guard let decoding = error as? DecodingError else {
            return RuleProblem(path: "", message: "not a readable rule document: \(error)")
        }
        switch decoding {
        case .keyNotFound(let key, let context):
            return RuleProblem(
                path: RuleProblem.path(context.codingPath + [key]),
                message: context.debugDescription.hasPrefix("No value associated")
                    ? "is required" : context.debugDescription)
        case .typeMismatch(let type, let context):
            return RuleProblem(
                path: RuleProblem.path(context.codingPath),
                message: "expected \(describe(type)); \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return RuleProblem(path: RuleProblem.path(context.codingPath), message: "expected \(describe(type))")
        case .dataCorrupted(let context):
            return RuleProblem(path: RuleProblem.path(context.codingPath), message: context.debugDescription)
        @unknown default:
            return RuleProblem(path: "", message: "\(decoding)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "\(type)"
        }
    }
}
