/// The answer to `POST /api/v1/sync`: the runs stored, `queued`, one per ad account.
struct SyncRequestAccepted: Encodable, Sendable {
    /// The runs, oldest account first.
    var runs: [SyncRunResource]
}
