import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    /// Which identities have a receipt, looked up by the table's primary key in chunks of 500.
    public func receivedWebhookChanges(platform: PlatformID, identities: [String]) async throws -> Set<String> {
        guard !identities.isEmpty else { return [] }
        return try await read { db in
            var found: Set<String> = []
            var start = identities.startIndex
            while start < identities.endIndex {
                let end = min(start + 500, identities.endIndex)
                let chunk = Array(identities[start..<end])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let rows = try String.fetchAll(
                    db, sql: "SELECT identity FROM webhook_receipts WHERE platform = ? AND identity IN (\(marks))",
                    arguments: StatementArguments([platform.rawValue] + chunk))
                found.formUnion(rows)
                start = end
            }
            return found
        }
    }

    /// Inserts the receipts in one write, ignoring those stored already.
    public func recordWebhookReceipts(_ receipts: [WebhookReceipt]) async throws {
        guard !receipts.isEmpty else { return }
        try await write { db in
            let statement = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO webhook_receipts (platform, identity, received_at) VALUES (?, ?, ?)")
            for receipt in receipts {
                try statement.execute(arguments: [
                    receipt.platform.rawValue, receipt.identity, DatabaseTimestamp.text(receipt.receivedAt),
                ])
            }
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
