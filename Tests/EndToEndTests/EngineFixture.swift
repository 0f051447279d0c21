import AdOpsSamples
import AdPlatformKit
import AdPlatformTesting
import Foundation
import GoogleAds
import Logging
import MetaAds
import MockPlatforms
import SnapchatAds
import TikTokAds
import Trafficking

/// An engine on an in-memory store, with the four platform modules pointed at running emulators and one ad
/// account per platform.
struct EngineFixture {
    let mock: MockPlatforms.Running
    let store: SQLiteTraffickingStore
    let registry: PlatformRegistry
    let engine: TraffickingEngine
    let accounts: [PlatformID: AdAccount]
    let transport: any HTTPTransport

    static let newAccounts: [NewAdAccount] = [
        NewAdAccount(
            platform: .meta, platformAccountID: "act_1001", name: "Meta US", currency: .usd,
            settings: ["page_id": "1000000001", "pixel_id": "2000000001"],
            credentials: PlatformCredentials(accessToken: "e2e-meta-token")),
        NewAdAccount(
            platform: .tiktok, platformAccountID: "7000000000000000001", name: "TikTok US", currency: .usd,
            credentials: PlatformCredentials(accessToken: "e2e-tiktok-token")),
        NewAdAccount(
            platform: .snapchat, platformAccountID: "8a1c0f4e-2b7d-4c3a-9e5f-1d2c3b4a5e6f", name: "Snapchat US",
            currency: .usd, settings: ["profile_id": "5f2e1d0c-3b4a-4c5d-8e9f-0a1b2c3d4e5f"],
            credentials: PlatformCredentials(accessToken: "e2e-snapchat-token")),
        NewAdAccount(
            platform: .google, platformAccountID: "1234567890", name: "Google US", currency: .usd,
            settings: ["login_customer_id": "1112223334"],
            credentials: PlatformCredentials(accessToken: "e2e-google-token", developerToken: "e2e-dev-token")),
    ]

    /// The path of each platform's campaign-create call, as a fault-rule pattern.
    static let campaignCreatePaths: [PlatformID: String] = [
        .meta: "/v*/act_1001/campaigns",
        .tiktok: "/open_api/v1.3/campaign/create/",
        .snapchat: "/v1/adaccounts/*/campaigns",
        .google: "/v*/customers/1234567890/googleAds:mutate",
    ]

    /// The emulators' configuration for these tests: a free port, and `clock` (by default one that starts at
    /// `ADOPS_NOW` when set, so CI runs the suites years ahead too). The engine's store reads the same clock.
    static func mockConfiguration(clock: ManualWallClock = .fromEnvironment()) -> MockPlatformsConfiguration {
        MockPlatformsConfiguration(port: 0, clock: clock.clock)
    }

    /// Sets up the engine on `store` (a fresh in-memory one by default, on the emulators' clock) against running
    /// emulators.
    static func make(
        mock: MockPlatforms.Running, store: SQLiteTraffickingStore? = nil, inProcess: Bool = false
    ) async throws -> EngineFixture {
        let store =
            try store
            ?? SQLiteTraffickingStore.inMemory(
                cipher: CredentialCipher(key: CredentialCipher.generateKey()), clock: mock.mock.configuration.clock)
        let transport: any HTTPTransport =
            inProcess ? MockPlatformsTransport(mock: mock.mock) : AsyncHTTPClientTransport()
        let meta = try MetaAdsConfiguration(baseURL: mock.baseURL)
        let baseURL = mock.baseURL
        let registry = PlatformRegistry(
            transport: transport,
            [
                RegisteredPlatform { MetaAdsPlatform(transport: $0, configuration: meta) },
                RegisteredPlatform {
                    TikTokAdsPlatform(transport: $0, configuration: TikTokAdsConfiguration(baseURL: baseURL))
                },
                RegisteredPlatform {
                    SnapchatAdsPlatform(transport: $0, configuration: SnapchatAdsConfiguration(baseURL: baseURL))
                },
                RegisteredPlatform {
                    GoogleAdsPlatform(transport: $0, configuration: GoogleAdsConfiguration(baseURL: baseURL))
                },
            ])
        var accounts: [PlatformID: AdAccount] = [:]
        let existing = try await store.accounts(platform: nil, page: PageRequest(limit: 50)).items
        for new in newAccounts {
            if let account = existing.first(where: { $0.platform == new.platform }) {
                accounts[new.platform] = account
            } else {
                accounts[new.platform] = try await store.createAccount(new)
            }
        }
        return EngineFixture(
            mock: mock, store: store, registry: registry, engine: TraffickingEngine(store: store, registry: registry),
            accounts: accounts, transport: transport)
    }

