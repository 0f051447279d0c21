import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    private typealias RuleColumns = RuleRow.Columns
    private typealias ExecutionColumns = RuleExecutionRow.Columns

    /// Inserts the rule at version 1, refusing an id that exists.
    public func createRule(_ rule: StoredRule) async throws -> StoredRule {
        let now = clock.now
        var row = RuleRow(rule)
        row.version = 1
        row.createdAt = now
        row.updatedAt = now
        row.lastRunAt = nil
        row.nextRunAt = nil
        let inserted = row
        try await write { db in
            do {
                try inserted.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw StoreError(.conflict, "a rule with id '\(inserted.id)' already exists")
            }
        }
        automationSignal?.notify()
        return inserted.rule
    }

    /// Replaces the rule's editable columns and raises its version, checking the version expected.
    public func updateRule(_ rule: StoredRule, expectedVersion: Int?) async throws -> StoredRule {
        let now = clock.now
        defer { automationSignal?.notify() }
        return try await write { db in
            guard var row = try RuleRow.fetchOne(db, key: rule.id) else {
                throw StoreError(.notFound, "no rule '\(rule.id)'")
            }
            if let expectedVersion, expectedVersion != row.version {
                throw StoreError(
                    .conflict,
                    "rule '\(rule.id)' is at version \(row.version), not \(expectedVersion): it changed since it was read"
                )
            }
            if row.everyMinutes != rule.everyMinutes || (!row.enabled && rule.enabled) {
                // A new schedule, or a rule switched back on, starts from now rather than from its old timetable.
                row.nextRunAt = nil
            }
            row.name = rule.name
            row.enabled = rule.enabled
            row.everyMinutes = rule.everyMinutes
            row.definitionJSON = rule.definitionJSON
            row.version += 1
            row.updatedAt = now
            try row.update(db)
            return row.rule
        }
    }

    /// The rule, or `nil`.
    public func rule(_ id: String) async throws -> StoredRule? {
        try await read { db in try RuleRow.fetchOne(db, key: id)?.rule }
    }

    /// Rules by id.
    public func rules(enabled: Bool?, page: PageRequest) async throws -> Page<StoredRule> {
        try await read { db in
            var request = RuleRow.all()
            if let enabled { request = request.filter(RuleColumns.enabled == enabled) }
            let total = try request.fetchCount(db)
            let rows = try request.order(RuleColumns.id).limit(page.limit, offset: page.offset).fetchAll(db)
            return Page(items: rows.map(\.rule), total: total, limit: page.limit, offset: page.offset)
        }
    }

    /// Deletes the rule, keeping its history.
    public func deleteRule(_ id: String) async throws -> Bool {
        try await write { db in try RuleRow.deleteOne(db, key: id) }
    }

    /// Takes the due rules and moves their timetable on, in one write.
    public func claimDueRules(now: Date) async throws -> [StoredRule] {
        // The five seconds of slack match `RuleSchedule.isDue`: a tick a moment early still runs the rule.
        let horizon = DatabaseTimestamp.text(now.addingTimeInterval(5))
        let stamp = DatabaseTimestamp.text(now)
        return try await write { db in
            let rows = try RuleRow.filter(
                sql: "enabled = 1 AND (next_run_at IS NULL OR next_run_at <= ?)", arguments: [horizon]
            )
            .order(RuleColumns.id).fetchAll(db)
            let update = try db.cachedStatement(
                sql: "UPDATE rules SET last_run_at = ?, next_run_at = ? WHERE id = ?")
            return try rows.map { row in
                var claimed = row
                claimed.lastRunAt = now
                // Clamped to a year, so a schedule written past the validator cannot make a date the store cannot write.
                claimed.nextRunAt = now.addingTimeInterval(Double(min(max(row.everyMinutes, 1), 527_040)) * 60)
                try update.execute(
                    arguments: [stamp, claimed.nextRunAt.map(DatabaseTimestamp.text), row.id])
                return claimed.rule
            }
        }
    }

    /// Inserts the lines in one write; a missing campaign fails the write (its foreign key) as `notFound`.
    public func recordRuleExecutions(_ records: [RuleExecutionRecord]) async throws {
        guard !records.isEmpty else { return }
        let rows = records.map(RuleExecutionRow.init)
        try await write { db in
            for row in rows { try row.insert(db) }
        }
    }

    /// Sets each line's action, response and failure in one write.
    public func linkRuleExecutions(_ links: [RuleExecutionLink]) async throws {
        guard !links.isEmpty else { return }
        try await write { db in
            let update = try db.cachedStatement(
                sql: "UPDATE rule_executions SET action_id = ?, response = ?, failed = ? WHERE id = ?")
            for link in links {
                try update.execute(
                    arguments: [link.actionID?.databaseKey, link.response, link.failed, link.recordID.databaseKey])
            }
        }
    }

    /// Lines newest first, each with its lifecycle action's status and error as they are now, and the platform's
    /// answer recorded on the action's step for the line's entity.
    public func ruleExecutions(
        rule: String?, campaign: UUID?, since: Date?, page: PageRequest
    ) async throws -> Page<RuleExecutionRecord> {
        try await read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let rule {
                conditions.append("e.rule_id = ?")
                arguments.append(rule)
            }
            if let campaign {
                conditions.append("e.campaign_id = ?")
                arguments.append(campaign.databaseKey)
            }
            if let since {
                conditions.append("e.created_at >= ?")
                arguments.append(DatabaseTimestamp.text(since))
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM rule_executions e \(filter)",
                    arguments: StatementArguments(arguments)) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.*, a.status AS joined_action_status, a.error_message AS joined_action_error,
                        (SELECT s.response FROM action_steps s
                         WHERE s.action_id = e.action_id AND s.platform_id = e.entity_id
                         ORDER BY s.position DESC LIMIT 1) AS joined_step_response
                    FROM rule_executions e LEFT JOIN lifecycle_actions a ON a.id = e.action_id
                    \(filter) ORDER BY e.created_at DESC, e.rowid DESC LIMIT ? OFFSET ?
                    """,
                arguments: StatementArguments(arguments + [page.limit, page.offset]))
            let items = try rows.map { row in
                try RuleExecutionRow(row: row).record(
                    actionStatus: row["joined_action_status"], actionError: row["joined_action_error"],
                    platformAnswer: row["joined_step_response"])
            }
            return Page(items: items, total: total, limit: page.limit, offset: page.offset)
        }
    }

    /// Planned, unlinked lines, oldest first, from the partial index.
    public func unlinkedRuleExecutions(since: Date, limit: Int) async throws -> [RuleExecutionRecord] {
        try await read { db in
            try RuleExecutionRow.filter(
                sql: """
                    planned_action_id IS NOT NULL AND action_id IS NULL AND response IS NULL AND created_at >= ?
                    """, arguments: [DatabaseTimestamp.text(since)]
            )
            .order(ExecutionColumns.createdAt, Column.rowID).limit(limit).fetchAll(db)
            .map { try $0.record(actionStatus: nil, actionError: nil) }
        }
    }
}
