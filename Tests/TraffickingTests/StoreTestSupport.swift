import AdPlatformKit
import Foundation
import Synchronization
import Testing

@testable import Trafficking

/// A clock that starts at a whole second and moves one second each time it is read, so every stored timestamp
/// is distinct, ordered, and survives the store's millisecond precision exactly.
final class StoreTestClock: @unchecked Sendable {
    // Guarded by `lock`.
    private var current: Date
    private let lock = NSLock()

    init(start: Date = StoreFixtures.epoch) { current = start }

    /// The next instant.
    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(1)
        return current
    }

    /// Moves the clock on.
    func advance(by seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }
}

/// Values the store tests share.
enum StoreFixtures {
    /// 2027-01-15 08:00:00 UTC.
    static let epoch = Date(timeIntervalSince1970: 1_800_000_000)

    /// A time-ordered job id, each one a millisecond after the last, so ids order as the tests create them.
    static func jobID() -> UUID {
        let step = jobIDs.withLock { count in
            count += 1
            return count
        }
        return .timeOrdered(at: epoch.addingTimeInterval(Double(step) / 1000))
    }
    private static let jobIDs = Mutex(0)

    /// A secret that must never appear in the database in plain text.
    static let accessToken = "EAAB-very-secret-access-token-42"

    static let credentials = PlatformCredentials(
        accessToken: accessToken, refreshToken: "refresh-secret-7", clientID: "app-1", clientSecret: "app-secret-9")

    static func cipher() throws -> CredentialCipher {
        try CredentialCipher(key: CredentialCipher.generateKey())
    }

    /// An in-memory store whose clock advances a second per reading.
    static func store(clock: StoreTestClock = StoreTestClock()) throws -> SQLiteTraffickingStore {
        try SQLiteTraffickingStore.inMemory(cipher: cipher(), clock: WallClock { clock.now() })
    }

    static func newAccount(
        platform: PlatformID = .meta, accountID: String = "act_1001", name: String = "Disney+ US — Meta"
    ) -> NewAdAccount {
        NewAdAccount(
            platform: platform, platformAccountID: accountID, name: name, currency: .usd, ownerTeam: "growth",
            settings: ["page_id": "1234567890"], credentials: credentials)
    }

    /// The Disney+ sign-up example from `docs/examples`, decoded as the API would.
    static func request() throws -> TraffickingRequest {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let data = try Data(contentsOf: url.appendingPathComponent("docs/examples/disneyplus-signup.json"))
        return try TraffickingRequestDecoder().decode(data)
    }

    /// A store with one Meta account, and `count` jobs for it enqueued in one batch.
    static func storeWithJobs(
        _ count: Int, ticket: TicketReference? = nil, clock: StoreTestClock = StoreTestClock()
    ) async throws -> (SQLiteTraffickingStore, AdAccount, [CampaignJob]) {
        let store = try store(clock: clock)
        let account = try await store.createAccount(newAccount())
        let request = try request()
        let batch = UUID()
        let jobs = try await store.enqueue(
            (0..<count).map { _ in
                NewCampaignJob(
                    id: StoreFixtures.jobID(), accountID: account.id, platform: .meta, request: request, ticket: ticket,
                    batchID: batch)
            })
        return (store, account, jobs)
    }

    static func call(job: UUID?, path: String, at: Date = epoch) -> APICallRecord {
        APICallRecord(
            jobID: job, platform: .meta, at: at, method: "POST", path: path, status: 200, durationMilliseconds: 12.5,
            requestSummary: "application/json, 312 bytes", responseSummary: "{\"id\":\"120200\"}")
    }

    static func campaign(id: String = "120200000001") -> PlatformEntity {
        PlatformEntity(
            platform: .meta, kind: .campaign, id: id, name: "Disney+ Signup [ao-1a2b3c4d5e]", status: .paused,
            parentID: "act_1001")
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("adops-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
