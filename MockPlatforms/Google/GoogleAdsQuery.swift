import Foundation

/// A parsed Google Ads Query Language statement, following the published grammar:
/// `SELECT f (, f)* FROM r [WHERE c (AND c)*] [ORDER BY f [ASC|DESC] (, …)*] [LIMIT n] [PARAMETERS k = v (, …)*]`.
///
/// Parsing is purely syntactic; ``GoogleAdsSearch`` checks field names against the schema.
struct GoogleAdsQuery: Sendable {
    /// A value on the right of a condition.
    enum Value: Sendable, Hashable {
        /// `22`, `-1.5`.
        case number(String)
        /// `'text'` or `"text"`, unescaped.
        case string(String)
        /// An unquoted literal: an enum name, `TRUE`, a date function.
        case literal(String)
        /// `(a, b)`.
        case list([Value])

        /// The text of a scalar.
        var text: String? {
            switch self {
            case .number(let text), .string(let text), .literal(let text): text
            case .list: nil
            }
        }
    }

    /// A condition's operator.
    enum Operator: String, Sendable {
        case equals = "=", notEquals = "!=", greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
        case isIn = "IN", notIn = "NOT IN", like = "LIKE", notLike = "NOT LIKE"
        case containsAny = "CONTAINS ANY", containsAll = "CONTAINS ALL", containsNone = "CONTAINS NONE"
        case isNull = "IS NULL", isNotNull = "IS NOT NULL", during = "DURING", between = "BETWEEN"
        case regexpMatch = "REGEXP_MATCH", notRegexpMatch = "NOT REGEXP_MATCH"
    }

    /// `field operator value(s)`.
    struct Condition: Sendable {
        /// The field, as written.
        var field: String
        /// The operator.
        var op: Operator
        /// The values: one, two for `BETWEEN`, a list for `IN` and `CONTAINS`, none for `IS NULL`.
        var values: [Value]
    }

    /// `field [ASC|DESC]`.
    struct Ordering: Sendable {
        /// The field.
        var field: String
        /// Whether `DESC`.
        var descending: Bool
    }

    /// Selected fields in order.
    var select: [String] = []
    /// The resource.
    var from = ""
    /// Conditions, all of which must hold.
    var conditions: [Condition] = []
    /// Orderings.
    var orderings: [Ordering] = []
    /// The row limit.
    var limit: Int?
    /// `PARAMETERS` (`include_drafts`, `omit_unselected_resource_names`).
    var parameters: [String: String] = [:]

    /// Parses a query; errors carry the `queryError` code the API would answer with.
    static func parse(_ text: String) throws(GoogleAdsQueryError) -> GoogleAdsQuery {
        var parser = Parser(tokens: try Lexer.tokens(text))
        return try parser.parseQuery()
    }

    /// A token of the query text.
    enum Token: Sendable, Equatable {
        case word(String)
        case number(String)
        case string(String)
        case symbol(String)

        var display: String {
            switch self {
            case .word(let text), .number(let text), .symbol(let text): text
            case .string(let text): "'\(text)'"
            }
        }

        /// Whether the token is a keyword, case-insensitively.
        func isKeyword(_ keyword: String) -> Bool {
            if case .word(let text) = self { return text.uppercased() == keyword }
            return false
        }
    }

