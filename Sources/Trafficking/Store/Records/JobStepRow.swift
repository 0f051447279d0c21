import AdPlatformKit
import Foundation
import GRDB

/// A row of `job_steps`: one ledger step, with the entities it created (its entity mappings). Only read: the
/// ledger writes these rows with its own cached statements (`SQLiteTraffickingStore+Ledger.swift`).
struct JobStepRow: Decodable, FetchableRecord, TableRecord {
    static let databaseTableName = "job_steps"

    var jobID: String
    var stepKey: String
    var kind: String
    var state: String
    var marker: String?
    /// The primary entity's platform id (or the uploaded media's), copied out of the JSON for SQL queries.
    var externalID: String?
    var entitiesJSON: String
    var mediaJSON: String?
    var attempts: Int
    var startedAt: Date
    var finishedAt: Date?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case jobID = "job_id"
        case stepKey = "step_key"
        case kind
        case state
        case marker
        case externalID = "external_id"
        case entitiesJSON = "entities_json"
        case mediaJSON = "media_json"
        case attempts
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func step() throws -> LedgerStep {
        let table = Self.databaseTableName
        let row = "(\(jobID), \(stepKey))"
        guard let stepState = StepState(rawValue: state) else {
            throw StoreError.corrupt(table: table, row: row, column: "state", "holds unknown state '\(state)'")
        }
        return LedgerStep(
            jobID: try UUID.stored(jobID, table: table, row: row, column: "job_id"),
            key: stepKey,
            kind: EntityKind(rawValue: kind),
            state: stepState,
            marker: marker,
            entities: try StoreJSON.decode(
                [PlatformEntity].self, from: entitiesJSON, table: table, row: row, column: "entities_json"),
            media: try mediaJSON.map {
                try StoreJSON.decode(UploadedMedia.self, from: $0, table: table, row: row, column: "media_json")
            },
            attempts: attempts,
            startedAt: startedAt,
            finishedAt: finishedAt)
    }
}
