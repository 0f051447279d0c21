import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    private typealias Columns = LifecycleActionRow.Columns

    /// Stores an action PENDING with its steps and a `requested` log line, in one write. Throws ``StoreError``
    /// `notFound` when the campaign does not exist and `conflict` when the id is taken.
    public func enqueueAction(_ action: NewLifecycleAction) async throws -> LifecycleAction {
        let now = clock.now
        let steps = try action.steps.map { try ActionStepRow($0, action: action.id.databaseKey) }
        let targets = action.targets.isEmpty ? "every \(action.level)" : action.targets.joined(separator: ", ")
        let requested = ActionLogRow(
            ActionLogEntry(
                actionID: action.id, at: now, event: "requested",
                message: "\(action.requestedBy) asked to \(action.kind) at level \(action.level) (\(targets)): "
                    + "\(action.steps.count) \(action.steps.count == 1 ? "entity" : "entities") to change"))
        let stored = try await write { db in
            guard let campaign = try CampaignRow.fetchOne(db, key: action.campaignID.databaseKey) else {
                throw StoreError(.notFound, "campaign \(action.campaignID.databaseKey) does not exist")
            }
            let row = try LifecycleActionRow(action, campaign: campaign, at: now)
            do {
                try row.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw StoreError(.conflict, "action \(row.id) already exists")
            }
            for step in steps { try step.insert(db) }
            try requested.insert(db)
            return try Self.action(row, db)
        }
        workSignal?.notify()
        return stored
    }

    /// An action with its steps, or `nil`.
    public func action(_ id: UUID) async throws -> LifecycleAction? {
        try await read { db in
            try LifecycleActionRow.fetchOne(db, key: id.databaseKey).map { try Self.action($0, db) }
        }
    }

    /// A campaign's actions, newest first, with their total.
    public func actions(campaign: UUID, page: PageRequest) async throws -> Page<LifecycleAction> {
        try await read { db in
            let request = LifecycleActionRow.filter(Columns.campaignID == campaign.databaseKey)
            let total = try request.fetchCount(db)
            let rows = try request.order(Columns.createdAt.desc, Column.rowID.desc)
                .limit(page.limit, offset: page.offset).fetchAll(db)
            return Page(
                items: try rows.map { try Self.action($0, db) }, total: total, limit: page.limit, offset: page.offset)
        }
    }

    /// Claims up to `limit` due actions, oldest first, in one IMMEDIATE transaction (see ``LeaseQueue``).
    public func claimActions(owner: String, limit: Int, lease: Duration, now: Date) async throws -> [LifecycleAction] {
        let expiry = now.addingTimeInterval(TraffickingWorker.seconds(lease))
        let (time, expiryTime) = (DatabaseTimestamp.text(now), DatabaseTimestamp.text(expiry))
        return try await write { db in
            let ids = try Self.actionQueue.dueIDs(limit: max(limit, 0), now: time, db)
            return try ids.compactMap { id in
                try Self.actionQueue.claim(id, owner: owner, expiry: expiryTime, now: time, db)
                return try LifecycleActionRow.fetchOne(db, key: id).map { try Self.action($0, db) }
            }
        }
    }

    /// The action queue's claims and leases, shared with jobs.
    static let actionQueue = LeaseQueue(
        table: "lifecycle_actions", duePendingSQL: dueActionsSQL, expiredLeasesSQL: expiredActionLeasesSQL)

    /// Due PENDING actions in claim order that no other unfinished action of their campaign precedes: one running,
    /// or an older one waiting. A pause and a resume asked a second apart must reach the platform in that order,
    /// whatever the number of workers. Actions of a REQUIRES_REAUTH account wait for its re-authorisation, as
    /// jobs do (see ``duePendingSQL``). Arguments: the time, the limit.
    static let dueActionsSQL = """
        SELECT a.id, a.created_at, a.rowid FROM lifecycle_actions a INDEXED BY lifecycle_actions_pending_order
        WHERE a.status = 'PENDING' AND (a.not_before IS NULL OR a.not_before <= ?)
            AND NOT EXISTS (
                SELECT 1 FROM ad_accounts acc WHERE acc.id = a.account_id AND acc.status = 'REQUIRES_REAUTH')
            AND NOT EXISTS (
                SELECT 1 FROM lifecycle_actions b
                WHERE b.campaign_id = a.campaign_id AND b.id != a.id
                    AND (b.status = 'PROCESSING' OR (b.status = 'PENDING' AND b.rowid < a.rowid)))
        ORDER BY a.created_at, a.rowid LIMIT ?
        """

    /// PROCESSING actions whose lease has expired, oldest first; arguments: the time, the limit.
    static let expiredActionLeasesSQL = """
        SELECT id, created_at, rowid FROM lifecycle_actions
        WHERE status = 'PROCESSING' AND lease_expires_at < ?
        ORDER BY created_at, rowid LIMIT ?
        """

    /// Moves the lease's expiry to `until` if `owner` still holds the action; `false` when it lost it.
    public func renewLease(action: UUID, owner: String, until: Date) async throws -> Bool {
        try await write { db in try Self.actionQueue.renew(action.databaseKey, owner: owner, until: until, db) }
    }

    /// Marks a step started with its old value, if `owner` holds the action; writes the records either way.
    public func startActionStep(
        _ action: UUID, owner: String, position: Int, oldValue: ActionValue?, source: ActionStep.Source?,
        records: ActionRunRecords
    ) async throws -> Bool {
        let now = clock.now
        let old = try oldValue.map { try StoreJSON.encode($0) }
        let rows = Self.encode(records)
        return try await write { db in
            try Self.write(rows, db)
            guard try Self.actionQueue.isHeld(action.databaseKey, by: owner, db) else { return false }
            try db.cachedStatement(
                sql: """
                    UPDATE action_steps SET state = 'started', old_value_json = ?, old_value_source = ?,
                        started_at = COALESCE(started_at, ?)
                    WHERE action_id = ? AND position = ? AND state != 'done'
                    """
            ).execute(arguments: [old, source?.rawValue, DatabaseTimestamp.text(now), action.databaseKey, position])
            return true
        }
    }

    /// Marks a step done with the platform's answer, if `owner` holds the action; writes the records either way.
    public func completeActionStep(
        _ action: UUID, owner: String, position: Int, response: String?, records: ActionRunRecords
    ) async throws -> Bool {
        let now = clock.now
        let rows = Self.encode(records)
        return try await write { db in
            try Self.write(rows, db)
            guard try Self.actionQueue.isHeld(action.databaseKey, by: owner, db) else { return false }
            let time = DatabaseTimestamp.text(now)
            try db.cachedStatement(
                sql: """
                    UPDATE action_steps SET state = 'done', response = ?, started_at = COALESCE(started_at, ?),
                        finished_at = ?
                    WHERE action_id = ? AND position = ?
                    """
            ).execute(arguments: [response, time, time, action.databaseKey, position])
            return true
        }
    }

    /// Gives an action `owner` holds back as PENDING, not before `notBefore`, with `error` recorded.
    public func releaseAction(
        _ action: UUID, owner: String, notBefore: Date, error: JobError?, records: ActionRunRecords
    ) async throws {
        let now = clock.now
        let rows = Self.encode(records)
        try await write { db in
            try Self.write(rows, db)
            _ = try Self.held(action, by: owner).updateAll(
                db,
                [
                    Columns.status.set(to: ActionStatus.pending.rawValue),
                    Columns.leaseOwner.set(to: nil),
                    Columns.leaseExpiresAt.set(to: nil),
                    Columns.notBefore.set(to: notBefore),
                    Columns.updatedAt.set(to: now),
                ] + LifecycleActionRow.errorAssignments(error))
        }
    }

    /// Ends an action `owner` holds and, in the same write, brings our records up to what its done steps made
    /// true on the platform: each entity mapping's last-seen status or budget, and the campaign's status (for a
    /// change of the campaign's own status, `archived` after an archive of it) or budget (where the change sets the
    /// campaign's budget, or every ad group's). Bids and targeting have no last-seen column: the steps keep their
    /// old and new values.
    public func finishAction(
        _ action: UUID, owner: String, outcome: ActionOutcome, records: ActionRunRecords
    ) async throws {
        let now = clock.now
        let error: JobError?
        if case .failed(let failure) = outcome { error = failure } else { error = nil }
        let rows = Self.encode(records)
        try await write { db in
            try Self.write(rows, db)
            let ended = try Self.held(action, by: owner).updateAll(
                db,
                [
                    Columns.status.set(to: outcome.status.rawValue),
                    Columns.leaseOwner.set(to: nil),
                    Columns.leaseExpiresAt.set(to: nil),
                    Columns.notBefore.set(to: nil),
                    Columns.finishedAt.set(to: now),
                    Columns.updatedAt.set(to: now),
                ] + LifecycleActionRow.errorAssignments(error))
            guard ended > 0, let row = try LifecycleActionRow.fetchOne(db, key: action.databaseKey) else { return }
            try Self.applyChanges(of: row, at: now, db)
        }
    }

    /// An action's log, oldest first.
    public func actionLog(_ action: UUID) async throws -> [ActionLogEntry] {
        try await read { db in
            try ActionLogRow.filter(ActionLogRow.Columns.actionID == action.databaseKey)
                .order(ActionLogRow.Columns.at, ActionLogRow.Columns.id)
                .fetchAll(db)
                .map { try $0.entry() }
        }
    }

    /// An action's API calls, oldest first.
    public func apiCalls(action: UUID) async throws -> [APICallRecord] {
        try await read { db in
            try APICallRow.filter(APICallRow.Columns.actionID == action.databaseKey)
                .order(APICallRow.Columns.at, APICallRow.Columns.id)
                .fetchAll(db)
                .map { try $0.record() }
        }
    }

    // MARK: - Inside a write

    /// Sets the last-seen values of the entities the action's done steps changed, and the campaign's status or
    /// budget where they reach it.
    private static func applyChanges(of action: LifecycleActionRow, at now: Date, _ db: Database) throws {
        let steps = try ActionStepRow.filter(
            ActionStepRow.Columns.actionID == action.id && ActionStepRow.Columns.state == ActionStep.State.done.rawValue
        ).order(ActionStepRow.Columns.position).fetchAll(db).map { try $0.step() }
        guard !steps.isEmpty else { return }
        let time = DatabaseTimestamp.text(now)
        var budgetOfGroups = false
        for step in steps {
            switch step.newValue {
            case .status(let status):
                try db.cachedStatement(
                    sql: """
                        UPDATE entity_mappings SET last_seen_status = ?, last_seen_at = ?
                        WHERE campaign_id = ? AND level = ? AND platform_id = ?
                        """
                ).execute(arguments: [status.rawValue, time, action.campaignID, step.level.rawValue, step.platformID])
                if step.level == .campaign {
                    let campaignStatus: CampaignStatus? =
                        switch status {
                        case .active: .live
                        case .paused: .paused
                        case .removed: nil
                        }
                    if let campaignStatus {
                        try db.cachedStatement(sql: "UPDATE campaigns SET status = ?, updated_at = ? WHERE id = ?")
                            .execute(arguments: [campaignStatus.rawValue, time, action.campaignID])
                    }
                }
            case .archived:
                // An archived entity no longer delivers and leaves the platform's lists (Meta reads ARCHIVED back as
                // removed, Google's archive is REMOVED).
                try db.cachedStatement(
                    sql: """
                        UPDATE entity_mappings SET last_seen_status = ?, last_seen_at = ?
                        WHERE campaign_id = ? AND level = ? AND platform_id = ?
                        """
                ).execute(
                    arguments: [
                        DeliveryStatus.removed.rawValue, time, action.campaignID, step.level.rawValue, step.platformID,
                    ])
                if step.level == .campaign {
                    try db.cachedStatement(sql: "UPDATE campaigns SET status = ?, updated_at = ? WHERE id = ?")
                        .execute(arguments: [CampaignStatus.archived.rawValue, time, action.campaignID])
                }
            case .bid, .targeting:
                break
            case .budget(let budget):
                let json = try StoreJSON.encode(budget)
                try db.cachedStatement(
                    sql: """
                        UPDATE entity_mappings SET last_seen_budget_json = ?, last_seen_at = ?
                        WHERE campaign_id = ? AND level = ? AND platform_id = ?
                        """
                ).execute(arguments: [json, time, action.campaignID, step.level.rawValue, step.platformID])
                if step.level == .campaign {
                    try db.cachedStatement(sql: "UPDATE campaigns SET budget_json = ?, updated_at = ? WHERE id = ?")
                        .execute(arguments: [json, time, action.campaignID])
                } else if step.level == .adGroup {
                    budgetOfGroups = true
                }
            }
        }
        if budgetOfGroups { try updateCampaignBudgetFromGroups(action.campaignID, at: time, db) }
    }

    /// Where ad groups hold the budget, the campaign's budget is their sum, once every ad group's budget is known
    /// in one period and currency; until then it keeps what it was.
    private static func updateCampaignBudgetFromGroups(_ campaign: String, at time: String, _ db: Database) throws {
        let groups = try EntityMappingRow.filter(
            EntityMappingRow.Columns.campaignID == campaign
                && EntityMappingRow.Columns.level == EntityKind.adGroup.rawValue
        ).fetchAll(db).map { try $0.mapping() }
        let budgets = groups.compactMap(\.lastSeenBudget)
        guard let first = budgets.first, budgets.count == groups.count,
            budgets.allSatisfy({ $0.period == first.period && $0.amount.currency == first.amount.currency })
        else { return }
        let (total, overflow) = budgets.reduce((Int64(0), false)) { sum, budget in
            let (value, overflow) = sum.0.addingReportingOverflow(budget.amount.minorUnits)
            return (value, sum.1 || overflow)
        }
        guard !overflow else { return }
        let json = try StoreJSON.encode(Budget(first.period, Money(minorUnits: total, currency: first.amount.currency)))
        try db.cachedStatement(sql: "UPDATE campaigns SET budget_json = ?, updated_at = ? WHERE id = ?")
            .execute(arguments: [json, time, campaign])
    }

    /// An action row with its steps, in order.
    static func action(_ row: LifecycleActionRow, _ db: Database) throws -> LifecycleAction {
        let steps = try ActionStepRow.filter(ActionStepRow.Columns.actionID == row.id)
            .order(ActionStepRow.Columns.position).fetchAll(db)
        return try row.action(steps: try steps.map { try $0.step() })
    }

    /// The action, if `owner` holds it.
    private static func held(_ action: UUID, by owner: String) -> QueryInterfaceRequest<LifecycleActionRow> {
        LifecycleActionRow.filter(key: action.databaseKey)
            .filter(Columns.leaseOwner == owner && Columns.status == ActionStatus.processing.rawValue)
    }

    /// A run's records as rows, encoded before the write.
    private static func encode(_ records: ActionRunRecords) -> (calls: [APICallRow], log: [ActionLogRow]) {
        (records.calls.map(APICallRow.init), records.log.map(ActionLogRow.init))
    }

    private static func write(_ rows: (calls: [APICallRow], log: [ActionLogRow]), _ db: Database) throws {
        for call in rows.calls { try call.insert(db) }
        for entry in rows.log { try entry.insert(db) }
    }
}
