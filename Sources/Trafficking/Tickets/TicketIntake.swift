import AdPlatformKit
import Foundation

/// Turns a source's ready tickets into jobs, and writes finished tickets' outcomes back to the source.
///
/// Both halves are safe to repeat: a ticket that already has jobs is marked accepted again rather than submitted
/// twice, and a ticket is marked written back only after the source took the outcome.
public struct TicketIntake: Sendable {
    /// The engine that validates and stores jobs.
    public let engine: TraffickingEngine
    /// The source.
    public let source: any TicketSource

    /// Creates an intake.
    public init(engine: TraffickingEngine, source: any TicketSource) {
        self.engine = engine
        self.source = source
    }

    /// Reads ready tickets and submits each; problems are reported to the source and returned, and the other
    /// tickets still run.
    public func intake() async throws -> IntakeReport {
        let batch = try await source.readyTickets()
        var report = IntakeReport(problems: batch.problems)
        for problem in batch.problems { try await source.reportProblem(problem) }
        for ticket in batch.tickets {
            let existing = try await engine.store.jobs(ticket: ticket.reference)
            if !existing.isEmpty {
                try await source.markAccepted(ticket.reference, jobs: existing)
                report.accepted.append(IntakeReport.Accepted(ticket: ticket, jobs: existing))
                continue
            }
            do {
                let accounts = try await resolveAccounts(for: ticket)
                let jobs = try await engine.submit(
                    ticket.request, accounts: accounts, ticket: ticket.reference, media: ticket.media)
                try await source.markAccepted(ticket.reference, jobs: jobs)
                report.accepted.append(IntakeReport.Accepted(ticket: ticket, jobs: jobs))
            } catch let error as SubmissionError {
                let problems =
                    error.violations.isEmpty
                    ? [TicketProblem(reference: ticket.reference, fieldPath: nil, message: error.message)]
                    : error.violations.map { violation in
                        TicketProblem(
                            reference: ticket.reference, fieldPath: violation.fieldPath,
                            message: (violation.platform.map { "\($0): " } ?? "") + violation.message)
                    }
                for problem in problems.prefix(1) { try await source.reportProblem(Self.summarize(problems, problem)) }
                report.problems += problems
            }
        }
        return report
    }

    /// Writes back every finished ticket of this source whose jobs are all over; returns the tickets written.
    @discardableResult
    public func writeBack() async throws -> [TicketReference] {
        let finished = try await engine.store.jobsAwaitingWriteBack(limit: 200)
        var written: [TicketReference] = []
        var seen: Set<UUID> = []
        for job in finished where job.ticket?.source == source.name && !seen.contains(job.batchID) {
            seen.insert(job.batchID)
            guard let ticket = job.ticket else { continue }
            let batch = try await engine.store.jobs(batch: job.batchID)
            guard batch.allSatisfy({ $0.status.isTerminal }) else { continue }
            var results: [TicketOutcome.PlatformResult] = []
            for member in batch {
                let steps = try await engine.store.ledger(job: member.id)
                let detail = JobDetail(job: member, steps: steps, log: [])
                let account = try await engine.store.account(member.accountID)
                results.append(
                    TicketOutcome.PlatformResult(
                        platform: member.platform, accountID: account?.platformAccountID ?? member.accountID.uuidString,
                        jobID: member.id, status: member.status, externalIDs: detail.externalIDs,
                        error: member.error?.description))
            }
            try await source.writeBack(ticket, outcome: TicketOutcome(results: results))
            try await engine.store.markWrittenBack(jobs: batch.map(\.id), at: engine.store.clock.now)
            written.append(ticket)
        }
        return written
    }

    /// The ticket's accounts: the ones it names (our id or the platform's account id), else the first ACTIVE account
    /// of each platform it asks for (every registered platform when it names none).
    func resolveAccounts(for ticket: Ticket) async throws -> [UUID] {
        let all = try await allAccounts()
        if !ticket.accounts.isEmpty {
            return try ticket.accounts.enumerated().map { index, name in
                guard
                    let account = all.first(where: {
                        $0.id.uuidString.lowercased() == name.lowercased() || $0.platformAccountID == name
                    })
                else {
                    throw SubmissionError.field(
                        .accountNotFound, "ticket.accounts[\(index)]", "no ad account '\(name)' is registered")
                }
                return account.id
            }
        }
        let platforms = ticket.platforms ?? engine.registry.ids
        var result: [UUID] = []
        for (index, platform) in platforms.enumerated() {
            if let account = all.first(where: { $0.platform == platform && $0.status == .active }) {
                result.append(account.id)
            } else if ticket.platforms != nil {
                throw SubmissionError.field(
                    .accountNotFound, "ticket.platforms[\(index)]",
                    "no ACTIVE \(platform) ad account is registered; add one with `adops accounts add`")
            }
        }
        return result
    }

    private func allAccounts() async throws -> [AdAccount] {
        var accounts: [AdAccount] = []
        var page = PageRequest(limit: PageRequest.maximumLimit)
        while true {
            let slice = try await engine.store.accounts(platform: nil, page: page)
            accounts += slice.items
            guard let next = slice.nextOffset else { return accounts }
            page = PageRequest(limit: PageRequest.maximumLimit, offset: next)
        }
    }

    /// One problem for the source's single error field, listing the others.
    private static func summarize(_ problems: [TicketProblem], _ first: TicketProblem) -> TicketProblem {
        guard problems.count > 1 else { return first }
        var summary = first
        summary.message = problems.map { ($0.fieldPath.map { "\($0): " } ?? "") + $0.message }.joined(separator: "\n")
        summary.fieldPath = nil
        return summary
    }
}
