/// What a job run has not written yet when it ends: the last step results, the API calls since the last ledger
/// write, and its log lines. The worker writes them in the transaction that ends or requeues the job, so a job's end
/// costs one commit instead of three.
public struct JobRunRecords: Sendable, Hashable {
    /// Steps whose calls succeeded since the last ledger write.
    public var completions: [StepCompletion]
    /// API calls made since the last ledger write.
    public var calls: [APICallRecord]
    /// Log lines not yet written.
    public var log: [ExecutionLogEntry]

    /// Records to write; empty by default.
    public init(completions: [StepCompletion] = [], calls: [APICallRecord] = [], log: [ExecutionLogEntry] = []) {
        self.completions = completions
        self.calls = calls
        self.log = log
    }

    /// Nothing to write.
    public static let none = JobRunRecords()
}
