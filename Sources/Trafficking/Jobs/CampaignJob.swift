import AdPlatformKit
import Foundation

/// One request trafficked to one platform and ad account: the unit the worker claims, runs and resumes.
public struct CampaignJob: Sendable, Hashable, Codable, Identifiable {
    /// The job's id; it is also the scope of its idempotency markers.
    public var id: UUID
    /// The ad account it runs against.
    public var accountID: UUID
    /// The account's platform.
    public var platform: PlatformID
    /// Where it is in its life.
    public var status: JobStatus
    /// The request, as stored when the job was accepted (media already resolved to stored blobs or URLs).
    public var request: TraffickingRequest
    /// Why it failed or stopped, if it did.
    public var error: JobError?
    /// The platform's campaign id, once created.
    public var platformCampaignID: String?
    /// How many times a worker has claimed it, takeovers included.
    public var attempts: Int
    /// How many of those claims took it over from a worker whose lease ran out (a worker that died or hung). A
    /// crash is not the job's fault, so takeovers do not use up the claims its retries may take
    /// (``WorkerConfiguration/maximumClaims``); they have a limit of their own (``WorkerConfiguration/maximumTakeovers``).
    public var takeovers: Int
    /// The worker holding it while processing.
    public var leaseOwner: String?
    /// When the holder's lease runs out; another worker may then take the job over.
    public var leaseExpiresAt: Date?
    /// The earliest time a worker may claim it (set when a retry is delayed).
    public var notBefore: Date?
    /// The ticket it came from, for write-back.
    public var ticket: TicketReference?
    /// Jobs submitted together (one request to several platforms) share a batch id.
    public var batchID: UUID
    /// When it was accepted.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// When it reached a terminal status.
    public var finishedAt: Date?
    /// When its outcome was written back to its ticket.
    public var writtenBackAt: Date?

    /// Creates a job value.
    public init(
        id: UUID, accountID: UUID, platform: PlatformID, status: JobStatus, request: TraffickingRequest,
        error: JobError? = nil, platformCampaignID: String? = nil, attempts: Int = 0, takeovers: Int = 0,
        leaseOwner: String? = nil, leaseExpiresAt: Date? = nil, notBefore: Date? = nil, ticket: TicketReference? = nil,
        batchID: UUID,
        createdAt: Date, updatedAt: Date, finishedAt: Date? = nil, writtenBackAt: Date? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.platform = platform
        self.status = status
        self.request = request
        self.error = error
        self.platformCampaignID = platformCampaignID
        self.attempts = attempts
        self.takeovers = takeovers
        self.leaseOwner = leaseOwner
        self.leaseExpiresAt = leaseExpiresAt
        self.notBefore = notBefore
        self.ticket = ticket
        self.batchID = batchID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
        self.writtenBackAt = writtenBackAt
    }
}
