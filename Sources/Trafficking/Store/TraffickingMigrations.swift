import GRDB

/// The store's schema, as an ordered list of migrations. A migration, once released, never changes: later schema
/// changes are new migrations appended here, so every database file can be brought up to date.
enum TraffickingMigrations {
    /// The migrator that creates and upgrades the schema.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createTables)
        migrator.registerMigration("v2", migrate: indexDueJobsInClaimOrder)
        migrator.registerMigration("v3", migrate: countLeaseTakeovers)
        migrator.registerMigration("v4", migrate: createCampaigns)
        migrator.registerMigration("v5", migrate: createLifecycleActions)
        migrator.registerMigration("v6-actions", migrate: allowArchivedCampaigns)
        migrator.registerMigration("v6-metrics-sync", migrate: createMetricsSync)
        migrator.registerMigration("v7-token-expiry", migrate: recordTokenExpiry)
        migrator.registerMigration("v8-webhook-receipts", migrate: createWebhookReceipts)
        migrator.registerMigration("v9-optimization", migrate: createOptimizationLog)
        migrator.registerMigration("v10-rules", migrate: createRules)
        migrator.registerMigration("v11-creative-tests", migrate: createCreativeTests)
        migrator.registerMigration("v12-metric-rollups", migrate: createMetricRollups)
        migrator.registerMigration("v13-jobs-newest-first", migrate: indexJobsNewestFirst)
        return migrator
    }

    /// v1: accounts, jobs, the step ledger, the logs and stored media. Ids are lower-case UUID text; dates are
    /// GRDB's default `YYYY-MM-DD HH:MM:SS.SSS` UTC text, which sorts and compares in time order. Status lists are
    /// spelled out rather than derived from the Swift enums, so a later enum change cannot rewrite this migration.
    private static func createTables(_ db: Database) throws {
        try db.create(table: "ad_accounts") { t in
            t.primaryKey("id", .text)
            t.column("platform", .text).notNull()
            t.column("platform_account_id", .text).notNull()
            t.column("name", .text).notNull()
            t.column("currency", .text).notNull()
            t.column("status", .text).notNull()
                .check(sql: "status IN ('ACTIVE', 'INACTIVE', 'REQUIRES_REAUTH', 'SUSPENDED')")
            t.column("owner_team", .text)
            t.column("settings_json", .text).notNull().defaults(to: "{}")
            // AES-GCM sealed box, combined form: nonce, ciphertext, tag.
            t.column("credentials", .blob).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
            t.column("deleted_at", .datetime)
        }
        try db.create(
            index: "ad_accounts_platform_account", on: "ad_accounts", columns: ["platform", "platform_account_id"])

        try db.create(table: "campaign_jobs") { t in
            t.primaryKey("id", .text)
            t.column("account_id", .text).notNull().references("ad_accounts")
            t.column("platform", .text).notNull()
            t.column("status", .text).notNull()
                .check(sql: "status IN ('PENDING', 'PROCESSING', 'SUCCESS', 'FAILED', 'PARTIAL_SUCCESS')")
            t.column("payload_json", .text).notNull()
            t.column("error_message", .text)
            t.column("error_code", .text)
            t.column("platform_error_code", .text)
            t.column("error_step", .text)
            t.column("error_field", .text)
            t.column("platform_campaign_id", .text)
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("lease_owner", .text)
            t.column("lease_expires_at", .datetime)
            t.column("not_before", .datetime)
            t.column("ticket_source", .text)
            t.column("ticket_id", .text)
            t.column("batch_id", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
            t.column("finished_at", .datetime)
            t.column("written_back_at", .datetime)
        }
        // Claiming reads due PENDING jobs by (status, not_before, created_at) and expired leases by
        // (status, lease_expires_at).
        try db.create(
            index: "campaign_jobs_claim", on: "campaign_jobs", columns: ["status", "not_before", "created_at"])
        try db.create(index: "campaign_jobs_lease", on: "campaign_jobs", columns: ["status", "lease_expires_at"])
        try db.create(index: "campaign_jobs_batch", on: "campaign_jobs", columns: ["batch_id"])
        try db.create(index: "campaign_jobs_ticket", on: "campaign_jobs", columns: ["ticket_source", "ticket_id"])

        try db.create(table: "job_steps") { t in
            t.column("job_id", .text).notNull().references("campaign_jobs", onDelete: .cascade)
            t.column("step_key", .text).notNull()
            t.primaryKey(["job_id", "step_key"])
            t.column("kind", .text).notNull()
            t.column("state", .text).notNull().check(sql: "state IN ('started', 'done')")
            t.column("marker", .text)
            t.column("external_id", .text)
            t.column("entities_json", .text).notNull().defaults(to: "[]")
            t.column("media_json", .text)
            t.column("attempts", .integer).notNull().defaults(to: 1)
            t.column("started_at", .datetime).notNull()
            t.column("finished_at", .datetime)
        }
        try db.create(index: "job_steps_external_id", on: "job_steps", columns: ["external_id"])

        try db.create(table: "execution_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("job_id", .text).notNull().references("campaign_jobs", onDelete: .cascade)
            t.column("at", .datetime).notNull()
            t.column("level", .text).notNull().check(sql: "level IN ('info', 'warning', 'error')")
            t.column("event", .text).notNull()
            t.column("message", .text).notNull()
        }
        try db.create(index: "execution_log_job", on: "execution_log", columns: ["job_id"])

        try db.create(table: "api_calls") { t in
            t.primaryKey("id", .integer)
            t.column("job_id", .text).references("campaign_jobs", onDelete: .cascade)
            t.column("platform", .text)
            t.column("at", .datetime).notNull()
            t.column("method", .text).notNull()
            t.column("path", .text).notNull()
            t.column("status", .integer)
            t.column("duration_ms", .double).notNull()
            t.column("request_summary", .text).notNull()
            t.column("response_summary", .text).notNull()
        }
        try db.create(index: "api_calls_job", on: "api_calls", columns: ["job_id"])

        try db.create(table: "media_blobs") { t in
            t.primaryKey("digest", .text)
            t.column("content_type", .text).notNull()
            t.column("data", .blob).notNull()
            t.column("created_at", .datetime).notNull()
        }
    }

    /// v2: due PENDING jobs are read in claim order from an index on `(status, created_at)`. v1's
    /// `(status, not_before, created_at)` index could not give that order, so each claim read every PENDING row and
    /// sorted them: the cost of a claim grew with the queue.
    private static func indexDueJobsInClaimOrder(_ db: Database) throws {
        try db.drop(index: "campaign_jobs_claim")
        try db.create(index: "campaign_jobs_pending_order", on: "campaign_jobs", columns: ["status", "created_at"])
    }

    /// v3: `campaign_jobs.takeovers`, the claims that took a job over from a worker whose lease ran out. `attempts`
    /// counted those with the claims after exhausted retries, so a job whose worker kept dying was failed as if its
    /// platform calls had kept failing. Existing jobs start at 0: their past claims cannot be told apart.
    private static func countLeaseTakeovers(_ db: Database) throws {
        try db.alter(table: "campaign_jobs") { t in
            t.add(column: "takeovers", .integer).notNull().defaults(to: 0)
        }
    }

    /// v4: campaigns of ours, their platform entities at every level, and their creatives' versions. Databases
    /// from before get a campaign for every job they hold, with a mapping for every entity its ledger records,
    /// stamped with the job's own times (a migration reads no clock).
    ///
    /// The backfill uses the store's projection (`projectCampaign`), so it makes exactly what a new job would.
    private static func createCampaigns(_ db: Database) throws {
        try db.create(table: "campaigns") { t in
            t.primaryKey("id", .text)
            t.column("job_id", .text).notNull().unique().references("campaign_jobs", onDelete: .cascade)
            t.column("batch_id", .text).notNull()
            t.column("ticket_source", .text)
            t.column("ticket_id", .text)
            t.column("platform", .text).notNull()
            t.column("account_id", .text).notNull().references("ad_accounts")
            t.column("name", .text).notNull()
            t.column("objective", .text).notNull()
            t.column("status", .text).notNull()
                .check(sql: "status IN ('draft', 'live', 'paused', 'completed', 'error')")
            t.column("budget_json", .text).notNull()
            t.column("schedule_json", .text).notNull()
            t.column("platform_campaign_id", .text)
            t.column("drifted", .boolean).notNull().defaults(to: false)
            t.column("last_synced_at", .datetime)
            t.column("created_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
        }
        try db.create(index: "campaigns_created", on: "campaigns", columns: ["created_at"])
        try db.create(index: "campaigns_status", on: "campaigns", columns: ["status", "created_at"])
        try db.create(index: "campaigns_account", on: "campaigns", columns: ["account_id", "created_at"])
        try db.create(index: "campaigns_ticket", on: "campaigns", columns: ["ticket_source", "ticket_id"])

        try db.create(table: "entity_mappings") { t in
            t.column("campaign_id", .text).notNull().references("campaigns", onDelete: .cascade)
            t.column("level", .text).notNull()
            t.column("platform_id", .text).notNull()
            t.primaryKey(["campaign_id", "level", "platform_id"])
            t.column("parent_platform_id", .text)
            t.column("name", .text).notNull()
            t.column("step_key", .text).notNull()
            t.column("last_seen_status", .text)
            t.column("last_seen_budget_json", .text)
            t.column("last_seen_at", .datetime).notNull()
        }
        // Webhooks and syncs find our campaign from a platform id.
        try db.create(index: "entity_mappings_platform_id", on: "entity_mappings", columns: ["platform_id"])

        try db.create(table: "creative_versions") { t in
            t.column("campaign_id", .text).notNull().references("campaigns", onDelete: .cascade)
            t.column("creative_key", .text).notNull()
            t.column("version", .integer).notNull()
            t.primaryKey(["campaign_id", "creative_key", "version"])
            t.column("parent_version", .integer)
            t.column("creative_json", .text).notNull()
            t.column("created_at", .datetime).notNull()
        }

        let cache = DecodedRequestCache()
        for row in try CampaignJobRow.order(Column.rowID).fetchAll(db) {
            let job = try row.job(cache: cache)
            try SQLiteTraffickingStore.projectCampaign(of: job, at: job.finishedAt ?? job.updatedAt, db)
        }
    }

    /// v5: lifecycle actions, their steps (one per entity they change, in order, with old and new values) and their
    /// log, and `api_calls.action_id` so an action's platform calls are in the same redacted call log as a job's.
    ///
    /// Actions are claimed like jobs (the same lease columns), so the claim code is shared (``LeaseQueue``).
    private static func createLifecycleActions(_ db: Database) throws {
        try db.create(table: "lifecycle_actions") { t in
            t.primaryKey("id", .text)
            t.column("campaign_id", .text).notNull().references("campaigns", onDelete: .cascade)
            t.column("account_id", .text).notNull().references("ad_accounts")
            t.column("platform", .text).notNull()
            t.column("kind", .text).notNull()
            // The kind's value (a budget) as JSON; NULL for kinds without one.
            t.column("value_json", .text)
            t.column("level", .text).notNull()
            t.column("targets_json", .text).notNull().defaults(to: "[]")
            t.column("requested_by", .text).notNull()
            t.column("status", .text).notNull()
                .check(sql: "status IN ('PENDING', 'PROCESSING', 'DONE', 'FAILED')")
            t.column("error_message", .text)
            t.column("error_code", .text)
            t.column("platform_error_code", .text)
            t.column("error_step", .text)
            t.column("error_field", .text)
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("takeovers", .integer).notNull().defaults(to: 0)
            t.column("lease_owner", .text)
            t.column("lease_expires_at", .datetime)
            t.column("not_before", .datetime)
            t.column("created_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
            t.column("finished_at", .datetime)
        }
        // Claims read PENDING actions in order and expired leases; a campaign's actions run one at a time, in the
        // order asked, which the claim checks per campaign.
        try db.create(
            index: "lifecycle_actions_pending_order", on: "lifecycle_actions", columns: ["status", "created_at"])
        try db.create(
            index: "lifecycle_actions_lease", on: "lifecycle_actions", columns: ["status", "lease_expires_at"])
        try db.create(
            index: "lifecycle_actions_campaign", on: "lifecycle_actions", columns: ["campaign_id", "status"])

        try db.create(table: "action_steps") { t in
            t.column("action_id", .text).notNull().references("lifecycle_actions", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.primaryKey(["action_id", "position"])
            t.column("level", .text).notNull()
            t.column("platform_id", .text).notNull()
            t.column("parent_platform_id", .text)
            t.column("name", .text).notNull()
            t.column("new_value_json", .text).notNull()
            t.column("old_value_json", .text)
            t.column("old_value_source", .text)
            t.column("state", .text).notNull().check(sql: "state IN ('pending', 'started', 'done')")
            t.column("response", .text)
            t.column("started_at", .datetime)
            t.column("finished_at", .datetime)
        }

        try db.create(table: "action_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("action_id", .text).notNull().references("lifecycle_actions", onDelete: .cascade)
            t.column("at", .datetime).notNull()
            t.column("level", .text).notNull().check(sql: "level IN ('info', 'warning', 'error')")
            t.column("event", .text).notNull()
            t.column("message", .text).notNull()
        }
        try db.create(index: "action_log_action", on: "action_log", columns: ["action_id"])

        try db.alter(table: "api_calls") { t in
            t.add(column: "action_id", .text).references("lifecycle_actions", onDelete: .cascade)
        }
        try db.create(index: "api_calls_action", on: "api_calls", columns: ["action_id"])
    }

    /// v6-actions: a campaign can be `archived`, by an archive action. SQLite cannot change a CHECK constraint in
    /// place, so `campaigns` is rebuilt with the same columns, rows and indexes and the wider status list. GRDB runs
    /// migrations with foreign keys off and checks them at the end, so the tables that reference `campaigns` keep
    /// their rows.
    private static func allowArchivedCampaigns(_ db: Database) throws {
        try db.create(table: "campaigns_v6") { t in
            t.primaryKey("id", .text)
            t.column("job_id", .text).notNull().unique().references("campaign_jobs", onDelete: .cascade)
            t.column("batch_id", .text).notNull()
            t.column("ticket_source", .text)
            t.column("ticket_id", .text)
            t.column("platform", .text).notNull()
            t.column("account_id", .text).notNull().references("ad_accounts")
            t.column("name", .text).notNull()
            t.column("objective", .text).notNull()
            t.column("status", .text).notNull()
                .check(sql: "status IN ('draft', 'live', 'paused', 'completed', 'error', 'archived')")
            t.column("budget_json", .text).notNull()
            t.column("schedule_json", .text).notNull()
            t.column("platform_campaign_id", .text)
            t.column("drifted", .boolean).notNull().defaults(to: false)
            t.column("last_synced_at", .datetime)
            t.column("created_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
        }
        let columns = [
            "id", "job_id", "batch_id", "ticket_source", "ticket_id", "platform", "account_id", "name", "objective",
            "status", "budget_json", "schedule_json", "platform_campaign_id", "drifted", "last_synced_at",
            "created_at", "updated_at",
        ].joined(separator: ", ")
        try db.execute(sql: "INSERT INTO campaigns_v6 (\(columns)) SELECT \(columns) FROM campaigns ORDER BY rowid")
        try db.drop(table: "campaigns")
        try db.rename(table: "campaigns_v6", to: "campaigns")
        try db.create(index: "campaigns_created", on: "campaigns", columns: ["created_at"])
        try db.create(index: "campaigns_status", on: "campaigns", columns: ["status", "created_at"])
        try db.create(index: "campaigns_account", on: "campaigns", columns: ["account_id", "created_at"])
        try db.create(index: "campaigns_ticket", on: "campaigns", columns: ["ticket_source", "ticket_id"])
    }

    /// v6: synced metrics (one row per entity, day and attribution window), the sync log, the drifts syncs and
    /// webhooks find, and `api_calls.sync_run_id` so a sync's platform calls are in the call log too.
    private static func createMetricsSync(_ db: Database) throws {
        try db.create(table: "metric_rows", options: .withoutRowID) { t in
            t.column("campaign_id", .text).notNull().references("campaigns", onDelete: .cascade)
            t.column("level", .text).notNull()
            t.column("platform_id", .text).notNull()
            t.column("date", .text).notNull()
            t.column("attribution_window", .text).notNull()
            // The upsert key: a re-sync replaces a row, never adds one.
            t.primaryKey(["campaign_id", "level", "platform_id", "date", "attribution_window"])
            t.column("impressions", .integer).notNull()
            t.column("clicks", .integer).notNull()
            t.column("spend_minor", .integer).notNull()
            t.column("conversions", .double).notNull()
            t.column("conversion_value_minor", .integer).notNull()
            t.column("currency", .text).notNull()
            t.column("synced_at", .datetime).notNull()
        }

        try db.create(table: "sync_runs") { t in
            t.primaryKey("id", .text)
            t.column("account_id", .text).notNull().references("ad_accounts")
            t.column("platform", .text).notNull()
            t.column("kind", .text).notNull().check(sql: "kind IN ('full', 'incremental', 'entity')")
            t.column("campaign_id", .text)
            t.column("since", .text).notNull()
            t.column("until", .text).notNull()
            t.column("status", .text).notNull()
                .check(sql: "status IN ('queued', 'running', 'succeeded', 'partial', 'failed', 'interrupted')")
            t.column("campaigns", .integer).notNull().defaults(to: 0)
            t.column("entities", .integer).notNull().defaults(to: 0)
            t.column("rows", .integer).notNull().defaults(to: 0)
            t.column("calls", .integer).notNull().defaults(to: 0)
            t.column("drifts", .integer).notNull().defaults(to: 0)
            t.column("errors_json", .text).notNull().defaults(to: "[]")
            t.column("started_at", .datetime).notNull()
            // Each chunk's write moves it, so a run whose process died can be told from one still reading.
            t.column("heartbeat_at", .datetime).notNull()
            t.column("finished_at", .datetime)
        }
        try db.create(index: "sync_runs_account", on: "sync_runs", columns: ["account_id", "started_at"])
        try db.create(index: "sync_runs_started", on: "sync_runs", columns: ["started_at"])
        try db.create(index: "sync_runs_status", on: "sync_runs", columns: ["status", "started_at"])

        try db.create(table: "drift_events") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("campaign_id", .text).notNull().references("campaigns", onDelete: .cascade)
            t.column("level", .text).notNull()
            t.column("platform_id", .text).notNull()
            t.column("field", .text).notNull().check(sql: "field IN ('status', 'budget')")
            t.column("ours", .text)
            t.column("platform_value", .text).notNull()
            t.column("source", .text).notNull().check(sql: "source IN ('sync', 'webhook')")
            t.column("detected_at", .datetime).notNull()
        }
        try db.create(index: "drift_events_campaign", on: "drift_events", columns: ["campaign_id"])

        try db.alter(table: "api_calls") { t in
            t.add(column: "sync_run_id", .text).references("sync_runs", onDelete: .cascade)
        }
        try db.create(index: "api_calls_sync_run", on: "api_calls", columns: ["sync_run_id"])
    }

    /// v8: the receipts of platform webhook changes (``WebhookStore``), one per platform and change identity, so a
    /// change a platform delivers again is processed once. Self-contained: it touches no other table.
    private static func createWebhookReceipts(_ db: Database) throws {
        try db.create(table: "webhook_receipts") { t in
            t.column("platform", .text).notNull()
            t.column("identity", .text).notNull()
            t.primaryKey(["platform", "identity"])
            t.column("received_at", .datetime).notNull()
        }
    }

    /// v7: when each account's access token expires, beside its sealed credentials and not secret, so the token
    /// refresh service finds the accounts to refresh, and lists show the expiry, without opening every account's
    /// credentials: `token_expires_at` (NULL when it does not expire or is not known) and `token_never_expires`.
    /// Accounts from before start as unknown: their sealed credentials cannot be read without the key; the next
    /// refresh or credential update records their expiry.
    private static func recordTokenExpiry(_ db: Database) throws {
        try db.alter(table: "ad_accounts") { t in
            t.add(column: "token_expires_at", .datetime)
            t.add(column: "token_never_expires", .boolean).notNull().defaults(to: false)
        }
    }

    /// v9: the optimisation log (seed 003's `CampaignOptimizationLog`, see ``OptimizationStore``) and, on
    /// `campaigns`, whether the optimiser acts on a campaign (`auto_optimize`, on by default, so campaigns from
    /// before are optimised) and its optional budget bounds in minor units of its budget currency.
    private static func createOptimizationLog(_ db: Database) throws {
        try db.alter(table: "campaigns") { t in
            t.add(column: "auto_optimize", .boolean).notNull().defaults(to: true)
            t.add(column: "budget_minimum_minor", .integer)
            t.add(column: "budget_maximum_minor", .integer)
        }
        try db.create(table: "optimization_log") { t in
            t.primaryKey("id", .text)
            t.column("campaign_id", .text).notNull().references("campaigns", onDelete: .cascade)
            t.column("account_id", .text).notNull().references("ad_accounts")
            t.column("platform", .text).notNull()
            // The platform id of the ad a creative decision is about; NULL for the campaign.
            t.column("entity_id", .text)
            t.column("action", .text).notNull()
            t.column("previous_value_json", .text)
            t.column("new_value_json", .text)
            t.column("reason", .text).notNull()
            t.column("confidence", .double).notNull()
            t.column("metrics_json", .text).notNull()
            t.column("mode", .text).notNull().check(sql: "mode IN ('dryRun', 'apply')")
            t.column("created_at", .datetime).notNull()
            t.column("action_id", .text).references("lifecycle_actions", onDelete: .setNull)
            t.column("action_error", .text)
        }
        try db.create(index: "optimization_log_created", on: "optimization_log", columns: ["created_at"])
        try db.create(
            index: "optimization_log_campaign", on: "optimization_log", columns: ["campaign_id", "created_at"])
        try db.create(
            index: "optimization_log_account", on: "optimization_log", columns: ["account_id", "created_at"])
    }

    /// v10: automation rules, their definitions as JSON text with the scheduler's timetable beside them, and every
    /// action they took. The history has no foreign key to its rule, so it outlives a deleted rule; it follows its
    /// campaign, and keeps a line whose lifecycle action is gone.
    private static func createRules(_ db: Database) throws {
        try db.create(table: "rules") { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull()
            t.column("enabled", .boolean).notNull()
            t.column("every_minutes", .integer).notNull().check(sql: "every_minutes >= 1")
            t.column("definition_json", .text).notNull()
            t.column("version", .integer).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
            t.column("last_run_at", .datetime)
            t.column("next_run_at", .datetime)
        }
        try db.create(index: "rules_due", on: "rules", columns: ["enabled", "next_run_at"])
        try db.create(table: "rule_executions") { t in
            t.primaryKey("id", .text)
            t.column("rule_id", .text).notNull()
            t.column("rule_name", .text).notNull()
            t.column("campaign_id", .text).notNull().references("campaigns", onDelete: .cascade)
            t.column("account_id", .text).notNull().references("ad_accounts")
            t.column("platform", .text).notNull()
            t.column("level", .text).notNull()
            t.column("entity_id", .text).notNull()
            t.column("action", .text).notNull()
            t.column("execution_json", .text).notNull()
            t.column("created_at", .datetime).notNull()
            // The id the lifecycle action is requested under, chosen before the line is written: a process that
            // stops before linking the action asks again under the same id, which the engine answers with the
            // action already stored. No foreign key: the action does not exist yet when the line is written.
            t.column("planned_action_id", .text)
            t.column("action_id", .text).references("lifecycle_actions", onDelete: .setNull)
            t.column("response", .text)
            t.column("failed", .boolean).notNull().defaults(to: false)
        }
        // The lines whose action was planned but not yet linked: what a restarted scheduler carries out.
        try db.execute(
            sql: """
                CREATE INDEX rule_executions_unlinked ON rule_executions(created_at)
                WHERE planned_action_id IS NOT NULL AND action_id IS NULL AND response IS NULL
                """)
        try db.create(index: "rule_executions_created", on: "rule_executions", columns: ["created_at"])
        try db.create(index: "rule_executions_rule", on: "rule_executions", columns: ["rule_id", "created_at"])
        try db.create(
            index: "rule_executions_campaign", on: "rule_executions", columns: ["campaign_id", "created_at"])
    }

    /// v11: creative tests (``CreativeTestStore``): one row per ad group tested by a run, with the window, the
    /// metric, the mode, the leader, the winner once called and the sample still needed; and one row per ad of a
    /// test with its sums, rate, z and p-value against the leader, its standing, and the pause requested for a
    /// loser (or why none was). Self-contained: it only adds tables.
    private static func createCreativeTests(_ db: Database) throws {
        try db.create(table: "creative_tests") { t in
            t.primaryKey("id", .text)
            t.column("run_id", .text).notNull()
            t.column("campaign_id", .text).notNull().references("campaigns", onDelete: .cascade)
            t.column("account_id", .text).notNull().references("ad_accounts")
            t.column("platform", .text).notNull()
            t.column("ad_group_id", .text).notNull()
            t.column("ad_group_name", .text)
            t.column("metric", .text).notNull()
            t.column("mode", .text).notNull().check(sql: "mode IN ('dryRun', 'apply')")
            t.column("since", .text).notNull()
            t.column("until", .text).notNull()
            t.column("leader_ad_id", .text)
            t.column("winner_ad_id", .text)
            t.column("threshold", .double).notNull()
            t.column("sample_needed_per_arm", .integer)
            t.column("summary", .text).notNull()
            t.column("created_at", .datetime).notNull()
        }
        try db.create(index: "creative_tests_campaign", on: "creative_tests", columns: ["campaign_id", "created_at"])

        try db.create(table: "creative_test_arms") { t in
            t.column("test_id", .text).notNull().references("creative_tests", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.primaryKey(["test_id", "position"])
            t.column("ad_id", .text).notNull()
            t.column("ad_name", .text)
            t.column("impressions", .integer).notNull()
            t.column("clicks", .integer).notNull()
            t.column("conversions", .integer).notNull()
            t.column("rate", .double).notNull()
            t.column("z", .double)
            t.column("p_value", .double)
            t.column("status", .text).notNull()
            t.column("action_id", .text).references("lifecycle_actions", onDelete: .setNull)
            t.column("action_error", .text)
            t.column("note", .text)
        }
        try db.create(
            index: "creative_test_arms_ad", on: "creative_test_arms", columns: ["test_id", "ad_id"], unique: true)
    }

    /// v12: rollups of the campaign-level metric rows, kept by triggers in the same write as the rows themselves, so
    /// the console's overview and campaign list read a few hundred rows instead of summing millions: per campaign
    /// (`campaign_metric_totals`, lifetime) and per day, platform and currency (`metric_day_totals`). A re-sync
    /// that restates a row moves the rollups by the difference; a deleted campaign takes its sums with it.
    ///
    /// Rows in more than one attribution window for the same entity and day would each be counted; the syncs
    /// write one window per platform, so they are not.
    private static func createMetricRollups(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE campaign_metric_totals (
                    campaign_id TEXT PRIMARY KEY NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
                    currency TEXT NOT NULL,
                    impressions INTEGER NOT NULL DEFAULT 0,
                    clicks INTEGER NOT NULL DEFAULT 0,
                    spend_minor INTEGER NOT NULL DEFAULT 0,
                    conversions DOUBLE NOT NULL DEFAULT 0,
                    conversion_value_minor INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE metric_day_totals (
                    date TEXT NOT NULL,
                    platform TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    impressions INTEGER NOT NULL DEFAULT 0,
                    clicks INTEGER NOT NULL DEFAULT 0,
                    spend_minor INTEGER NOT NULL DEFAULT 0,
                    conversions DOUBLE NOT NULL DEFAULT 0,
                    conversion_value_minor INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (date, platform, currency)
                ) WITHOUT ROWID;
                """)
        // A row's figures are added with an upsert, and taken away with an update of the sums the row was added to
        // (which exist: the row was added by a trigger or by the roll-up below), so a delete cascading from a deleted
        // campaign never inserts a total for it.
        func add(_ row: String) -> String {
            """
            INSERT INTO campaign_metric_totals
                (campaign_id, currency, impressions, clicks, spend_minor, conversions, conversion_value_minor)
            VALUES (\(row).campaign_id, \(row).currency, \(row).impressions, \(row).clicks, \(row).spend_minor,
                \(row).conversions, \(row).conversion_value_minor)
            ON CONFLICT(campaign_id) DO UPDATE SET
                impressions = impressions + excluded.impressions, clicks = clicks + excluded.clicks,
                spend_minor = spend_minor + excluded.spend_minor, conversions = conversions + excluded.conversions,
                conversion_value_minor = conversion_value_minor + excluded.conversion_value_minor;
            INSERT INTO metric_day_totals
                (date, platform, currency, impressions, clicks, spend_minor, conversions, conversion_value_minor)
            SELECT \(row).date, campaigns.platform, \(row).currency, \(row).impressions, \(row).clicks,
                \(row).spend_minor, \(row).conversions, \(row).conversion_value_minor
            FROM campaigns WHERE campaigns.id = \(row).campaign_id
            ON CONFLICT(date, platform, currency) DO UPDATE SET
                impressions = impressions + excluded.impressions, clicks = clicks + excluded.clicks,
                spend_minor = spend_minor + excluded.spend_minor, conversions = conversions + excluded.conversions,
                conversion_value_minor = conversion_value_minor + excluded.conversion_value_minor;
            """
        }
        func subtract(_ row: String) -> String {
            """
            UPDATE campaign_metric_totals SET
                impressions = impressions - \(row).impressions, clicks = clicks - \(row).clicks,
                spend_minor = spend_minor - \(row).spend_minor, conversions = conversions - \(row).conversions,
                conversion_value_minor = conversion_value_minor - \(row).conversion_value_minor
            WHERE campaign_id = \(row).campaign_id;
            UPDATE metric_day_totals SET
                impressions = impressions - \(row).impressions, clicks = clicks - \(row).clicks,
                spend_minor = spend_minor - \(row).spend_minor, conversions = conversions - \(row).conversions,
                conversion_value_minor = conversion_value_minor - \(row).conversion_value_minor
            WHERE date = \(row).date AND currency = \(row).currency
                AND platform = (SELECT platform FROM campaigns WHERE id = \(row).campaign_id);
            """
        }
        try db.execute(
            sql: """
                CREATE TRIGGER metric_rows_rollup_insert AFTER INSERT ON metric_rows
                WHEN NEW.level = 'campaign' BEGIN
                \(add("NEW"))
                END;
                CREATE TRIGGER metric_rows_rollup_update AFTER UPDATE ON metric_rows
                WHEN NEW.level = 'campaign' BEGIN
                \(subtract("OLD"))
                \(add("NEW"))
                END;
                CREATE TRIGGER metric_rows_rollup_delete AFTER DELETE ON metric_rows
                WHEN OLD.level = 'campaign' BEGIN
                \(subtract("OLD"))
                END;
                """)
        // Rows synced before this version are rolled up once here.
        try db.execute(
            sql: """
                INSERT INTO campaign_metric_totals
                    (campaign_id, currency, impressions, clicks, spend_minor, conversions, conversion_value_minor)
                SELECT campaign_id, MIN(currency), SUM(impressions), SUM(clicks), SUM(spend_minor), SUM(conversions),
                    SUM(conversion_value_minor)
                FROM metric_rows WHERE level = 'campaign' GROUP BY campaign_id;
                INSERT INTO metric_day_totals
                    (date, platform, currency, impressions, clicks, spend_minor, conversions, conversion_value_minor)
                SELECT metric_rows.date, campaigns.platform, metric_rows.currency, SUM(impressions), SUM(clicks),
                    SUM(spend_minor), SUM(conversions), SUM(conversion_value_minor)
                FROM metric_rows JOIN campaigns ON campaigns.id = metric_rows.campaign_id
                WHERE metric_rows.level = 'campaign'
                GROUP BY metric_rows.date, campaigns.platform, metric_rows.currency;
                """)
    }

    /// v13: the job list reads newest first (`ORDER BY created_at DESC, rowid DESC`); with this index a page is a
    /// walk down the index instead of sorting every job with its request payload (71 ms over 10,000 jobs).
    private static func indexJobsNewestFirst(_ db: Database) throws {
        try db.create(index: "campaign_jobs_created", on: "campaign_jobs", columns: ["created_at"])
    }
}
