/// Why a `filterByFormula` was refused, in the words the emulator answers `INVALID_FILTER_BY_FORMULA` with.
struct AirtableFormulaError: Error, Sendable, Equatable {
    /// The detail after "The formula for filtering records is invalid: ".
    var detail: String

    /// Text the parser cannot read, at a 1-based character position.
    static func syntax(_ problem: String, at position: Int) -> AirtableFormulaError {
        AirtableFormulaError(
            detail: "Invalid formula. Please check your formula text. At character \(position): \(problem).")
    }

    /// Function names the emulator does not know, in Airtable's wording.
    static func unknownFunctions(_ names: [String]) -> AirtableFormulaError {
        AirtableFormulaError(detail: "Unknown function names: \(names.joined(separator: ", "))")
    }

    /// Field names the table does not have, in Airtable's wording (which lower-cases them).
    static func unknownFields(_ names: [String]) -> AirtableFormulaError {
        AirtableFormulaError(detail: "Unknown field names: \(names.map { $0.lowercased() }.joined(separator: ", "))")
    }
}
