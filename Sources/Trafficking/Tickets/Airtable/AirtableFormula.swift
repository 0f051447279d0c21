import Foundation

/// Builds Airtable formula text with field names and string values quoted, so a value such as `Client's OK`
/// cannot end its string early or change the formula.
public enum AirtableFormula {
    /// A field reference, `{Status}`; a `}` in the name is escaped.
    public static func field(_ name: String) -> String {
        "{" + name.replacingOccurrences(of: "}", with: "\\}") + "}"
    }

    /// A string literal in single quotes, with backslashes and single quotes escaped: `'Client\'s OK'`.
    public static func string(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// `{field} = 'value'`.
    public static func equals(field name: String, _ value: String) -> String {
        "\(field(name)) = \(string(value))"
    }
}
