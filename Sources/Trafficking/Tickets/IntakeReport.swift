/// What one intake pass did: the tickets it turned into jobs, and the ones it could not.
public struct IntakeReport: Sendable, Hashable {
    /// A ticket turned into jobs.
    public struct Accepted: Sendable, Hashable {
        /// The ticket.
        public var ticket: Ticket
        /// Its jobs, one per ad account.
        public var jobs: [CampaignJob]
    }

    /// Accepted tickets with their jobs.
    public var accepted: [Accepted]
    /// Tickets refused or unreadable, each with its field and reason.
    public var problems: [TicketProblem]

    /// Creates a report.
    public init(accepted: [Accepted] = [], problems: [TicketProblem] = []) {
        self.accepted = accepted
        self.problems = problems
    }
}
