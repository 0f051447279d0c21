import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    /// Stand-in for the lead's `recordObservations` on main; removed on merge.
    public func recordObservations(
        _ observations: [EntityObservation], source: ObservationSource
    ) async throws -> [Drift] {
        try await write { db in
            var drifts: [Drift] = []
            for observation in observations {
                guard let status = observation.status else { continue }
                let rows = try Row.fetchAll(
                    db, sql: "SELECT campaign_id, last_seen_status FROM entity_mappings WHERE platform_id = ?",
                    arguments: [observation.platformID])
                for row in rows {
                    let campaign: String = row["campaign_id"]
                    let seen: String? = row["last_seen_status"]
                    guard seen != status.rawValue else { continue }
                    try db.execute(
                        sql: "UPDATE entity_mappings SET last_seen_status = ? WHERE campaign_id = ? AND platform_id = ?",
                        arguments: [status.rawValue, campaign, observation.platformID])
                    try db.execute(sql: "UPDATE campaigns SET drifted = 1 WHERE id = ?", arguments: [campaign])
                    drifts.append(
                        Drift(
                            campaignID: UUID(uuidString: campaign) ?? UUID(), platformID: observation.platformID,
                            recorded: seen.flatMap(DeliveryStatus.init(rawValue:)), observed: status))
                }
            }
            return drifts
        }
    }
}
