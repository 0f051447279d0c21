import AdPlatformKit
import Foundation
import GRDB

/// A row of `api_calls`: one redacted platform HTTP call.
struct APICallRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "api_calls"

    /// `nil` until inserted; SQLite assigns it.
    var id: Int64?
    var jobID: String?
    var actionID: String?
    var syncRunID: String?
    var platform: String?
    var at: Date
    var method: String
    var path: String
    var status: Int?
    var durationMilliseconds: Double
    var requestSummary: String
    var responseSummary: String

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case jobID = "job_id"
        case actionID = "action_id"
        case syncRunID = "sync_run_id"
        case platform
        case at
        case method
        case path
        case status
        case durationMilliseconds = "duration_ms"
        case requestSummary = "request_summary"
        case responseSummary = "response_summary"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// A row for a new record.
    init(_ call: APICallRecord) {
        id = nil
        jobID = call.jobID?.databaseKey
        actionID = call.actionID?.databaseKey
        syncRunID = call.syncRunID?.databaseKey
        platform = call.platform?.rawValue
        at = call.at
        method = call.method
        path = call.path
        status = call.status
        durationMilliseconds = call.durationMilliseconds
        requestSummary = call.requestSummary
        responseSummary = call.responseSummary
    }

    /// Inserts the row through one cached statement. Every job writes several, and GRDB's record `insert` builds a
    /// persistence container and finds its statement each time.
    func insert(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO api_calls (job_id, action_id, sync_run_id, platform, at, method, path, status,
                    duration_ms, request_summary, response_summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            jobID, actionID, syncRunID, platform, DatabaseTimestamp.text(at), method, path, status,
            durationMilliseconds,
            requestSummary,
            responseSummary,
        ])
    }

    /// The public value, or ``StoreError`` `corrupt` when the job or action id is not a UUID.
    func record() throws -> APICallRecord {
        let row = id.map(String.init) ?? "?"
        return APICallRecord(
            jobID: try jobID.map { try UUID.stored($0, table: Self.databaseTableName, row: row, column: "job_id") },
            platform: platform.map(PlatformID.init(rawValue:)),
            at: at, method: method, path: path, status: status, durationMilliseconds: durationMilliseconds,
            requestSummary: requestSummary, responseSummary: responseSummary,
            actionID: try actionID.map {
                try UUID.stored($0, table: Self.databaseTableName, row: row, column: "action_id")
            },
            syncRunID: try syncRunID.map {
                try UUID.stored($0, table: Self.databaseTableName, row: row, column: "sync_run_id")
            })
    }
}
