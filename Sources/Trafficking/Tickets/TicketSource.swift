/// Where tickets come from and where their outcomes go: a folder of files, an Airtable table, …
///
/// The intake asks for ready tickets, submits each, and tells the source which were accepted or refused; once a
/// ticket's jobs are all over, the write-back sends the outcome. Every method may be called again after a crash,
/// so each must be safe to repeat.
public protocol TicketSource: Sendable {
    /// The source's name, stored in each job's ``TicketReference`` (`folder`, `airtable`).
    var name: String { get }
    /// Tickets ready to traffic, and the ones that could not be read.
    func readyTickets() async throws -> TicketBatch
    /// Marks a ticket as taken, so it is not offered again (Airtable: status "In progress").
    func markAccepted(_ ticket: TicketReference, jobs: [CampaignJob]) async throws
    /// Reports a ticket that could not be read or was refused, with its field and reason.
    func reportProblem(_ problem: TicketProblem) async throws
    /// Writes a finished ticket's outcome back: status, the platform ids, errors.
    func writeBack(_ ticket: TicketReference, outcome: TicketOutcome) async throws
}
