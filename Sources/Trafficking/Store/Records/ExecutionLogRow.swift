import Foundation
import GRDB

/// A row of `execution_log`.
struct ExecutionLogRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "execution_log"

    /// `nil` until inserted; SQLite assigns it.
    var id: Int64?
    var jobID: String
    var at: Date
    var level: String
    var event: String
    var message: String

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case jobID = "job_id"
        case at
        case level
        case event
        case message
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// A row for a new entry.
    init(_ entry: ExecutionLogEntry) {
        id = nil
        jobID = entry.jobID.databaseKey
        at = entry.at
        level = entry.level.rawValue
        event = entry.event
        message = entry.message
    }

    /// Inserts the row through one cached statement, since each job writes several lines.
    func insert(_ db: Database) throws {
        try db.cachedStatement(
            sql: "INSERT INTO execution_log (job_id, at, level, event, message) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [jobID, DatabaseTimestamp.text(at), level, event, message])
    }

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func entry() throws -> ExecutionLogEntry {
        let table = Self.databaseTableName
        let row = id.map(String.init) ?? "?"
        guard let logLevel = LogLevel(rawValue: level) else {
            throw StoreError.corrupt(table: table, row: row, column: "level", "holds unknown level '\(level)'")
        }
        return ExecutionLogEntry(
            jobID: try UUID.stored(jobID, table: table, row: row, column: "job_id"),
            at: at, level: logLevel, event: event, message: message)
    }
}
