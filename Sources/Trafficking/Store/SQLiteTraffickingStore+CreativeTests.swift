import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    private typealias Columns = CreativeTestRow.Columns
    private typealias ArmColumns = CreativeTestArmRow.Columns

    /// Inserts the tests and their arms in one write; a missing campaign fails the write (its foreign key) as
    /// `notFound`.
    public func recordCreativeTests(_ records: [CreativeTestRecord]) async throws {
        guard !records.isEmpty else { return }
        try await write { db in
            for record in records {
                try CreativeTestRow(record).insert(db)
                for (position, arm) in record.arms.enumerated() {
                    try CreativeTestArmRow(arm, test: record.id, position: position).insert(db)
                }
            }
        }
    }

    /// Sets each loser's action id or refusal in one write.
    public func linkCreativeTests(_ links: [CreativeTestActionLink]) async throws {
        guard !links.isEmpty else { return }
        try await write { db in
            let update = try db.cachedStatement(
                sql: "UPDATE creative_test_arms SET action_id = ?, action_error = ? WHERE test_id = ? AND ad_id = ?")
            for link in links {
                try update.execute(
                    arguments: [link.actionID?.databaseKey, link.error, link.testID.databaseKey, link.adID])
            }
        }
    }

    /// A campaign's tests newest first, each with its arms in position order.
    public func creativeTests(campaign: UUID, page: PageRequest) async throws -> Page<CreativeTestRecord> {
        try await read { db in
            let request = CreativeTestRow.filter(Columns.campaignID == campaign.databaseKey)
            let total = try request.fetchCount(db)
            let rows = try request.order(Columns.createdAt.desc, Column.rowID.desc)
                .limit(page.limit, offset: page.offset).fetchAll(db)
            let arms = try CreativeTestArmRow.filter(rows.map(\.id).contains(ArmColumns.testID))
                .order(ArmColumns.testID, ArmColumns.position).fetchAll(db)
            let byTest = Dictionary(grouping: arms, by: \.testID)
            return Page(
                items: try rows.map { try $0.record(arms: byTest[$0.id] ?? []) }, total: total, limit: page.limit,
                offset: page.offset)
        }
    }
}
