import AdPlatformKit
import Foundation
import GRDB

/// A row of `drift_events`: one difference between our records and a platform.
struct DriftRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "drift_events"

    var id: Int64?
    var campaignID: String
    var level: String
    var platformID: String
    var field: String
    var ours: String?
    var platformValue: String
    var source: String
    var detectedAt: Date

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case campaignID = "campaign_id"
        case level
        case platformID = "platform_id"
        case field, ours
        case platformValue = "platform_value"
        case source
        case detectedAt = "detected_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The row of a new drift.
    init(_ drift: Drift) {
        id = nil
        campaignID = drift.campaignID.databaseKey
        level = drift.level.rawValue
        platformID = drift.platformID
        field = drift.field.rawValue
        ours = drift.ours
        platformValue = drift.platforms
        source = drift.source.rawValue
        detectedAt = drift.detectedAt
    }

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func drift() throws -> Drift {
        let table = Self.databaseTableName
        let row = id.map(String.init) ?? "?"
        guard let driftField = Drift.Field(rawValue: field) else {
            throw StoreError.corrupt(table: table, row: row, column: "field", "holds unknown field '\(field)'")
        }
        guard let driftSource = ObservationSource(rawValue: source) else {
            throw StoreError.corrupt(table: table, row: row, column: "source", "holds unknown source '\(source)'")
        }
        return Drift(
            campaignID: try UUID.stored(campaignID, table: table, row: row, column: "campaign_id"),
            level: EntityKind(rawValue: level), platformID: platformID, field: driftField, ours: ours,
            platforms: platformValue, source: driftSource, detectedAt: detectedAt)
    }
}
