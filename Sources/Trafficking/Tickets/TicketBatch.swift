/// What a source returned when asked for ready tickets: the tickets it could read, and the ones it could not.
public struct TicketBatch: Sendable, Hashable {
    /// Readable tickets.
    public var tickets: [Ticket]
    /// Unreadable tickets, each with its field and reason.
    public var problems: [TicketProblem]

    /// Creates a batch.
    public init(tickets: [Ticket] = [], problems: [TicketProblem] = []) {
        self.tickets = tickets
        self.problems = problems
    }
}
