/// The values of the Airtable status field an ``AirtableTicketSource`` reads and writes.
public struct AirtableTicketStatuses: Sendable, Hashable {
    /// Ready to traffic: the source reads records with this status.
    public var ready: String
    /// Taken by the engine; its jobs are running.
    public var accepted: String
    /// Every job succeeded.
    public var success: String
    /// Some jobs succeeded, or a job stopped part-way.
    public var partialSuccess: String
    /// Every job failed.
    public var failed: String
    /// The ticket could not be read or was refused; the Error field says why.
    public var rejected: String

    /// Creates status values; every default is the value in the docs.
    public init(
        ready: String = "Ready", accepted: String = "In progress", success: String = "Trafficked",
        partialSuccess: String = "Partially trafficked", failed: String = "Failed", rejected: String = "Needs fixing"
    ) {
        self.ready = ready
        self.accepted = accepted
        self.success = success
        self.partialSuccess = partialSuccess
        self.failed = failed
        self.rejected = rejected
    }
}
