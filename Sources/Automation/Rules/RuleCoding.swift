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

    /// Encodes a rule as YAML, keys sorted, numbers written as people write them (`50`, `1.5`).
    public static func encodeYAML(_ rule: Rule) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        // Yams writes every Double in scientific notation (`5e+1`), which reads back but not to a person editing it.
        guard let node = try Yams.compose(yaml: try encoder.encode(rule)) else { return "" }
        return try Yams.serialize(node: plainNumbers(node), sortKeys: true)
    }

    /// The node with each plain number written plainly: whole numbers without a fraction, others in Swift's
    /// shortest form, which YAML reads back as the same number.
    private static func plainNumbers(_ node: Node) -> Node {
        switch node {
        case .scalar(var scalar):
            guard scalar.style == .plain, let value = Double(scalar.string), value.isFinite else { return node }
            scalar.string = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
            return .scalar(scalar)
        case .mapping(var mapping):
            for index in mapping.indices {
                mapping[index] = (mapping[index].key, plainNumbers(mapping[index].value))
            }
            return .mapping(mapping)
        case .sequence(var sequence):
            for index in sequence.indices { sequence[index] = plainNumbers(sequence[index]) }
            return .sequence(sequence)
        default:
            return node
        }
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
