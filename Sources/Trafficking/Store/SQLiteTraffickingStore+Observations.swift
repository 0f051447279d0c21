import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    /// Applies what a platform said about its entities, in one write; see
    /// ``CampaignStore/recordObservations(_:source:)``.
    public func recordObservations(
        _ observations: [EntityObservation], source: ObservationSource
    ) async throws
        -> [Drift]
    {
        guard !observations.isEmpty else { return [] }
        return try await write { db in try Self.apply(observations, source: source, db) }
    }

    /// Applies observations inside the caller's write and returns the drifts found.
    static func apply(_ observations: [EntityObservation], source: ObservationSource, _ db: Database) throws -> [Drift]
    {
        var drifts: [Drift] = []
        var busyCampaigns: [String: Bool] = [:]
        for observation in observations {
            // Cached: a sync observes every entity of its chunk, each through this one statement.
            let mappings = try EntityMappingRow.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT m.* FROM entity_mappings m JOIN campaigns c ON c.id = m.campaign_id
                        WHERE m.platform_id = ? AND c.platform = ? AND m.level IN ('campaign', 'adGroup', 'ad')
                        """), arguments: [observation.platformID, observation.platform.rawValue])
            for row in mappings {
                let mapping = try row.mapping()
                guard observation.observedAt >= mapping.lastSeenAt else { continue }
                // An action of ours under way changes the platform before its record does: what we read now is
                // ours, not someone else's.
                let busy = try busyCampaigns[row.campaignID] ?? hasActionUnderWay(row.campaignID, db)
                busyCampaigns[row.campaignID] = busy
                guard !busy else { continue }
                drifts += try apply(observation, to: mapping, row: row, source: source, db)
            }
        }
        return drifts
    }

    private static func apply(
        _ observation: EntityObservation, to mapping: EntityMapping, row: EntityMappingRow, source: ObservationSource,
        _ db: Database
    ) throws -> [Drift] {
        var drifts: [Drift] = []
        func drift(_ field: Drift.Field, ours: String?, platforms: String) {
            drifts.append(
                Drift(
                    campaignID: mapping.campaignID, level: mapping.level, platformID: mapping.platformID,
                    field: field, ours: ours, platforms: platforms, source: source,
                    detectedAt: observation.observedAt))
        }
        var status = mapping.lastSeenStatus
        if let seen = observation.status, seen != status {
            if let status { drift(.status, ours: status.rawValue, platforms: seen.rawValue) }
            status = seen
        }
        var budget = mapping.lastSeenBudget
        if let seen = observation.budget, seen != budget {
            if let budget { drift(.budget, ours: budget.description, platforms: seen.description) }
            budget = seen
        }
        let time = DatabaseTimestamp.text(observation.observedAt)
        try db.cachedStatement(
            sql: """
                UPDATE entity_mappings SET last_seen_status = ?, last_seen_budget_json = ?, last_seen_at = ?
                WHERE campaign_id = ? AND level = ? AND platform_id = ?
                """
        ).execute(arguments: [
            status?.rawValue, try budget.map { try StoreJSON.encode($0) }, time, row.campaignID, row.level,
            row.platformID,
        ])
        if mapping.level == .campaign {
            let campaignStatus: CampaignStatus? =
                switch status {
                case .active: .live
                case .paused: .paused
                case .removed, nil: nil
                }
            try db.cachedStatement(
                sql: """
                    UPDATE campaigns SET status = CASE WHEN status IN ('live', 'paused') THEN COALESCE(?, status)
                        ELSE status END, budget_json = COALESCE(?, budget_json), updated_at = ? WHERE id = ?
                    """
            ).execute(arguments: [
                campaignStatus?.rawValue, try observation.budget.map { try StoreJSON.encode($0) }, time,
                row.campaignID,
            ])
        }
        for found in drifts { try DriftRow(found).insert(db) }
        if !drifts.isEmpty {
            try db.cachedStatement(sql: "UPDATE campaigns SET drifted = 1, updated_at = ? WHERE id = ?")
                .execute(arguments: [time, row.campaignID])
        }
        return drifts
    }

    private static func hasActionUnderWay(_ campaign: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS (SELECT 1 FROM lifecycle_actions WHERE campaign_id = ?
                        AND status IN ('PENDING', 'PROCESSING'))
                    """), arguments: [campaign]) ?? false
    }
}
