/// One Airtable table: its schema (fields, the primary field, one grid view) and its records in creation order.
public struct AirtableTable: Sendable, Codable {
    /// `tbl` + 14 letters and digits.
    public var id: String
    /// The name, which the path may use instead of the id.
    public var name: String
    /// The primary field: the first one the table was set up with.
    public var primaryFieldID: String
    /// The table's one view, "Grid view", which shows every record in creation order.
    public var viewID: String
    /// The fields, in order.
    public var fields: [AirtableField]
    /// The records, in creation order (which is the default listing order).
    public var records: [AirtableRecord]

    /// The name of the one view.
    static let viewName = "Grid view"

    /// Creates a table.
    public init(
        id: String, name: String, viewID: String, fields: [AirtableField], records: [AirtableRecord] = []
    ) {
        self.id = id
        self.name = name
        self.primaryFieldID = fields.first?.id ?? ""
        self.viewID = viewID
        self.fields = fields
        self.records = records
    }

    /// A field by name (exactly, then ignoring case) or by id; Airtable takes either wherever fields are named.
    func fieldIndex(_ reference: String) -> Int? {
        fields.firstIndex { $0.name == reference } ?? fields.firstIndex { $0.id == reference }
            ?? fields.firstIndex { $0.name.lowercased() == reference.lowercased() }
    }

    /// A record's index by id.
    func recordIndex(_ id: String) -> Int? { records.firstIndex { $0.id == id } }

    // MARK: - Writing

    /// Checks written cells against the schema and normalises them, by field id; a `nil` value empties the cell.
    /// Unknown names are reported before bad values, as Airtable does. With `typecast`, missing select options
    /// are added to the schema.
    mutating func cells(
        _ written: [(String, MockJSON)], typecast: Bool, minter: inout AirtableIDMinter
    ) throws(AirtableError) -> [(String, MockJSON?)] {
        var indices: [Int] = []
        for (name, _) in written {
            guard let index = fieldIndex(name) else { throw .unknownField(name) }
            indices.append(index)
        }
        var cells: [(String, MockJSON?)] = []
        for (position, (_, value)) in written.enumerated() {
            let index = indices[position]
            cells.append((fields[index].id, try fields[index].normalize(value, typecast: typecast, minter: &minter)))
        }
        return cells
    }

    // MARK: - Reading

    /// A record as the API answers it: `{"id","createdTime","fields":{…}}`, with the cells in schema order,
    /// empty ones left out, limited to `only` (field ids) when given, and keyed by field id when asked.
    func json(
        _ record: AirtableRecord, only: Set<String>? = nil, byFieldID: Bool = false, commentCount: Bool = false
    ) -> MockJSON {
        var cells: [(String, MockJSON)] = []
        for field in fields where only?.contains(field.id) ?? true {
            if let value = record.values[field.id] { cells.append((byFieldID ? field.id : field.name, value)) }
        }
        var members: [(String, MockJSON)] = [
            ("id", .string(record.id)), ("createdTime", .string(record.createdTime)), ("fields", .object(cells)),
        ]
        if commentCount { members.append(("commentCount", .int(0))) }
        return .object(members)
    }

    /// The table as `GET /v0/meta/bases/{baseId}/tables` describes it.
    func schemaJSON(visibleFieldIDs: Bool = false) -> MockJSON {
        var view: [(String, MockJSON)] = [
            ("id", .string(viewID)), ("name", .string(Self.viewName)), ("type", .string("grid")),
        ]
        if visibleFieldIDs { view.append(("visibleFieldIds", .array(fields.map { .string($0.id) }))) }
        return .object([
            ("id", .string(id)), ("name", .string(name)), ("primaryFieldId", .string(primaryFieldID)),
            ("fields", .array(fields.map(\.schemaJSON))), ("views", .array([.object(view)])),
        ])
    }
}
