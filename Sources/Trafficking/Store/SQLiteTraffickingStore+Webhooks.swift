import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    /// Inserts each change's receipt (`INSERT OR IGNORE` on the table's primary key, platform and identity) and
    /// applies the observations of those inserted, in one write; see
    /// ``WebhookStore/applyWebhookChanges(_:from:receivedAt:)``.
    public func applyWebhookChanges(
        _ changes: [WebhookChange], from platform: PlatformID, receivedAt: Date
    ) async throws
        -> WebhookIntakeReport
    {
        guard !changes.isEmpty else { return WebhookIntakeReport(received: 0, duplicates: 0, applied: 0, drifts: []) }
        return try await write { db in
            let insert = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO webhook_receipts (platform, identity, received_at) VALUES (?, ?, ?)")
            let time = DatabaseTimestamp.text(receivedAt)
            var fresh: [WebhookChange] = []
            for change in changes {
                try insert.execute(arguments: [platform.rawValue, change.identity, time])
                if db.changesCount > 0 { fresh.append(change) }
            }
            let observations = fresh.compactMap(\.observation)
            let drifts = try Self.apply(observations, source: .webhook, db)
            return WebhookIntakeReport(
                received: changes.count, duplicates: changes.count - fresh.count, applied: observations.count,
                drifts: drifts)
        }
    }

    /// Counts the platform's receipts.
    public func webhookReceiptCount(platform: PlatformID) async throws -> Int {
        try await read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM webhook_receipts WHERE platform = ?", arguments: [platform.rawValue])
                ?? 0
        }
    }
}
