import Foundation

/// A parsed `filterByFormula` expression: a small, real subset of Airtable's formula language.
///
/// Supported: field references `{Field Name}` (and bare one-word names), `'…'` and `"…"` strings with backslash
/// escapes, numbers, `=`, `!=`, `<`, `>`, `<=`, `>=`, `&`, `+`, `-`, `*`, `/`, unary minus, parentheses, and the
/// functions in ``Function``. ``AirtableFormulaParser`` reads the text; ``evaluate(field:recordID:)`` runs it on
/// one record.
indirect enum AirtableFormula: Sendable, Equatable {
    /// A binary operator, lowest precedence first: comparisons, then `&`, then `+ -`, then `* /`.
    enum Operator: String, Sendable, Equatable {
        /// `=`.
        case equal = "="
        /// `!=`.
        case notEqual = "!="
        /// `<`.
        case less = "<"
        /// `>`.
        case greater = ">"
        /// `<=`.
        case lessOrEqual = "<="
        /// `>=`.
        case greaterOrEqual = ">="
        /// `&`: text concatenation.
        case concatenate = "&"
        /// `+`.
        case plus = "+"
        /// `-`.
        case minus = "-"
        /// `*`.
        case times = "*"
        /// `/`.
        case divide = "/"
    }

    /// The functions the emulator evaluates; names are case-insensitive, as in Airtable.
    enum Function: String, Sendable, CaseIterable {
        /// `AND(a, b, …)`: whether every argument is truthy.
        case and = "AND"
        /// `OR(a, b, …)`: whether any argument is truthy.
        case or = "OR"
        /// `NOT(a)`.
        case not = "NOT"
        /// `TRUE()`.
        case `true` = "TRUE"
        /// `FALSE()`.
        case `false` = "FALSE"
        /// `BLANK()`: the empty value.
        case blank = "BLANK"
        /// `IF(condition, then[, else])`.
        case `if` = "IF"
        /// `LOWER(text)`.
        case lower = "LOWER"
        /// `UPPER(text)`.
        case upper = "UPPER"
        /// `LEN(text)`: characters.
        case len = "LEN"
        /// `TRIM(text)`: without leading and trailing spaces.
        case trim = "TRIM"
        /// `FIND(needle, haystack[, start])`: 1-based position of the needle, 0 when absent (case-sensitive).
        case find = "FIND"
        /// `SEARCH(needle, haystack[, start])`: like `FIND`, but empty when absent.
        case search = "SEARCH"
        /// `CONCATENATE(a, b, …)`.
        case concatenate = "CONCATENATE"
        /// `RECORD_ID()`.
        case recordID = "RECORD_ID"

        /// How many arguments the function takes.
        var arity: ClosedRange<Int> {
            switch self {
            case .and, .or, .concatenate: 1...Int.max
            case .not, .lower, .upper, .len, .trim: 1...1
            case .true, .false, .blank, .recordID: 0...0
            case .if: 2...3
            case .find, .search: 2...3
            }
        }
    }

    /// A number or text literal.
    case literal(AirtableFormulaValue)
    /// A field reference, by the name written in the formula.
    case field(String)
    /// A function call.
    case call(Function, [AirtableFormula])
    /// A binary operation.
    case binary(Operator, AirtableFormula, AirtableFormula)
    /// Unary minus.
    case negate(AirtableFormula)

    /// Every field name the formula refers to, in order of appearance.
    var fieldNames: [String] {
        switch self {
        case .literal: []
        case .field(let name): [name]
        case .call(_, let arguments): arguments.flatMap(\.fieldNames)
        case .binary(_, let lhs, let rhs): lhs.fieldNames + rhs.fieldNames
        case .negate(let operand): operand.fieldNames
        }
    }

    /// The value on one record; `field` answers a referenced field's value.
    func evaluate(field: (String) -> AirtableFormulaValue, recordID: String) -> AirtableFormulaValue {
        switch self {
        case .literal(let value):
            return value
        case .field(let name):
            return field(name)
        case .negate(let operand):
            return AirtableFormulaValue.number(0).arithmetic(operand.evaluate(field: field, recordID: recordID), -)
        case .binary(let op, let lhs, let rhs):
            let left = lhs.evaluate(field: field, recordID: recordID)
            let right = rhs.evaluate(field: field, recordID: recordID)
            return Self.apply(op, left, right)
        case .call(let function, let arguments):
            return Self.call(function, arguments, field: field, recordID: recordID)
        }
    }

    private static func apply(
        _ op: Operator, _ left: AirtableFormulaValue, _ right: AirtableFormulaValue
    ) -> AirtableFormulaValue {
        switch op {
        case .equal: return left.equals(right)
        case .notEqual:
            let equal = left.equals(right)
            return equal == .error ? .error : .bool(!equal.isTruthy)
        case .less: return left.compare(right) { $0 < 0 }
        case .greater: return left.compare(right) { $0 > 0 }
        case .lessOrEqual: return left.compare(right) { $0 <= 0 }
        case .greaterOrEqual: return left.compare(right) { $0 >= 0 }
        case .concatenate:
            return left == .error || right == .error ? .error : .text(left.text + right.text)
        case .plus: return left.arithmetic(right, +)
        case .minus: return left.arithmetic(right, -)
        case .times: return left.arithmetic(right, *)
        case .divide: return left.arithmetic(right) { $1 == 0 ? nil : $0 / $1 }
        }
    }

    private static func call(
        _ function: Function, _ arguments: [AirtableFormula], field: (String) -> AirtableFormulaValue,
        recordID: String
    ) -> AirtableFormulaValue {
        // IF, AND and OR evaluate lazily, like Airtable's: an error in an untaken branch does not spread.
        func value(_ index: Int) -> AirtableFormulaValue {
            index < arguments.count ? arguments[index].evaluate(field: field, recordID: recordID) : .blank
        }
        switch function {
        case .and: return .bool(arguments.indices.allSatisfy { value($0).isTruthy })
        case .or: return .bool(arguments.indices.contains { value($0).isTruthy })
        case .not: return .bool(!value(0).isTruthy)
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .blank: return .blank
        case .if: return value(0).isTruthy ? value(1) : value(2)
        case .lower: return .text(value(0).text.lowercased())
        case .upper: return .text(value(0).text.uppercased())
        case .len: return .number(Double(value(0).text.count))
        case .trim: return .text(value(0).text.trimmingCharacters(in: .whitespaces))
        case .concatenate: return .text(arguments.indices.map { value($0).text }.joined())
        case .recordID: return .text(recordID)
        case .find, .search:
            let needle = value(0).text
            let haystack = Array(value(1).text)
            let start = max(0, Int(value(2).number ?? 0) - 1)
            let position = Self.position(of: Array(needle), in: haystack, from: start)
            if function == .search, position == 0 { return .blank }
            return .number(Double(position))
        }
    }

    /// The 1-based position of `needle` in `haystack` at or after `start` (0-based), or 0.
    private static func position(of needle: [Character], in haystack: [Character], from start: Int) -> Int {
        guard !needle.isEmpty, needle.count <= haystack.count, start <= haystack.count - needle.count else { return 0 }
        for index in start...(haystack.count - needle.count)
        where Array(haystack[index..<index + needle.count]) == needle {
            return index + 1
        }
        return 0
    }
}
