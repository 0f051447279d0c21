import AdPlatformKit
import Foundation

/// Tickets from an Airtable table: records whose status is ready become tickets, and the engine's answers go back
/// into the record (status, job ids, platform ids, errors, when).
///
/// Every write is a PATCH of named cells, so repeating one after a crash leaves the record as it was. Several
/// records changing at once go in batches of 10. Media in Airtable tickets must be URLs or `data:` URIs: a shared
/// table cannot make the engine read its disk.
public struct AirtableTicketSource: TicketSource {
    /// `airtable`, stored in each job's ticket reference.
    public let name = "airtable"
    /// The client for the tickets table.
    public let client: AirtableClient
    /// The field names.
    public let fields: AirtableTicketFields
    /// The status values.
    public let statuses: AirtableTicketStatuses
    /// The platform ids a ticket may name; `nil` accepts any id and leaves the check to the engine.
    public let knownPlatforms: Set<PlatformID>?
    /// Whether writes ask Airtable to convert values and add missing select options.
    public let typecast: Bool
    let clock: WallClock

    /// Creates a source; `clock` stamps `Trafficked At`.
    public init(
        client: AirtableClient, fields: AirtableTicketFields = AirtableTicketFields(),
        statuses: AirtableTicketStatuses = AirtableTicketStatuses(), knownPlatforms: Set<PlatformID>? = nil,
        typecast: Bool = false, clock: WallClock
    ) {
        self.client = client
        self.fields = fields
        self.statuses = statuses
        self.knownPlatforms = knownPlatforms
        self.typecast = typecast
        self.clock = clock
    }

    /// The formula that selects ready records, e.g. `{Status} = 'Ready'`.
    public var readyFormula: String { AirtableFormula.equals(field: fields.status, statuses.ready) }

    /// Records whose status is ready: readable ones as tickets, the others as problems naming the field, e.g.
    /// `Request.budget.amount`.
    public func readyTickets() async throws -> TicketBatch {
        let records = try await client.listRecords(
            filterByFormula: readyFormula,
            fields: [fields.name, fields.status, fields.platforms, fields.accounts, fields.request])
        var batch = TicketBatch()
        for record in records {
            switch read(record) {
            case .ticket(let ticket): batch.tickets.append(ticket)
            case .problem(let problem): batch.problems.append(problem)
            }
        }
        return batch
    }

    /// Sets the status to accepted, lists the job ids and clears the last error.
    public func markAccepted(_ ticket: TicketReference, jobs: [CampaignJob]) async throws {
        try await markAccepted([(ticket, jobs)])
    }

    /// Marks several tickets accepted, in batches of 10. A ticket whose jobs are all over and already written back
    /// (a record set back to ready after it ran) gets their final status instead, since no write-back will follow.
    public func markAccepted(_ tickets: [(ticket: TicketReference, jobs: [CampaignJob])]) async throws {
        try await update(tickets.map { ($0.ticket, acceptedFields(jobs: $0.jobs)) })
    }

    /// Sets the status to rejected and the error to the problem's field and reason.
    public func reportProblem(_ problem: TicketProblem) async throws {
        try await reportProblems([problem])
    }

    /// Reports several problems, in batches of 10; problems of one record share its error cell, a line each.
    public func reportProblems(_ problems: [TicketProblem]) async throws {
        try await update(
            problems.map { problem in
                (
                    problem.reference,
                    [fields.status: .string(statuses.rejected), fields.error: .string(errorLine(problem))]
                )
            })
    }

    /// Writes the outcome: status, campaign ids, every external id, the errors (cleared on success) and the time.
    public func writeBack(_ ticket: TicketReference, outcome: TicketOutcome) async throws {
        try await writeBack([(ticket, outcome)])
    }

    /// Writes several outcomes, in batches of 10.
    public func writeBack(_ outcomes: [(ticket: TicketReference, outcome: TicketOutcome)]) async throws {
        let writtenAt = clock.now
        try await update(outcomes.map { ($0.ticket, outcomeFields($0.outcome, at: writtenAt)) })
    }

    /// PATCHes records, merging the changes of a record named twice (error lines are joined) so each batch names
    /// a record once, as Airtable requires.
    private func update(_ changes: [(TicketReference, [String: JSONValue])]) async throws {
        var order: [String] = []
        var merged: [String: [String: JSONValue]] = [:]
        for (reference, cells) in changes {
            guard var existing = merged[reference.id] else {
                order.append(reference.id)
                merged[reference.id] = cells
                continue
            }
            for (field, value) in cells {
                if field == fields.error, let old = existing[field]?.stringValue, let new = value.stringValue,
                    old != new
                {
                    existing[field] = .string(old + "\n" + new)
                } else {
                    existing[field] = value
                }
            }
            merged[reference.id] = existing
        }
        guard !order.isEmpty else { return }
        try await client.updateRecords(order.map { ($0, merged[$0] ?? [:]) }, typecast: typecast)
    }
}
