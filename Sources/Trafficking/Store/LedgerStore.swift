import AdPlatformKit
import Foundation

/// The step ledger: which platform calls a job has started and finished, and what they created.
public protocol LedgerStore: Sendable {
    /// The job's steps, in the order they were first started.
    func ledger(job: UUID) async throws -> [LedgerStep]
    /// The account (with its credentials) and the ledger a worker needs to start or resume a job. A default
    /// reads them one by one; a store that can should read them together.
    func runContext(job: UUID, account: UUID) async throws -> JobRunContext
    /// Records steps done and the next step started (when given), with the API calls between them, in one atomic
    /// write. The worker defers each step's completion to the next step's start, and the last one to the job's
    /// end, so a walk of n steps costs n writes instead of 2n; a crash in between leaves the step `started`, which
    /// the marker lookup resolves on resume.
    func advance(
        job: UUID, completing completions: [StepCompletion], starting start: StepStart?, calls: [APICallRecord],
        at: Date) async throws
}
