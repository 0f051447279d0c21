import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    private typealias Columns = OptimizationLogRow.Columns

    /// Inserts the lines in one write; a missing campaign fails the write (its foreign key) as `notFound`.
    public func recordOptimizations(_ records: [OptimizationRecord]) async throws {
        guard !records.isEmpty else { return }
        let rows = try records.map(OptimizationLogRow.init)
        try await write { db in
            for row in rows { try row.insert(db) }
        }
    }

    /// Sets each line's action id or refusal in one write.
    public func linkOptimizations(_ links: [OptimizationActionLink]) async throws {
        guard !links.isEmpty else { return }
        try await write { db in
            let update = try db.cachedStatement(
                sql: "UPDATE optimization_log SET action_id = ?, action_error = ? WHERE id = ?")
            for link in links {
                try update.execute(arguments: [link.actionID?.databaseKey, link.error, link.recordID.databaseKey])
            }
        }
    }

    /// Lines newest first, filtered by campaign and account.
    public func optimizationLog(
        campaign: UUID?, account: UUID?, page: PageRequest
    ) async throws -> Page<OptimizationRecord> {
        try await read { db in
            var request = OptimizationLogRow.all()
            if let campaign { request = request.filter(Columns.campaignID == campaign.databaseKey) }
            if let account { request = request.filter(Columns.accountID == account.databaseKey) }
            let total = try request.fetchCount(db)
            let rows = try request.order(Columns.createdAt.desc, Column.rowID.desc)
                .limit(page.limit, offset: page.offset).fetchAll(db)
            return Page(items: try rows.map { try $0.record() }, total: total, limit: page.limit, offset: page.offset)
        }
    }

    /// Reads `auto_optimize` and the bounds, in the campaign's budget currency, of the campaigns that exist.
    public func optimizationSettings(campaigns: [UUID]) async throws -> [UUID: CampaignOptimizationSettings] {
        guard !campaigns.isEmpty else { return [:] }
        return try await read { db in
            var settings: [UUID: CampaignOptimizationSettings] = [:]
            // SQLite takes at most 32,766 parameters; chunks keep any list under it.
            for chunk in stride(from: 0, to: campaigns.count, by: 500).map({
                campaigns[$0..<min($0 + 500, campaigns.count)]
            }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, budget_json, auto_optimize, budget_minimum_minor, budget_maximum_minor
                        FROM campaigns WHERE id IN (\(marks))
                        """,
                    arguments: StatementArguments(chunk.map(\.databaseKey)))
                for row in rows {
                    let key: String = row["id"]
                    let id = try UUID.stored(key, table: "campaigns", row: key, column: "id")
                    let budget = try StoreJSON.decode(
                        Budget.self, from: row["budget_json"], table: "campaigns", row: key, column: "budget_json")
                    let currency = budget.amount.currency
                    let minimum: Int64? = row["budget_minimum_minor"]
                    let maximum: Int64? = row["budget_maximum_minor"]
                    settings[id] = CampaignOptimizationSettings(
                        autoOptimize: row["auto_optimize"],
                        minimumBudget: minimum.map { Money(minorUnits: $0, currency: currency) },
                        maximumBudget: maximum.map { Money(minorUnits: $0, currency: currency) })
                }
            }
            return settings
        }
    }

    /// Checks the bounds against the campaign's budget currency and writes the three columns.
    public func setOptimizationSettings(
        _ settings: CampaignOptimizationSettings, campaign: UUID
    ) async throws
        -> CampaignOptimizationSettings
    {
        let now = clock.now
        try await write { db in
            guard let row = try CampaignRow.fetchOne(db, key: campaign.databaseKey) else {
                throw StoreError(.notFound, "no campaign \(campaign.databaseKey)")
            }
            let budget = try StoreJSON.decode(
                Budget.self, from: row.budgetJSON, table: "campaigns", row: row.id, column: "budget_json")
            let problems = settings.problems(currency: budget.amount.currency)
            guard problems.isEmpty else {
                throw StoreError(.conflict, problems.joined(separator: "; "))
            }
            try db.execute(
                sql: """
                    UPDATE campaigns SET auto_optimize = ?, budget_minimum_minor = ?, budget_maximum_minor = ?,
                        updated_at = ? WHERE id = ?
                    """,
                arguments: [
                    settings.autoOptimize, settings.minimumBudget?.minorUnits, settings.maximumBudget?.minorUnits,
                    DatabaseTimestamp.text(now), row.id,
                ])
        }
        return try await optimizationSettings(campaigns: [campaign])[campaign] ?? settings
    }
}