    /// A platform's module for a test's own calls to the emulators, outside any job: through a pipeline that says
    /// it spends no rate budget.
    func module(_ platform: PlatformID) throws -> any AdPlatform {
        try registry.platform(platform, through: ClientPipeline(rateLimit: .unlimited))
    }

    /// A worker with fast retries, so tests with injected faults do not wait.
    func worker(
        owner: String = "test-worker", lease: Duration = .seconds(30), concurrency: Int = 4,
        maximumTakeovers: Int = WorkerConfiguration(rateBudget: .unlimited).maximumTakeovers,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { _ in }
    ) -> TraffickingWorker {
        TraffickingWorker(
            store: store, registry: registry, transport: transport,
            configuration: WorkerConfiguration(
                owner: owner, concurrency: concurrency, lease: lease, pollInterval: .milliseconds(20),
                retry: RetryPolicy(maximumAttempts: 12, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(5)),
                maximumTakeovers: maximumTakeovers, requeueDelay: .milliseconds(10), rateBudget: .unlimited,
                sleep: sleep),
            logger: Logger(label: "e2e.worker") { _ in SwiftLogNoOpLogHandler() })
    }

    /// Runs a worker until `isDone` answers true.
    func run(
        worker: TraffickingWorker? = nil, until isDone: @escaping @Sendable () async throws -> Bool
    ) async throws {
        try await (worker ?? self.worker()).run(until: isDone)
    }

    /// Runs a worker until every given job is over.
    func runUntilOver(_ jobs: [CampaignJob], worker: TraffickingWorker? = nil) async throws -> [CampaignJob] {
        let worker = worker ?? self.worker()
        let ids = jobs.map(\.id)
        let store = store
        try await worker.run {
            for id in ids { guard let job = try await store.job(id), job.status.isTerminal else { return false } }
            return true
        }
        var result: [CampaignJob] = []
        for id in ids { if let job = try await store.job(id) { result.append(job) } }
        return result
    }

    /// The sample Disney+ request (built in), with its media inline, its landing URL on the emulators' port, and its
    /// flight starting the day after the emulators' virtual time, so that every platform takes it on any date.
    static func disneyRequest(mock: MockPlatforms.Running) throws -> TraffickingRequest {
        try SampleLibrary.builtIn.request(
            "disneyplus-signup.json", landingPort: mock.port, flightStart: Schedule.tomorrow(after: mock.mock.world.now)
        )
    }

    /// Entities of one kind, in the platform's own name for it (`media`, `adcreative`, …), on the emulator.
    func entities(on platform: PlatformID, kind: String) -> [MockEntity] {
        mock.mock.world.snapshot().entities.values.filter { $0.platform == platform.rawValue && $0.kind == kind }
    }

    /// Entities on the emulator whose name carries a marker, budgets aside.
    func entities(on platform: PlatformID, carrying marker: IdempotencyMarker) -> [MockEntity] {
        mock.mock.world.snapshot().entities.values.filter {
            $0.platform == platform.rawValue && marker.isCarried(by: $0.name)
                && !$0.kind.lowercased().contains("budget")
        }
    }
}
