import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    private typealias Columns = CampaignRow.Columns

    /// Campaigns matching `filter`, newest first, with their total.
    public func campaigns(_ filter: CampaignFilter, page: PageRequest) async throws -> Page<Campaign> {
        try await read { db in
            var request = CampaignRow.all()
            if let status = filter.status { request = request.filter(Columns.status == status.rawValue) }
            if let platform = filter.platform { request = request.filter(Columns.platform == platform.rawValue) }
            if let account = filter.accountID { request = request.filter(Columns.accountID == account.databaseKey) }
            if let ticket = filter.ticket {
                request = request.filter(Columns.ticketSource == ticket.source && Columns.ticketID == ticket.id)
            }
            if let drifted = filter.drifted { request = request.filter(Columns.drifted == drifted) }
            let total = try request.fetchCount(db)
            let rows = try request.order(Columns.createdAt.desc, Column.rowID.desc)
                .limit(page.limit, offset: page.offset).fetchAll(db)
            return Page(
                items: try rows.map { try $0.campaign() }, total: total, limit: page.limit, offset: page.offset)
        }
    }

    /// A campaign, or `nil`.
    public func campaign(_ id: UUID) async throws -> Campaign? {
        try await read { db in try CampaignRow.fetchOne(db, key: id.databaseKey)?.campaign() }
    }

    /// The campaign a launch job made, or `nil`.
    public func campaign(job: UUID) async throws -> Campaign? {
        try await read { db in
            try CampaignRow.filter(Columns.jobID == job.databaseKey).fetchOne(db)?.campaign()
        }
    }

    /// A campaign with its entity mappings, in the order they were created, and every version of its creatives.
    public func campaignDetail(_ id: UUID) async throws -> CampaignDetail? {
        try await read { db in
            guard let row = try CampaignRow.fetchOne(db, key: id.databaseKey) else { return nil }
            let mappings = try EntityMappingRow.filter(EntityMappingRow.Columns.campaignID == row.id)
                .order(Column.rowID).fetchAll(db)
            let versions = try CreativeVersionRow.filter(CreativeVersionRow.Columns.campaignID == row.id)
                .order(CreativeVersionRow.Columns.creativeKey, CreativeVersionRow.Columns.version).fetchAll(db)
            return CampaignDetail(
                campaign: try row.campaign(), mappings: try mappings.map { try $0.mapping() },
                creativeVersions: try versions.map { try $0.creativeVersion() })
        }
    }

    /// Stores the next version of a creative, whose parent is the latest one.
    public func addCreativeVersion(
        campaign: UUID, creativeKey: String, creative: CreativeDefinition
    ) async throws
        -> CreativeVersion
    {
        let now = clock.now
        let json = try StoreJSON.encode(creative)
        return try await write { db in
            let latest = try CreativeVersionRow.filter(
                CreativeVersionRow.Columns.campaignID == campaign.databaseKey
                    && CreativeVersionRow.Columns.creativeKey == creativeKey
            ).order(CreativeVersionRow.Columns.version.desc).fetchOne(db)
            guard let latest else {
                throw StoreError(
                    .notFound, "campaign \(campaign.databaseKey) has no creative '\(creativeKey)'")
            }
            let row = CreativeVersionRow(
                campaignID: latest.campaignID, creativeKey: creativeKey, version: latest.version + 1,
                parentVersion: latest.version, creativeJSON: json, createdAt: now)
            try row.insert(db)
            return try row.creativeVersion()
        }
    }

    /// Brings the campaign of a job up to date with the job and its ledger, inside the caller's write: makes it
    /// (with version 1 of each creative) when it does not exist, sets its status from the job's launch, records
    /// the platform campaign id, and maps every entity of the job's done steps that is not mapped yet. Mappings
    /// and versions made earlier are never rewritten, so a sync's or an action's later values stay.
    static func projectCampaign(of job: CampaignJob, at now: Date, _ db: Database) throws {
        let existing = try CampaignRow.filter(Columns.jobID == job.id.databaseKey).fetchOne(db)
        let campaignKey: String
        if let existing {
            campaignKey = existing.id
            try db.cachedStatement(
                sql: """
                    UPDATE campaigns SET status = ?, platform_campaign_id = COALESCE(?, platform_campaign_id),
                        updated_at = ? WHERE id = ?
                    """
            ).execute(arguments: [
                CampaignStatus.afterLaunch(job: job.status, requested: job.request.status).rawValue,
                job.platformCampaignID, DatabaseTimestamp.text(now), campaignKey,
            ])
        } else {
            let row = try CampaignRow(id: .timeOrdered(at: job.createdAt), job: job, at: now)
            try row.insert(db)
            campaignKey = row.id
            for creative in job.request.creatives {
                try CreativeVersionRow(
                    campaignID: row.id, creativeKey: creative.key, version: 1, parentVersion: nil,
                    creativeJSON: try StoreJSON.encode(creative), createdAt: now
                ).insert(db, onConflict: .ignore)
            }
        }
        guard job.status.isTerminal else { return }
        let steps = try JobStepRow.filter(
            JobStepRow.Columns.jobID == job.id.databaseKey && JobStepRow.Columns.state == StepState.done.rawValue
        ).order(Column.rowID).fetchAll(db)
        for row in steps {
            let step = try row.step()
            for entity in step.entities {
                try insertMapping(
                    campaignKey, level: entity.kind, platformID: entity.id, parent: entity.parentID, name: entity.name,
                    step: step.key, status: entity.status ?? job.request.status,
                    budget: entity.kind == .campaign ? job.request.budget : nil, at: now, db)
            }
            if let media = step.media {
                try insertMapping(
                    campaignKey, level: .media, platformID: media.reference, parent: nil, name: media.id,
                    step: step.key, status: nil, budget: nil, at: now, db)
            }
        }
    }

    private static func insertMapping(
        _ campaign: String, level: EntityKind, platformID: String, parent: String?, name: String, step: String,
        status: DeliveryStatus?, budget: Budget?, at now: Date, _ db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO entity_mappings (campaign_id, level, platform_id, parent_platform_id, name,
                    step_key, last_seen_status, last_seen_budget_json, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            campaign, level.rawValue, platformID, parent, name, step, status?.rawValue,
            try budget.map { try StoreJSON.encode($0) }, DatabaseTimestamp.text(now),
        ])
    }
}
