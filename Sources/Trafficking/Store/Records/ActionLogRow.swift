import Foundation
import GRDB

/// A row of `action_log`.
struct ActionLogRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "action_log"

    /// `nil` until inserted; SQLite assigns it.
    var id: Int64?
    var actionID: String
    var at: Date
    var level: String
    var event: String
    var message: String

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case actionID = "action_id"
        case at
        case level
        case event
        case message
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// A row for a new entry.
    init(_ entry: ActionLogEntry) {
        id = nil
        actionID = entry.actionID.databaseKey
        at = entry.at
        level = entry.level.rawValue
        event = entry.event
        message = entry.message
    }

    /// Inserts the row through one cached statement.
    func insert(_ db: Database) throws {
        try db.cachedStatement(
            sql: "INSERT INTO action_log (action_id, at, level, event, message) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [actionID, DatabaseTimestamp.text(at), level, event, message])
    }

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func entry() throws -> ActionLogEntry {
        let table = Self.databaseTableName
        let row = id.map(String.init) ?? "?"
        guard let logLevel = LogLevel(rawValue: level) else {
            throw StoreError.corrupt(table: table, row: row, column: "level", "holds unknown level '\(level)'")
        }
        return ActionLogEntry(
            actionID: try UUID.stored(actionID, table: table, row: row, column: "action_id"),
            at: at, level: logLevel, event: event, message: message)
    }
}
