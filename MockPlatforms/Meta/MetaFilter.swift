import Foundation

/// One clause of Graph's `filtering` parameter: `{"field":"name","operator":"CONTAIN","value":"ao-1a2b"}`.
struct MetaFilter: Sendable {
    /// The field filtered on, e.g. `name`, `effective_status`, `campaign.id`.
    var field: String
    /// The operator, e.g. `EQUAL`, `CONTAIN`, `IN`.
    var op: String
    /// The value (a string, a number or an array).
    var value: MockJSON

    /// The operators the emulator evaluates; Graph's other operators are refused with Graph's error.
    static let evaluated: Set<String> = [
        "EQUAL", "NOT_EQUAL", "CONTAIN", "NOT_CONTAIN", "IN", "NOT_IN", "STARTS_WITH", "ENDS_WITH", "GREATER_THAN",
        "GREATER_THAN_OR_EQUAL", "LESS_THAN", "LESS_THAN_OR_EQUAL",
    ]

    /// The clauses of a call's `filtering`, each naming one of `fields`.
    static func parse(_ params: MetaParams, fields: Set<String>) throws(MetaError) -> [MetaFilter] {
        guard let elements = try params.array("filtering") else { return [] }
        var filters: [MetaFilter] = []
        for (index, element) in elements.enumerated() {
            guard element.members != nil, let field = element["field"]?.string, let op = element["operator"]?.string
            else {
                throw MetaError.param("param filtering[\(index)] must be an object with field, operator and value.")
            }
            guard MetaVocabulary.filterOperators.contains(op) else {
                throw MetaError.notInEnum("filtering[\(index)][operator]", MetaVocabulary.filterOperators.ordered)
            }
            guard fields.contains(field) else { throw MetaError.param("Filtering field \(field) is invalid.") }
            guard evaluated.contains(op) else {
                throw MetaError.param("Filtering operator \(op) is not supported for field \(field).")
            }
            guard let value = element["value"] else {
                throw MetaError.param("param filtering[\(index)] needs a value.")
            }
            if op == "IN" || op == "NOT_IN", value.array == nil {
                throw MetaError.param("param filtering[\(index)][value] must be an array for operator \(op).")
            }
            filters.append(MetaFilter(field: field, op: op, value: value))
        }
        return filters
    }

    /// Whether an object whose field has `actual` passes the clause.
    func matches(_ actual: String?) -> Bool {
        let actual = actual ?? ""
        switch op {
        case "EQUAL": return actual == value.text
        case "NOT_EQUAL": return actual != value.text
        case "CONTAIN": return actual.localizedCaseInsensitiveContains(value.text ?? "")
        case "NOT_CONTAIN": return !actual.localizedCaseInsensitiveContains(value.text ?? "")
        case "STARTS_WITH": return actual.lowercased().hasPrefix((value.text ?? "").lowercased())
        case "ENDS_WITH": return actual.lowercased().hasSuffix((value.text ?? "").lowercased())
        case "IN": return (value.array ?? []).contains { $0.text == actual }
        case "NOT_IN": return !(value.array ?? []).contains { $0.text == actual }
        default: return compare(actual)
        }
    }

    /// Ordered comparison: numerically when both sides are numbers, else as text.
    private func compare(_ actual: String) -> Bool {
        let expected = value.text ?? ""
        let order: Int
        if let left = Double(actual), let right = Double(expected) {
            order = left < right ? -1 : (left > right ? 1 : 0)
        } else {
            order = actual < expected ? -1 : (actual > expected ? 1 : 0)
        }
        switch op {
        case "GREATER_THAN": return order > 0
        case "GREATER_THAN_OR_EQUAL": return order >= 0
        case "LESS_THAN": return order < 0
        default: return order <= 0
        }
    }
}
