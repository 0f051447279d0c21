import AdPlatformKit
import Foundation

/// The execution log and the redacted API-call log of every job.
public protocol LogStore: Sendable {
    /// Appends execution-log entries.
    func appendLog(_ entries: [ExecutionLogEntry]) async throws
    /// A job's execution log, oldest first.
    func executionLog(job: UUID) async throws -> [ExecutionLogEntry]
    /// Appends API call records.
    func recordAPICalls(_ calls: [APICallRecord]) async throws
    /// A job's API calls, oldest first.
    func apiCalls(job: UUID) async throws -> [APICallRecord]
}
