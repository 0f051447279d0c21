import Foundation
import GRDB

extension SQLiteTraffickingStore {
    /// Appends execution-log entries in one transaction. Throws ``StoreError`` `notFound` when an entry's job does
    /// not exist; then none is stored.
    public func appendLog(_ entries: [ExecutionLogEntry]) async throws {
        let rows = entries.map(ExecutionLogRow.init)
        try await write { db in
            for row in rows { try row.insert(db) }
        }
    }

    /// A job's execution log, oldest first (entries at the same instant in the order appended).
    public func executionLog(job: UUID) async throws -> [ExecutionLogEntry] {
        try await read { db in
            try ExecutionLogRow.filter(ExecutionLogRow.Columns.jobID == job.databaseKey)
                .order(ExecutionLogRow.Columns.at, ExecutionLogRow.Columns.id)
                .fetchAll(db)
                .map { try $0.entry() }
        }
    }

    /// Appends API call records in one transaction. A record's job, when it names one, must exist.
    public func recordAPICalls(_ calls: [APICallRecord]) async throws {
        let rows = calls.map(APICallRow.init)
        try await write { db in
            for row in rows { try row.insert(db) }
        }
    }

    /// A job's API calls, oldest first (calls at the same instant in the order recorded).
    public func apiCalls(job: UUID) async throws -> [APICallRecord] {
        try await read { db in
            try APICallRow.filter(APICallRow.Columns.jobID == job.databaseKey)
                .order(APICallRow.Columns.at, APICallRow.Columns.id)
                .fetchAll(db)
                .map { try $0.record() }
        }
    }
}
