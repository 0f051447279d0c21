import AdPlatformKit
import Foundation
import GRDB

/// A row of `campaigns`: a campaign of ours, with its budget and flight as JSON.
struct CampaignRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "campaigns"

    var id: String
    var jobID: String
    var batchID: String
    var ticketSource: String?
    var ticketID: String?
    var platform: String
    var accountID: String
    var name: String
    var objective: String
    var status: String
    var budgetJSON: String
    var scheduleJSON: String
    var platformCampaignID: String?
    var drifted: Bool
    var lastSyncedAt: Date?
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case jobID = "job_id"
        case batchID = "batch_id"
        case ticketSource = "ticket_source"
        case ticketID = "ticket_id"
        case platform
        case accountID = "account_id"
        case name
        case objective
        case status
        case budgetJSON = "budget_json"
        case scheduleJSON = "schedule_json"
        case platformCampaignID = "platform_campaign_id"
        case drifted
        case lastSyncedAt = "last_synced_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The row of a new campaign for a job, in the status its launch has reached.
    init(id: UUID, job: CampaignJob, at now: Date) throws {
        self.id = id.databaseKey
        jobID = job.id.databaseKey
        batchID = job.batchID.databaseKey
        ticketSource = job.ticket?.source
        ticketID = job.ticket?.id
        platform = job.platform.rawValue
        accountID = job.accountID.databaseKey
        name = job.request.name
        objective = job.request.objective.rawValue
        status = CampaignStatus.afterLaunch(job: job.status, requested: job.request.status).rawValue
        budgetJSON = try StoreJSON.encode(job.request.budget)
        scheduleJSON = try StoreJSON.encode(job.request.schedule)
        platformCampaignID = job.platformCampaignID
        drifted = false
        createdAt = now
        updatedAt = now
    }

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func campaign() throws -> Campaign {
        let table = Self.databaseTableName
        guard let campaignStatus = CampaignStatus(rawValue: status) else {
            throw StoreError.corrupt(table: table, row: id, column: "status", "holds unknown status '\(status)'")
        }
        guard let goal = Objective(rawValue: objective) else {
            throw StoreError.corrupt(
                table: table, row: id, column: "objective", "holds unknown objective '\(objective)'")
        }
        return Campaign(
            id: try UUID.stored(id, table: table, row: id, column: "id"),
            jobID: try UUID.stored(jobID, table: table, row: id, column: "job_id"),
            batchID: try UUID.stored(batchID, table: table, row: id, column: "batch_id"),
            ticket: ticketSource.flatMap { source in ticketID.map { TicketReference(source: source, id: $0) } },
            platform: PlatformID(rawValue: platform),
            accountID: try UUID.stored(accountID, table: table, row: id, column: "account_id"),
            name: name, objective: goal, status: campaignStatus,
            budget: try StoreJSON.decode(Budget.self, from: budgetJSON, table: table, row: id, column: "budget_json"),
            schedule: try StoreJSON.decode(
                Schedule.self, from: scheduleJSON, table: table, row: id, column: "schedule_json"),
            platformCampaignID: platformCampaignID, drifted: drifted, lastSyncedAt: lastSyncedAt,
            createdAt: createdAt, updatedAt: updatedAt)
    }
}
