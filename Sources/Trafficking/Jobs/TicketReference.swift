/// Where a job came from, so its outcome can be written back: a source (`folder`, `airtable`, `api`) and the
/// ticket's id in it (a file path, an Airtable record id).
public struct TicketReference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The source's name.
    public var source: String
    /// The ticket's id within the source.
    public var id: String

    /// Creates a reference.
    public init(source: String, id: String) {
        self.source = source
        self.id = id
    }

    /// `source:id`.
    public var description: String { "\(source):\(id)" }
}
