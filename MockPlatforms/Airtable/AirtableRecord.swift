/// One Airtable record: its id, when it was created, and its non-empty cell values by field id.
public struct AirtableRecord: Sendable, Codable {
    /// `rec` + 14 letters and digits.
    public var id: String
    /// ISO 8601 with milliseconds, e.g. `2026-11-21T10:00:00.000Z` (the virtual clock at creation).
    public var createdTime: String
    /// Cell values by field id, normalised for the field's type; empty cells are absent.
    public var values: [String: MockJSON]

    /// Creates a record.
    public init(id: String, createdTime: String, values: [String: MockJSON] = [:]) {
        self.id = id
        self.createdTime = createdTime
        self.values = values
    }

    /// Writes checked cells: `PATCH` merges them into the record, `PUT` (`replacing`) empties every other cell.
    mutating func apply(_ cells: [(String, MockJSON?)], replacing: Bool) {
        if replacing { values.removeAll() }
        for (fieldID, value) in cells { values[fieldID] = value }
    }
}