    /// Splits query text into tokens.
    enum Lexer {
        static func tokens(_ text: String) throws(GoogleAdsQueryError) -> [Token] {
            var tokens: [Token] = []
            let characters = Array(text.unicodeScalars)
            var index = 0
            func isWordStart(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic && c.isASCII || c == "_" }
            func isWord(_ c: Unicode.Scalar) -> Bool {
                (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))) || c == "_" || c == "."
            }
            while index < characters.count {
                let c = characters[index]
                if c == " " || c == "\n" || c == "\t" || c == "\r" {
                    index += 1
                } else if isWordStart(c) {
                    var word = ""
                    while index < characters.count, isWord(characters[index]) {
                        word.unicodeScalars.append(characters[index])
                        index += 1
                    }
                    tokens.append(.word(word))
                } else if ("0"..."9").contains(c)
                    || (c == "-" && index + 1 < characters.count
                        && ("0"..."9").contains(characters[index + 1]))
                {
                    var number = String(c)
                    index += 1
                    while index < characters.count, ("0"..."9").contains(characters[index]) || characters[index] == "."
                    {
                        number.unicodeScalars.append(characters[index])
                        index += 1
                    }
                    guard Double(number) != nil, !number.hasSuffix(".") else {
                        throw GoogleAdsQueryError(
                            "BAD_NUMBER", "Error in query: cannot parse number '\(number)'.", trigger: number)
                    }
                    tokens.append(.number(number))
                } else if c == "'" || c == "\"" {
                    let quote = c
                    index += 1
                    var value = ""
                    var closed = false
                    while index < characters.count {
                        let d = characters[index]
                        if d == quote {
                            closed = true
                            index += 1
                            break
                        }
                        if d == "\n" || d == "\r" {
                            throw GoogleAdsQueryError(
                                "PROHIBITED_NEWLINE_IN_STRING", "Error in query: strings may not contain a newline.")
                        }
                        if d == "\\" {
                            guard index + 1 < characters.count else { break }
                            let escaped = characters[index + 1]
                            switch escaped {
                            case "\\", "'", "\"": value.unicodeScalars.append(escaped)
                            case "n": value += "\n"
                            case "t": value += "\t"
                            case "r": value += "\r"
                            default:
                                throw GoogleAdsQueryError(
                                    "BAD_ESCAPE_SEQUENCE", "Error in query: invalid escape sequence '\\\(escaped)'.",
                                    trigger: "\\\(escaped)")
                            }
                            index += 2
                            continue
                        }
                        value.unicodeScalars.append(d)
                        index += 1
                    }
                    guard closed else {
                        throw GoogleAdsQueryError("STRING_NOT_TERMINATED", "Error in query: unterminated string.")
                    }
                    tokens.append(.string(value))
                } else if c == "!" || c == ">" || c == "<" {
                    if index + 1 < characters.count, characters[index + 1] == "=" {
                        tokens.append(.symbol(String(c) + "="))
                        index += 2
                    } else if c == "!" {
                        throw GoogleAdsQueryError("BAD_OPERATOR", "Error in query: invalid operator '!'.", trigger: "!")
                    } else {
                        tokens.append(.symbol(String(c)))
                        index += 1
                    }
                } else if c == "=" || c == "(" || c == ")" || c == "," {
                    tokens.append(.symbol(String(c)))
                    index += 1
                } else {
                    throw GoogleAdsQueryError(
                        "BAD_SYMBOL", "Error in query: unexpected symbol '\(Character(c))'.",
                        trigger: String(Character(c)))
                }
            }
            return tokens
        }
    }

    /// A recursive-descent parser over the tokens.
    struct Parser {
        let tokens: [Token]
        var position = 0

        init(tokens: [Token]) { self.tokens = tokens }

        var current: Token? { position < tokens.count ? tokens[position] : nil }

        mutating func advance() { position += 1 }

        func unexpected(_ expected: String) -> GoogleAdsQueryError {
            guard let current else {
                return GoogleAdsQueryError(
                    "UNEXPECTED_END_OF_QUERY", "Error in query: unexpected end of query, expected \(expected).")
            }
            return GoogleAdsQueryError(
                "UNEXPECTED_INPUT", "Error in query: unexpected input \(current.display).", trigger: current.display)
        }

        mutating func keyword(_ word: String) -> Bool {
            guard current?.isKeyword(word) == true else { return false }
            advance()
            return true
        }

        mutating func symbol(_ text: String) -> Bool {
            guard current == .symbol(text) else { return false }
            advance()
            return true
        }

        mutating func fieldName() throws(GoogleAdsQueryError) -> String {
            guard case .word(let word) = current else {
                throw current == nil
                    ? unexpected("a field name")
                    : GoogleAdsQueryError(
                        "BAD_FIELD_NAME", "Error in query: invalid field name \(current?.display ?? "").",
                        trigger: current?.display)
            }
            guard let first = word.unicodeScalars.first, ("a"..."z").contains(first), !word.hasSuffix("."),
                !word.contains("..")
            else {
                throw GoogleAdsQueryError(
                    "BAD_FIELD_NAME", "Error in query: invalid field name \(word).", trigger: word)
            }
            advance()
            return word
        }

        mutating func parseQuery() throws(GoogleAdsQueryError) -> GoogleAdsQuery {
            var query = GoogleAdsQuery()
            guard keyword("SELECT") else {
                throw GoogleAdsQueryError("EXPECTED_SELECT", "Error in query: SELECT is missing at the beginning.")
            }
            repeat {
                if current?.isKeyword("FROM") == true { throw unexpected("a field name") }
                query.select.append(try fieldName())
            } while symbol(",")
            guard keyword("FROM") else {
                if current == nil {
                    throw GoogleAdsQueryError("EXPECTED_FROM", "Error in query: missing FROM clause.")
                }
                throw unexpected("FROM")
            }
            guard case .word(let resource) = current else { throw unexpected("a resource name") }
            advance()
            query.from = resource
            if keyword("WHERE") {
                repeat {
                    query.conditions.append(try condition())
                } while keyword("AND")
            }
            if keyword("ORDER") {
                guard keyword("BY") else {
                    throw GoogleAdsQueryError("EXPECTED_BY", "Error in query: expecting BY after ORDER.")
                }
                repeat {
                    let field = try fieldName()
                    var descending = false
                    if keyword("DESC") {
                        descending = true
                    } else {
                        _ = keyword("ASC")
                    }
                    query.orderings.append(Ordering(field: field, descending: descending))
                } while symbol(",")
            }
            if keyword("LIMIT") {
                guard case .number(let text) = current, let limit = Int(text) else {
                    throw GoogleAdsQueryError(
                        "BAD_LIMIT_VALUE", "Error in query: invalid LIMIT value \(current?.display ?? "").",
                        trigger: current?.display)
                }
                guard limit > 0 else {
                    throw GoogleAdsQueryError("LIMIT_VALUE_TOO_LOW", "Error in query: LIMIT must be positive.")
                }
                advance()
                query.limit = limit
            }
            if keyword("PARAMETERS") {
                repeat {
                    guard case .word(let name) = current else { throw unexpected("a parameter name") }
                    advance()
                    guard symbol("=") else { throw unexpected("=") }
                    guard let value = current else { throw unexpected("a parameter value") }
                    advance()
                    query.parameters[name] = value.display.lowercased()
                } while symbol(",")
            }
            if current != nil { throw unexpected("the end of the query") }
            return query
        }

        mutating func condition() throws(GoogleAdsQueryError) -> Condition {
            let field = try fieldName()
            guard let token = current else { throw unexpected("an operator") }
            advance()
            switch token {
            case .symbol(let symbol) where ["=", "!=", ">", ">=", "<", "<="].contains(symbol):
                let op = Operator(rawValue: symbol) ?? .equals
                return Condition(field: field, op: op, values: [try single()])
            case .word(let word):
                switch word.uppercased() {
                case "IN": return Condition(field: field, op: .isIn, values: [try list()])
                case "LIKE": return Condition(field: field, op: .like, values: [try single()])
                case "REGEXP_MATCH": return Condition(field: field, op: .regexpMatch, values: [try single()])
                case "DURING": return Condition(field: field, op: .during, values: [try single()])
                case "NOT":
                    if keyword("IN") { return Condition(field: field, op: .notIn, values: [try list()]) }
                    if keyword("LIKE") { return Condition(field: field, op: .notLike, values: [try single()]) }
                    if keyword("REGEXP_MATCH") {
                        return Condition(field: field, op: .notRegexpMatch, values: [try single()])
                    }
                    throw badOperator("NOT \(current?.display ?? "")")
                case "CONTAINS":
                    if keyword("ANY") { return Condition(field: field, op: .containsAny, values: [try list()]) }
                    if keyword("ALL") { return Condition(field: field, op: .containsAll, values: [try list()]) }
                    if keyword("NONE") { return Condition(field: field, op: .containsNone, values: [try list()]) }
                    throw badOperator("CONTAINS \(current?.display ?? "")")
                case "IS":
                    if keyword("NULL") { return Condition(field: field, op: .isNull, values: []) }
                    if keyword("NOT"), keyword("NULL") { return Condition(field: field, op: .isNotNull, values: []) }
                    throw badOperator("IS \(current?.display ?? "")")
                case "BETWEEN":
                    guard current != nil else {
                        throw GoogleAdsQueryError(
                            "EXPECTED_VALUE_WITH_BETWEEN_OPERATOR", "Error in query: missing values with BETWEEN.")
                    }
                    let low = try single()
                    guard keyword("AND") else {
                        throw GoogleAdsQueryError("EXPECTED_AND", "Error in query: expected AND with BETWEEN.")
                    }
                    guard current != nil else {
                        throw GoogleAdsQueryError(
                            "EXPECTED_VALUE_WITH_BETWEEN_OPERATOR", "Error in query: missing values with BETWEEN.")
                    }
                    return Condition(field: field, op: .between, values: [low, try single()])
                default:
                    throw badOperator(word)
                }
            default:
                throw badOperator(token.display)
            }
        }

        func badOperator(_ text: String) -> GoogleAdsQueryError {
            GoogleAdsQueryError("BAD_OPERATOR", "Error in query: invalid operator \(text).", trigger: text)
        }

        mutating func single() throws(GoogleAdsQueryError) -> Value {
            guard let token = current else { throw unexpected("a value") }
            switch token {
            case .number(let text):
                advance()
                return .number(text)
            case .string(let text):
                advance()
                return .string(text)
            case .word(let text):
                advance()
                return .literal(text)
            case .symbol("("):
                throw GoogleAdsQueryError(
                    "EXPECTED_SINGLE_VALUE", "Error in query: the operator expects a single value, not a list.")
            case .symbol:
                throw unexpected("a value")
            }
        }

        mutating func list() throws(GoogleAdsQueryError) -> Value {
            guard symbol("(") else {
                throw GoogleAdsQueryError(
                    "EXPECTED_LIST", "Error in query: the operator requires a list of values in parentheses.")
            }
            if symbol(")") {
                throw GoogleAdsQueryError(
                    "PROHIBITED_EMPTY_LIST_IN_CONDITION", "Error in query: a condition has an empty list.")
            }
            var values: [Value] = []
            repeat {
                values.append(try single())
            } while symbol(",")
            guard symbol(")") else { throw unexpected(")") }
            return .list(values)
        }
    }
}
