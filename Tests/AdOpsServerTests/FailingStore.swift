import AdPlatformKit
import Foundation
import Trafficking

/// A store whose every call fails with an error full of internals, to check the API answers 500 or 503 without
/// passing them on.
struct FailingStore: TraffickingStore {
    /// What the store throws; its text must never reach a response.
    struct Failure: Error, CustomStringConvertible {
        static let internals = "SQLITE_IOERR at /var/lib/adops/secret.sqlite"
        var description: String { Self.internals }
    }

    var clock: WallClock { .fixed(at: Date(timeIntervalSince1970: 1_800_000_000)) }
    func createAccount(_ account: NewAdAccount) async throws -> AdAccount { throw Failure() }
    func account(_ id: UUID) async throws -> AdAccount? { throw Failure() }
    func accounts(platform: PlatformID?, page: PageRequest) async throws -> Page<AdAccount> { throw Failure() }
    func updateAccount(_ id: UUID, _ changes: AdAccountChanges) async throws -> AdAccount? { throw Failure() }
    func deleteAccount(_ id: UUID) async throws -> Bool { throw Failure() }
    func credentials(ofAccount id: UUID) async throws -> PlatformCredentials? { throw Failure() }
    func accountsWithTokensExpiring(before deadline: Date, limit: Int) async throws -> [AdAccount] { throw Failure() }
    func enqueue(_ jobs: [NewCampaignJob]) async throws -> [CampaignJob] { throw Failure() }
    func job(_ id: UUID) async throws -> CampaignJob? { throw Failure() }
    func jobs(status: JobStatus?, page: PageRequest) async throws -> Page<CampaignJob> { throw Failure() }
    func jobs(batch: UUID) async throws -> [CampaignJob] { throw Failure() }
    func jobs(ticket: TicketReference) async throws -> [CampaignJob] { throw Failure() }
    func claimJobs(owner: String, limit: Int, lease: Duration, now: Date) async throws -> [CampaignJob] {
        throw Failure()
    }
    func renewLease(job: UUID, owner: String, until: Date) async throws -> Bool { throw Failure() }
    func release(job: UUID, owner: String, notBefore: Date, error: JobError?, records: JobRunRecords) async throws {
        throw Failure()
    }
    func finish(job: UUID, owner: String, outcome: JobOutcome, records: JobRunRecords) async throws {
        throw Failure()
    }
    func retry(job: UUID) async throws -> CampaignJob { throw Failure() }
    func jobsAwaitingWriteBack(limit: Int) async throws -> [CampaignJob] { throw Failure() }
    func markWrittenBack(jobs: [UUID], at: Date) async throws { throw Failure() }
    func ledger(job: UUID) async throws -> [LedgerStep] { throw Failure() }
    func advance(
        job: UUID, completing completions: [StepCompletion], starting start: StepStart?, calls: [APICallRecord],
        at: Date
    ) async throws { throw Failure() }
    func appendLog(_ entries: [ExecutionLogEntry]) async throws { throw Failure() }
    func executionLog(job: UUID) async throws -> [ExecutionLogEntry] { throw Failure() }
    func recordAPICalls(_ calls: [APICallRecord]) async throws { throw Failure() }
    func apiCalls(job: UUID) async throws -> [APICallRecord] { throw Failure() }
    func storeMedia(_ data: Data, contentType: String) async throws -> StoredMedia { throw Failure() }
    func media(digest: String) async throws -> StoredMedia? { throw Failure() }
    func campaigns(_ filter: CampaignFilter, page: PageRequest) async throws -> Page<Campaign> { throw Failure() }
    func campaign(_ id: UUID) async throws -> Campaign? { throw Failure() }
    func campaign(job: UUID) async throws -> Campaign? { throw Failure() }
    func campaignDetail(_ id: UUID) async throws -> CampaignDetail? { throw Failure() }
    func addCreativeVersion(
        campaign: UUID, creativeKey: String, creative: CreativeDefinition
    ) async throws
        -> CreativeVersion
    { throw Failure() }
}
