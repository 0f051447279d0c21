import AdPlatformKit
import Foundation
import GRDB

/// A row of `sync_runs`: one run of the metrics sync over one account.
struct SyncRunRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "sync_runs"

    var id: String
    var accountID: String
    var platform: String
    var kind: String
    var campaignID: String?
    var since: String
    var until: String
    var status: String
    var campaigns: Int
    var entities: Int
    var rows: Int
    var calls: Int
    var drifts: Int
    var errorsJSON: String
    var startedAt: Date
    var heartbeatAt: Date
    var finishedAt: Date?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case accountID = "account_id"
        case platform, kind
        case campaignID = "campaign_id"
        case since, until, status, campaigns, entities, rows, calls, drifts
        case errorsJSON = "errors_json"
        case startedAt = "started_at"
        case heartbeatAt = "heartbeat_at"
        case finishedAt = "finished_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The row of a run, written now.
    init(_ run: SyncRun, heartbeatAt: Date) throws {
        id = run.id.databaseKey
        accountID = run.accountID.databaseKey
        platform = run.platform.rawValue
        kind = run.kind.rawValue
        campaignID = run.campaignID?.databaseKey
        since = run.since
        until = run.until
        status = run.status.rawValue
        campaigns = run.campaigns
        entities = run.entities
        rows = run.rows
        calls = run.calls
        drifts = run.drifts
        errorsJSON = try StoreJSON.encode(run.errors)
        startedAt = run.startedAt
        self.heartbeatAt = heartbeatAt
        finishedAt = run.finishedAt
    }

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func run() throws -> SyncRun {
        let table = Self.databaseTableName
        guard let syncKind = SyncKind(rawValue: kind) else {
            throw StoreError.corrupt(table: table, row: id, column: "kind", "holds unknown kind '\(kind)'")
        }
        guard let runStatus = SyncRunStatus(rawValue: status) else {
            throw StoreError.corrupt(table: table, row: id, column: "status", "holds unknown status '\(status)'")
        }
        return SyncRun(
            id: try UUID.stored(id, table: table, row: id, column: "id"),
            accountID: try UUID.stored(accountID, table: table, row: id, column: "account_id"),
            platform: PlatformID(rawValue: platform), kind: syncKind,
            campaignID: try campaignID.map { try UUID.stored($0, table: table, row: id, column: "campaign_id") },
            since: since, until: until, status: runStatus, campaigns: campaigns, entities: entities, rows: rows,
            calls: calls, drifts: drifts,
            errors: try StoreJSON.decode([String].self, from: errorsJSON, table: table, row: id, column: "errors_json"),
            startedAt: startedAt, finishedAt: finishedAt)
    }
}
