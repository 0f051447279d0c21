/// The parameters of a list-records call, from the query string (`GET`) or the JSON body
/// (`POST …/listRecords`): `pageSize`, `maxRecords`, `offset`, `filterByFormula`, `fields[]`,
/// `sort[i][field|direction]`, `view`, `cellFormat`, `returnFieldsByFieldId` and `recordMetadata[]`.
struct AirtableListQuery: Sendable {
    /// One sort key.
    struct SortKey: Sendable, Equatable {
        /// A field name or id.
        var field: String
        /// Whether the direction is `desc`.
        var descending: Bool
    }

    /// Records per page, 1–100.
    var pageSize = 100
    /// The most records the whole listing returns.
    var maxRecords: Int?
    /// The iterator token of the next page.
    var offset: String?
    /// The formula records must satisfy; empty means none.
    var formula = ""
    /// The fields to return (names or ids); `nil` returns all.
    var fields: [String]?
    /// Sort keys, most significant first.
    var sort: [SortKey] = []
    /// A view name or id.
    var view: String?
    /// Whether `fields` are keyed by field id.
    var byFieldID = false
    /// Whether records carry `commentCount`.
    var commentCount = false

    /// Reads a query string's parameters.
    init(query: [(String, String)]) throws(AirtableError) {
        var sortFields: [Int: String] = [:]
        var sortDirections: [Int: String] = [:]
        for (name, value) in query {
            switch name {
            case "pageSize": pageSize = try Self.count(value, name, maximum: 100)
            case "maxRecords": maxRecords = try Self.count(value, name, maximum: Int.max)
            case "offset": offset = value
            case "filterByFormula": formula = value
            case "view": view = value
            case "cellFormat": try Self.requireJSONFormat(value)
            case "returnFieldsByFieldId": byFieldID = value == "true" || value == "1"
            case "recordMetadata", "recordMetadata[]": commentCount = commentCount || value == "commentCount"
            case "fields", "fields[]": fields = (fields ?? []) + [value]
            default:
                if let (position, key) = Self.sortParameter(name) {
                    if key == "field" { sortFields[position] = value } else { sortDirections[position] = value }
                } else if name.hasPrefix("fields["), name.hasSuffix("]") {
                    fields = (fields ?? []) + [value]
                }
            }
        }
        for position in sortFields.keys.sorted() {
            let field = sortFields[position] ?? ""
            sort.append(SortKey(field: field, descending: try Self.descending(sortDirections[position])))
        }
        if !sortDirections.keys.allSatisfy({ sortFields[$0] != nil }) {
            throw .invalidRequest("every sort direction needs a sort field")
        }
    }

    /// Reads a `POST …/listRecords` body.
    init(body: MockJSON) throws(AirtableError) {
        guard let members = body.members else { throw .invalidRequest("the body must be a JSON object") }
        for (name, value) in members {
            switch name {
            case "pageSize": pageSize = try Self.count(value.text ?? "", name, maximum: 100)
            case "maxRecords": maxRecords = try Self.count(value.text ?? "", name, maximum: Int.max)
            case "offset": offset = try Self.string(value, name)
            case "filterByFormula": formula = try Self.string(value, name)
            case "view": view = try Self.string(value, name)
            case "cellFormat": try Self.requireJSONFormat(try Self.string(value, name))
            case "timeZone", "userLocale": _ = try Self.string(value, name)
            case "returnFieldsByFieldId":
                guard let flag = value.bool else { throw .invalidRequest("returnFieldsByFieldId must be a boolean") }
                byFieldID = flag
            case "recordMetadata":
                guard let list = value.array else { throw .invalidRequest("recordMetadata must be an array") }
                commentCount = list.contains { $0.string == "commentCount" }
            case "fields":
                guard let list = value.array, list.allSatisfy({ $0.string != nil }) else {
                    throw .invalidRequest("fields must be an array of field names or ids")
                }
                fields = list.compactMap(\.string)
            case "sort":
                guard let list = value.array else { throw .invalidRequest("sort must be an array") }
                for entry in list {
                    guard let field = entry["field"]?.string else {
                        throw .invalidRequest("each sort entry needs a \"field\"")
                    }
                    sort.append(SortKey(field: field, descending: try Self.descending(entry["direction"]?.string)))
                }
            default:
                // Clients send only the members above, so an unknown one is most likely a typo: refuse it.
                throw .invalidRequest("unknown parameter \"\(name)\"")
            }
        }
    }

    private static func count(_ text: String, _ name: String, maximum: Int) throws(AirtableError) -> Int {
        guard let value = Int(text), value >= 1, value <= maximum else {
            throw .invalidRequest(
                maximum == Int.max
                    ? "\(name) must be a whole number of at least 1"
                    : "\(name) must be a whole number from 1 to \(maximum)")
        }
        return value
    }

    private static func string(_ value: MockJSON, _ name: String) throws(AirtableError) -> String {
        guard let text = value.string else { throw .invalidRequest("\(name) must be a string") }
        return text
    }

    private static func descending(_ direction: String?) throws(AirtableError) -> Bool {
        switch direction {
        case nil, "asc": false
        case "desc": true
        default: throw .invalidRequest("sort direction must be \"asc\" or \"desc\"")
        }
    }

    private static func requireJSONFormat(_ format: String) throws(AirtableError) {
        guard format == "json" else {
            throw .invalidRequest("the emulator answers cellFormat \"json\" only")
        }
    }

    /// `sort[3][field]` → `(3, "field")`.
    private static func sortParameter(_ name: String) -> (Int, String)? {
        guard name.hasPrefix("sort["), name.hasSuffix("]") else { return nil }
        let parts = name.dropFirst(5).dropLast().split(separator: "][", omittingEmptySubsequences: false)
        guard parts.count == 2, let position = Int(parts[0]), position >= 0,
            parts[1] == "field" || parts[1] == "direction"
        else { return nil }
        return (position, String(parts[1]))
    }
}
