/// A listing in progress: the ids a first page matched, in order, so later pages stay stable while records
/// are added or changed. An `offset` names the iterator and the first record of the next page.
struct AirtableIterator: Sendable {
    /// The table listed.
    var tableID: String
    /// The matching record ids, filtered, sorted and capped by `maxRecords`, as of the first page.
    var recordIDs: [String]
}
