import Foundation

/// Reads a `filterByFormula` text into an ``AirtableFormula`` by recursive descent, reporting the first problem
/// with its 1-based character position.
///
/// Grammar, lowest precedence first:
/// ```
/// formula    := comparison
/// comparison := concat (("=" | "!=" | "<" | ">" | "<=" | ">=") concat)*
/// concat     := sum ("&" sum)*
/// sum        := product (("+" | "-") product)*
/// product    := unary (("*" | "/") unary)*
/// unary      := "-" unary | primary
/// primary    := number | string | "{" name "}" | NAME "(" arguments ")" | NAME | "(" formula ")"
/// ```
struct AirtableFormulaParser {
    private let characters: [Character]
    private var index = 0
    private var depth = 0
    private var unknownFunctions: [String] = []

    /// Nesting deeper than this is refused, so a hostile formula cannot exhaust the stack.
    static let maximumDepth = 64

    /// Parses a whole formula.
    static func parse(_ text: String) throws(AirtableFormulaError) -> AirtableFormula {
        var parser = AirtableFormulaParser(characters: Array(text))
        let formula = try parser.parseFormula()
        parser.skipWhitespace()
        if parser.index < parser.characters.count {
            throw .syntax("unexpected \(parser.describe(parser.characters[parser.index]))", at: parser.index + 1)
        }
        if !parser.unknownFunctions.isEmpty { throw .unknownFunctions(parser.unknownFunctions) }
        return formula
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    // MARK: - Levels

    private mutating func parseFormula() throws(AirtableFormulaError) -> AirtableFormula {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw .syntax("formula nested too deeply", at: index + 1) }
        skipWhitespace()
        guard index < characters.count else { throw .syntax("expected a value", at: index + 1) }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(AirtableFormulaError) -> AirtableFormula {
        var formula = try parseConcatenation()
        while let op = readOperator(["<=", ">=", "!=", "=", "<", ">"]) {
            formula = .binary(op, formula, try parseConcatenation())
        }
        return formula
    }

    private mutating func parseConcatenation() throws(AirtableFormulaError) -> AirtableFormula {
        var formula = try parseSum()
        while let op = readOperator(["&"]) { formula = .binary(op, formula, try parseSum()) }
        return formula
    }

    private mutating func parseSum() throws(AirtableFormulaError) -> AirtableFormula {
        var formula = try parseProduct()
        while let op = readOperator(["+", "-"]) { formula = .binary(op, formula, try parseProduct()) }
        return formula
    }

    private mutating func parseProduct() throws(AirtableFormulaError) -> AirtableFormula {
        var formula = try parseUnary()
        while let op = readOperator(["*", "/"]) { formula = .binary(op, formula, try parseUnary()) }
        return formula
    }

    private mutating func parseUnary() throws(AirtableFormulaError) -> AirtableFormula {
        skipWhitespace()
        if peek == "-" {
            index += 1
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { throw .syntax("formula nested too deeply", at: index) }
            return .negate(try parseUnary())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(AirtableFormulaError) -> AirtableFormula {
        skipWhitespace()
        guard let character = peek else { throw .syntax("unexpected end of formula", at: index + 1) }
        switch character {
        case "{":
            return .field(try readFieldName())
        case "'", "\"":
            return .literal(.text(try readString()))
        case "(":
            let start = index
            index += 1
            let inner = try parseFormula()
            skipWhitespace()
            guard peek == ")" else {
                throw .syntax("missing ) to close the ( at character \(start + 1)", at: index + 1)
            }
            index += 1
            return inner
        case _ where character.isNumber || character == ".":
            return .literal(.number(try readNumber()))
        case _ where character.isLetter || character == "_":
            return try readNameOrCall()
        default:
            throw .syntax("unexpected \(describe(character))", at: index + 1)
        }
    }

    // MARK: - Tokens

    private var peek: Character? { index < characters.count ? characters[index] : nil }

    private mutating func skipWhitespace() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    /// Reads the longest of the operators at the cursor, after whitespace.
    private mutating func readOperator(_ candidates: [String]) -> AirtableFormula.Operator? {
        skipWhitespace()
        for candidate in candidates {
            let symbol = Array(candidate)
            guard index + symbol.count <= characters.count, Array(characters[index..<index + symbol.count]) == symbol
            else { continue }
            // `<` must not swallow the first half of `<=`; the longer ones are listed first for that.
            index += symbol.count
            return AirtableFormula.Operator(rawValue: candidate)
        }
        return nil
    }

    private mutating func readFieldName() throws(AirtableFormulaError) -> String {
        let start = index
        index += 1
        var name = ""
        while let character = peek, character != "}" {
            name.append(character)
            index += 1
        }
        guard peek == "}" else { throw .syntax("missing } to close the field name", at: start + 1) }
        index += 1
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .syntax("empty field name", at: start + 1)
        }
        return name
    }

    private mutating func readString() throws(AirtableFormulaError) -> String {
        let start = index
        let quote = characters[index]
        index += 1
        var text = ""
        while let character = peek {
            index += 1
            if character == quote { return text }
            if character == "\\", let escaped = peek {
                index += 1
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                default: text.append(escaped)
                }
            } else {
                text.append(character)
            }
        }
        throw .syntax("unterminated string", at: start + 1)
    }

    private mutating func readNumber() throws(AirtableFormulaError) -> Double {
        let start = index
        var digits = ""
        while let character = peek, character.isASCII, character.isNumber || character == "." {
            digits.append(character)
            index += 1
        }
        guard let value = Double(digits) else { throw .syntax("malformed number \"\(digits)\"", at: start + 1) }
        return value
    }

    private mutating func readNameOrCall() throws(AirtableFormulaError) -> AirtableFormula {
        let start = index
        var name = ""
        while let character = peek, character.isLetter || character.isNumber || character == "_" {
            name.append(character)
            index += 1
        }
        skipWhitespace()
        guard peek == "(" else {
            // A bare word is a field reference, as Airtable allows for one-word field names.
            return .field(name)
        }
        index += 1
        let arguments = try readArguments(openedAt: index)
        guard let function = AirtableFormula.Function(rawValue: name.uppercased()) else {
            if !unknownFunctions.contains(name) { unknownFunctions.append(name) }
            return .literal(.blank)
        }
        guard function.arity.contains(arguments.count) else {
            let arity = function.arity
            let expected =
                arity.lowerBound == arity.upperBound
                ? "\(arity.lowerBound)"
                : arity.upperBound == Int.max
                    ? "at least \(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
            throw .syntax(
                "\(function.rawValue) takes \(expected) argument\(expected == "1" ? "" : "s"), not \(arguments.count)",
                at: start + 1)
        }
        return .call(function, arguments)
    }

    private mutating func readArguments(openedAt open: Int) throws(AirtableFormulaError) -> [AirtableFormula] {
        var arguments: [AirtableFormula] = []
        skipWhitespace()
        if peek == ")" {
            index += 1
            return arguments
        }
        while true {
            arguments.append(try parseFormula())
            skipWhitespace()
            switch peek {
            case ",": index += 1
            case ")":
                index += 1
                return arguments
            case let character?:
                throw .syntax("expected , or ) but found \(describe(character))", at: index + 1)
            case nil:
                throw .syntax("missing ) to close the ( at character \(open)", at: index + 1)
            }
        }
    }

    private func describe(_ character: Character) -> String { "'\(character)'" }
}
