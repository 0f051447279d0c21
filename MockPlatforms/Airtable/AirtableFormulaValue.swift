import Foundation

/// A value inside a `filterByFormula` evaluation.
///
/// Airtable formulas are loosely typed: `TRUE()` is 1, an empty cell equals both `""` and `0`, and `&` joins
/// the text forms of anything. The coercions here follow that.
enum AirtableFormulaValue: Sendable, Equatable {
    /// An empty cell or `BLANK()`.
    case blank
    /// A number.
    case number(Double)
    /// Text.
    case text(String)
    /// A Boolean (`TRUE()`, a comparison, a checked box).
    case bool(Bool)
    /// A failed computation (division by zero, arithmetic on text); it is falsy and spreads.
    case error

    /// Whether the value counts as true where a condition is expected.
    var isTruthy: Bool {
        switch self {
        case .blank, .error: false
        case .number(let value): value != 0
        case .text(let value): !value.isEmpty
        case .bool(let value): value
        }
    }

    /// The text form, as `&`, `LEN` and `LOWER` see it (`TRUE()` is `1`, a whole number has no decimals).
    var text: String {
        switch self {
        case .blank, .error: ""
        case .text(let value): value
        case .bool(let value): value ? "1" : "0"
        case .number(let value):
            value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }
    }

    /// The number form, when there is one: blank is 0, text only when it is a number.
    var number: Double? {
        switch self {
        case .blank: 0
        case .number(let value): value
        case .bool(let value): value ? 1 : 0
        case .text(let value): Double(value.trimmingCharacters(in: .whitespaces))
        case .error: nil
        }
    }

    private var isNumeric: Bool {
        switch self {
        case .number, .bool: true
        default: false
        }
    }

    /// `=`: numbers compare as numbers when either side is one, otherwise text compares exactly (Airtable's `=`
    /// is case-sensitive); an empty cell equals `""`, `0` and `BLANK()`.
    func equals(_ other: AirtableFormulaValue) -> AirtableFormulaValue {
        if self == .error || other == .error { return .error }
        if isNumeric || other.isNumeric, let left = number, let right = other.number {
            return .bool(left == right)
        }
        return .bool(text == other.text)
    }

    /// `<`, `>`, `<=`, `>=`: numerically when either side is a number (an empty cell then counts as 0), else by
    /// text (so ISO dates order correctly). `order` receives -1, 0 or 1.
    func compare(_ other: AirtableFormulaValue, _ order: (Int) -> Bool) -> AirtableFormulaValue {
        if self == .error || other == .error { return .error }
        if isNumeric || other.isNumeric, let left = number, let right = other.number {
            return .bool(order(left < right ? -1 : left == right ? 0 : 1))
        }
        let left = text
        let right = other.text
        return .bool(order(left < right ? -1 : left == right ? 0 : 1))
    }

    /// `+`, `-`, `*`, `/` on the number forms; anything else is an error.
    func arithmetic(_ other: AirtableFormulaValue, _ operation: (Double, Double) -> Double?) -> AirtableFormulaValue {
        guard let left = number, let right = other.number, let result = operation(left, right), result.isFinite
        else { return .error }
        return .number(result)
    }
}
