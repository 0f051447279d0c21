/// The names of the Airtable fields an ``AirtableTicketSource`` reads and writes; the defaults match the
/// tickets table the docs describe.
public struct AirtableTicketFields: Sendable, Hashable {
    /// The ticket's title (primary field, text).
    public var name: String
    /// The ticket's status (single select); see ``AirtableTicketStatuses``.
    public var status: String
    /// The platforms to run on (multiple select of platform ids such as `meta`); empty means every platform.
    public var platforms: String
    /// Specific ad accounts (text, comma-separated; optional).
    public var accounts: String
    /// The TraffickingRequest JSON (long text).
    public var request: String
    /// Written back: one `platform: campaign id` line per platform (long text).
    public var campaignIDs: String
    /// Written back: every id created, by platform and kind (long text).
    public var externalIDs: String
    /// Written on acceptance: one `platform: job id` line per job (long text).
    public var jobIDs: String
    /// Written back: why the ticket was refused or its jobs failed; cleared on success (long text).
    public var error: String
    /// Written back: when the outcome was written (date-time, ISO 8601).
    public var traffickedAt: String

    /// Creates field names; every default is the name in the docs.
    public init(
        name: String = "Name", status: String = "Status", platforms: String = "Platforms",
        accounts: String = "Accounts", request: String = "Request", campaignIDs: String = "Campaign IDs",
        externalIDs: String = "External IDs", jobIDs: String = "Job IDs", error: String = "Error",
        traffickedAt: String = "Trafficked At"
    ) {
        self.name = name
        self.status = status
        self.platforms = platforms
        self.accounts = accounts
        self.request = request
        self.campaignIDs = campaignIDs
        self.externalIDs = externalIDs
        self.jobIDs = jobIDs
        self.error = error
        self.traffickedAt = traffickedAt
    }
}
