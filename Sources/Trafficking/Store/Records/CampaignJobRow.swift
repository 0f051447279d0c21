import AdPlatformKit
import Foundation
import GRDB

/// A row of `campaign_jobs`: the job, its request as JSON, its lease and its outcome.
struct CampaignJobRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "campaign_jobs"

    var id: String
    var accountID: String
    var platform: String
    var status: String
    var payloadJSON: String
    var errorMessage: String?
    var errorCode: String?
    var platformErrorCode: String?
    var errorStep: String?
    var errorField: String?
    var platformCampaignID: String?
    var attempts: Int
    var takeovers: Int
    var leaseOwner: String?
    var leaseExpiresAt: Date?
    var notBefore: Date?
    var ticketSource: String?
    var ticketID: String?
    var batchID: String
    var createdAt: Date
    var updatedAt: Date
    var finishedAt: Date?
    var writtenBackAt: Date?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case accountID = "account_id"
        case platform
        case status
        case payloadJSON = "payload_json"
        case errorMessage = "error_message"
        case errorCode = "error_code"
        case platformErrorCode = "platform_error_code"
        case errorStep = "error_step"
        case errorField = "error_field"
        case platformCampaignID = "platform_campaign_id"
        case attempts
        case takeovers
        case leaseOwner = "lease_owner"
        case leaseExpiresAt = "lease_expires_at"
        case notBefore = "not_before"
        case ticketSource = "ticket_source"
        case ticketID = "ticket_id"
        case batchID = "batch_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case finishedAt = "finished_at"
        case writtenBackAt = "written_back_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// A PENDING row for a new job, whose request is already encoded as `payloadJSON`.
    init(_ job: NewCampaignJob, payloadJSON: String, at now: Date) {
        id = job.id.databaseKey
        accountID = job.accountID.databaseKey
        platform = job.platform.rawValue
        status = JobStatus.pending.rawValue
        self.payloadJSON = payloadJSON
        attempts = 0
        takeovers = 0
        ticketSource = job.ticket?.source
        ticketID = job.ticket?.id
        batchID = job.batchID.databaseKey
        createdAt = now
        updatedAt = now
    }

    /// The assignments that record an error in the error columns, or clear them for `nil`.
    static func errorAssignments(_ error: JobError?) -> [ColumnAssignment] {
        [
            Columns.errorMessage.set(to: error?.message),
            Columns.errorCode.set(to: error?.code),
            Columns.platformErrorCode.set(to: error?.platformCode),
            Columns.errorStep.set(to: error?.step),
            Columns.errorField.set(to: error?.fieldPath),
        ]
    }

    /// PENDING rows for new jobs, encoding each distinct request once: a ticket's jobs, one per platform, carry
    /// the same request.
    static func pending(_ jobs: [NewCampaignJob], at now: Date) throws -> [CampaignJobRow] {
        var payloads: [TraffickingRequest: String] = [:]
        return try jobs.map { job in
            let payload = try payloads[job.request] ?? StoreJSON.encode(job.request)
            payloads[job.request] = payload
            return CampaignJobRow(job, payloadJSON: payload, at: now)
        }
    }

    /// The public values of rows, in order, each payload decoded once through `cache`: a ticket's jobs carry the
    /// same request, and decoding it is most of the cost of reading a job.
    static func jobs(_ rows: some Sequence<CampaignJobRow>, cache: DecodedRequestCache) throws -> [CampaignJob] {
        try rows.map { try $0.job(cache: cache) }
    }

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func job(cache: DecodedRequestCache) throws -> CampaignJob {
        try job { try cache.request(for: payloadJSON) { try request() } }
    }

    /// The stored request, or ``StoreError`` `corrupt`.
    private func request() throws -> TraffickingRequest {
        try StoreJSON.decode(
            TraffickingRequest.self, from: payloadJSON, table: Self.databaseTableName, row: id, column: "payload_json")
    }

    /// The public value, its request from `request`, which is asked only once the columns checked before it
    /// are valid.
    private func job(request: () throws -> TraffickingRequest) throws -> CampaignJob {
        let table = Self.databaseTableName
        guard let jobStatus = JobStatus(rawValue: status) else {
            throw StoreError.corrupt(table: table, row: id, column: "status", "holds unknown status '\(status)'")
        }
        return CampaignJob(
            id: try UUID.stored(id, table: table, row: id, column: "id"),
            accountID: try UUID.stored(accountID, table: table, row: id, column: "account_id"),
            platform: PlatformID(rawValue: platform),
            status: jobStatus,
            request: try request(),
            error: try jobError(),
            platformCampaignID: platformCampaignID,
            attempts: attempts,
            takeovers: takeovers,
            leaseOwner: leaseOwner,
            leaseExpiresAt: leaseExpiresAt,
            notBefore: notBefore,
            ticket: try ticket(),
            batchID: try UUID.stored(batchID, table: table, row: id, column: "batch_id"),
            createdAt: createdAt,
            updatedAt: updatedAt,
            finishedAt: finishedAt,
            writtenBackAt: writtenBackAt)
    }

    private func jobError() throws -> JobError? {
        switch (errorMessage, errorCode) {
        case (nil, nil):
            return nil
        case (let message?, let code?):
            return JobError(
                message: message, code: code, platformCode: platformErrorCode, step: errorStep, fieldPath: errorField)
        default:
            throw StoreError.corrupt(
                table: Self.databaseTableName, row: id, column: errorCode == nil ? "error_code" : "error_message",
                "is NULL while the other of error_message and error_code is set")
        }
    }

    private func ticket() throws -> TicketReference? {
        switch (ticketSource, ticketID) {
        case (nil, nil):
            return nil
        case (let source?, let ticketID?):
            return TicketReference(source: source, id: ticketID)
        default:
            throw StoreError.corrupt(
                table: Self.databaseTableName, row: id, column: ticketID == nil ? "ticket_id" : "ticket_source",
                "is NULL while the other of ticket_source and ticket_id is set")
        }
    }
}
