import AdPlatformKit
import Foundation
import GRDB

/// A row of `creative_versions`: one version of a campaign's creative, its definition as JSON.
struct CreativeVersionRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "creative_versions"

    var campaignID: String
    var creativeKey: String
    var version: Int
    var parentVersion: Int?
    var creativeJSON: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case campaignID = "campaign_id"
        case creativeKey = "creative_key"
        case version
        case parentVersion = "parent_version"
        case creativeJSON = "creative_json"
        case createdAt = "created_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func creativeVersion() throws -> CreativeVersion {
        let table = Self.databaseTableName
        let row = "(\(campaignID), \(creativeKey), \(version))"
        return CreativeVersion(
            campaignID: try UUID.stored(campaignID, table: table, row: row, column: "campaign_id"),
            creativeKey: creativeKey, version: version, parentVersion: parentVersion,
            creative: try StoreJSON.decode(
                CreativeDefinition.self, from: creativeJSON, table: table, row: row, column: "creative_json"),
            createdAt: createdAt)
    }
}
