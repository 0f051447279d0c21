/// One Airtable base: its id and its tables, in creation order.
public struct AirtableBase: Sendable, Codable {
    /// `app` + 14 letters and digits.
    public var id: String
    /// The base's name, as `GET /v0/meta/bases` lists it.
    public var name: String
    /// The tables.
    public var tables: [AirtableTable]

    /// Creates an empty base.
    public init(id: String, name: String? = nil, tables: [AirtableTable] = []) {
        self.id = id
        self.name = name ?? id
        self.tables = tables
    }

    /// The index of a table by id, or else by name (as the path carries it, decoded).
    func tableIndex(_ reference: String) -> Int? {
        tables.firstIndex { $0.id == reference } ?? tables.firstIndex { $0.name == reference }
    }
}
