import AdPlatformKit
import Foundation
import Yams

extension FolderTicketSource {
    /// A YAML document that cannot become JSON, with the field and, for syntax errors, the line and column.
    struct YAMLProblem: Error {
        /// The field path, or `nil` for the document.
        var fieldPath: String?
        /// Why.
        var message: String
    }

    /// YAML 1.2's core schema: only `true`/`false` are Booleans (a country code `NO` stays a string), numbers are
    /// plain decimals, and timestamps stay strings for the request decoder to read.
    static let yamlResolver: Resolver =
        (try? Resolver.default
            .replacing(.bool, with: "^(?:true|True|TRUE|false|False|FALSE)$")
            .replacing(.int, with: "^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
            .replacing(.float, with: yamlFloatPattern)
            .removing(.timestamp)) ?? Resolver.default.removing(.timestamp)

    /// YAML 1.2 core floats: decimals with an optional exponent, and the infinities and NaN (refused later).
    private static let yamlFloatPattern =
        #"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"#
        + #"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"#

    /// Parses YAML text into the JSON value it describes; throws ``YAMLProblem``.
    static func jsonValue(fromYAML text: String) throws(YAMLProblem) -> JSONValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, yamlResolver)
        } catch let error as YamlError {
            throw YAMLProblem(fieldPath: nil, message: "is not valid YAML: \(describe(error))")
        } catch {
            throw YAMLProblem(fieldPath: nil, message: "is not valid YAML: \(error)")
        }
        guard let node else { throw YAMLProblem(fieldPath: nil, message: "is empty") }
        return try jsonValue(node, path: "")
    }

    private static func jsonValue(_ node: Node, path: String) throws(YAMLProblem) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return try jsonValue(scalar, tag: Tag.Name(rawValue: node.tag.rawValue), path: path)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            for (index, element) in sequence.enumerated() {
                elements.append(try jsonValue(element, path: "\(path)[\(index)]"))
            }
            return .array(elements)
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            var merged: [String: JSONValue] = [:]
            for (key, value) in mapping {
                if key.tag.rawValue == Tag.Name.merge.rawValue {
                    // `<<: *defaults` (or a list of them): the anchored mappings' keys, unless given here.
                    let sources = value.sequence.map(Array.init) ?? [value]
                    for source in sources {
                        guard case .object(let extra) = try jsonValue(source, path: path) else {
                            throw YAMLProblem(fieldPath: path.isEmpty ? nil : path, message: "merges a non-mapping")
                        }
                        merged.merge(extra) { first, _ in first }
                    }
                    continue
                }
                guard let name = key.scalar?.string else {
                    throw YAMLProblem(fieldPath: path.isEmpty ? nil : path, message: "has a key that is not text")
                }
                let child = path.isEmpty ? name : "\(path).\(name)"
                members[name] = try jsonValue(value, path: child)
            }
            return .object(members.merging(merged) { own, _ in own })
        case .alias(let alias):
            throw YAMLProblem(fieldPath: path.isEmpty ? nil : path, message: "uses an unresolved alias \(alias.anchor)")
        }
    }

    private static func jsonValue(_ scalar: Node.Scalar, tag: Tag.Name, path: String) throws(YAMLProblem) -> JSONValue {
        let field = path.isEmpty ? nil : path
        switch tag {
        case .null:
            return .null
        case .bool:
            guard let value = Bool.construct(from: scalar) else { return .string(scalar.string) }
            return .bool(value)
        case .int:
            guard let value = Int64.construct(from: scalar) else {
                throw YAMLProblem(fieldPath: field, message: "\(scalar.string) is too large a whole number")
            }
            return .integer(value)
        case .float:
            let text = scalar.string
            guard let double = Double(text), double.isFinite else {
                throw YAMLProblem(fieldPath: field, message: "must be a finite number, not \(text)")
            }
            // Kept exact: `amount: 19.99` must not become 19.989999….
            return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")).map(JSONValue.decimal)
                ?? .double(double)
        default:
            return .string(scalar.string)
        }
    }

    /// `line 3, column 5: mapping values are not allowed in this context`.
    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return "line \(mark.line), column \(mark.column): \(context.map { "\($0.text) " } ?? "")\(problem)"
        case .reader(let problem, let offset, _, let yaml):
            guard let offset else { return problem }
            let (line, column) = lineAndColumn(of: offset, in: Data(yaml.utf8))
            return "line \(line), column \(column): \(problem)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            return "line \(context.mark.line), column \(context.mark.column): duplicated key(s) "
                + duplicates.sorted().joined(separator: ", ")
        default:
            return "\(error)"
        }
    }
}
