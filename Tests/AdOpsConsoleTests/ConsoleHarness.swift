import AdOpsConsole
import AdOpsSamples
import AdOpsServer
import AdPlatformKit
import AdPlatformTesting
import Automation
import Foundation
import GoogleAds
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MetaAds
import Testing
import TikTokAds
import Trafficking

/// The console and the API on one router over an in-memory store, with the real Meta and Google modules (never
/// called: pages only read), and a browser-like client that keeps cookies and reads CSRF tokens from pages.
struct ConsoleHarness: Sendable {
    /// The key that signs in.
    static let apiKey = "console-test-key-7d2e"

    let store: SQLiteTraffickingStore
    let engine: TraffickingEngine
    let clock: ManualWallClock

    /// The platforms' transport: scripted, for the calls a page makes (the studio's platform previews).
    let transport: ScriptedTransport

    /// A harness with the Meta and Google modules, and TikTok's too when `withTikTok` (the studio's CJK counts);
    /// platform calls go to `transport`.
    init(withTikTok: Bool = false, transport: ScriptedTransport = ScriptedTransport()) throws {
        self.transport = transport
        clock = ManualWallClock(start: Date(timeIntervalSince1970: 1_796_601_600))  // 2026-12-07T00:00:00Z
        store = try SQLiteTraffickingStore.inMemory(
            cipher: try CredentialCipher(key: CredentialCipher.generateKey()), clock: clock.clock)
        engine = TraffickingEngine(
            store: store,
            registry: PlatformRegistry(
                transport: transport,
                [
                    RegisteredPlatform { MetaAdsPlatform(transport: $0) },
                    RegisteredPlatform { GoogleAdsPlatform(transport: $0) },
                ] + (withTikTok ? [RegisteredPlatform { TikTokAdsPlatform(transport: $0) }] : [])))
    }

    /// An account on a platform, named `name`.
    func account(_ platform: PlatformID, name: String) async throws -> AdAccount {
        try await store.createAccount(
            NewAdAccount(
                platform: platform,
                platformAccountID: platform == .meta ? "act_1001" : platform == .tiktok ? "7000000001" : "1234567890",
                name: name,
                currency: .usd, ownerTeam: "growth", settings: ["page_id": "1234567890"],
                credentials: PlatformCredentials(accessToken: "token")))
    }

    /// A campaign (its launch job queued) named `name` on `account`, from the built-in Disney+ sample.
    func campaign(named name: String, on account: AdAccount) async throws -> Campaign {
        var request = try SampleLibrary.builtIn.rawRequest("disneyplus-signup.json")
        request.name = name
        let job = UUID()
        _ = try await store.enqueue([
            NewCampaignJob(
                id: job, accountID: account.id, platform: account.platform, request: request, batchID: UUID())
        ])
        return try #require(try await store.campaign(job: job))
    }

    /// Campaign-level rows for `days` days up to today: `spend` minor units a day, 3× in conversion value.
    func deliver(_ campaign: Campaign, days: Int, spend: Int64) async throws {
        let today = CalendarDay(clock.clock.now)
        let since = today.adding(1 - days)
        let start = try await store.startSyncRun(
            SyncRun(
                id: UUID(), accountID: campaign.accountID, platform: campaign.platform, kind: .full, campaignID: nil,
                since: since.description, until: today.description, startedAt: clock.clock.now),
            staleAfter: .seconds(600))
        let rows = (0..<days).map { offset in
            DailyMetric(
                campaignID: campaign.id, level: .campaign, platformID: "c-\(campaign.id)",
                date: since.adding(offset).description, attributionWindow: "7d_click_1d_view",
                totals: MetricTotals(
                    impressions: 1_000, clicks: 25, spend: Money(minorUnits: spend, currency: .usd), conversions: 2,
                    conversionValue: Money(minorUnits: spend * 3, currency: .usd)),
                syncedAt: clock.clock.now)
        }
        _ = try await store.recordSyncChunk(
            SyncChunk(
                runID: start.run.id, campaigns: [campaign.id], since: since.description, until: today.description,
                rows: rows, observations: [], calls: [], syncedAt: clock.clock.now))
        var run = start.run
        run.status = .succeeded
        run.finishedAt = clock.clock.now
        try await store.finishSyncRun(run)
    }

    /// A Meta account with one launched campaign, "Signup", and its page's path: where most campaign-page tests
    /// start.
    func launchedSignup() async throws -> (account: AdAccount, campaign: Campaign, path: String) {
        let meta = try await account(.meta, name: "Disney+ US — Meta")
        let campaign = try await launch(try await self.campaign(named: "Signup", on: meta))
        return (meta, campaign, "/campaigns/\(campaign.id.uuidString)")
    }

    /// Ends `campaign`'s launch job as a Meta launch would: campaign `c1`, ad set `g1` and ad `a1` named `adName`,
    /// SUCCESS. Launch campaigns one at a time, right after making them: the worker claims the oldest job.
    @discardableResult
    func launch(_ campaign: Campaign, adName: String = "Hero ad") async throws -> Campaign {
        let claimed = try await store.claimJobs(owner: "w", limit: 1, lease: .seconds(60), now: clock.clock.now)
        try #require(claimed.first?.id == campaign.jobID)
        var parent = "act_1001"
        for (key, kind, id, name) in [
            ("campaign", EntityKind.campaign, "c1", campaign.name), ("adGroup/families", .adGroup, "g1", "Families"),
            ("ad/0/families/social-hero", .ad, "a1", adName),
        ] {
            try await store.startStep(
                job: campaign.jobID, key: key, kind: kind, marker: nil, calls: [], at: clock.clock.now)
            try await store.completeStep(
                job: campaign.jobID, key: key,
                entities: [
                    PlatformEntity(platform: campaign.platform, kind: kind, id: id, name: name, parentID: parent)
                ],
                media: nil, calls: [], at: clock.clock.now)
            parent = id
        }
        try await store.finish(job: campaign.jobID, owner: "w", outcome: .success(platformCampaignID: "c1"))
        return try #require(try await store.campaign(campaign.id))
    }

    /// Ends `campaign`'s launch job FAILED with `message`, as the worker would after a permanent platform error.
    func fail(_ campaign: Campaign, message: String) async throws {
        let claimed = try await store.claimJobs(owner: "w", limit: 1, lease: .seconds(60), now: clock.clock.now)
        try #require(claimed.first?.id == campaign.jobID)
        try await store.finish(
            job: campaign.jobID, owner: "w",
            outcome: .failed(JobError(message: message, code: "invalidParameter"), platformCampaignID: nil))
    }

    /// Ends the oldest pending action FAILED with `message`, as the worker would after a permanent platform error.
    func failAction(_ id: UUID, message: String) async throws {
        let claimed = try await store.claimActions(owner: "w", limit: 1, lease: .seconds(60), now: clock.clock.now)
        try #require(claimed.first?.id == id)
        try await store.finishAction(
            id, owner: "w", outcome: .failed(JobError(message: message, code: "invalidParameter")), records: .none)
    }

    /// Runs `body` with a browser over the router.
    func run<Value: Sendable>(
        configure: (inout ConsoleConfiguration) -> Void = { _ in },
        _ body: @Sendable (Browser) async throws -> Value
    ) async throws -> Value {
        var logger = Logger(label: "adops-console-tests")
        logger.logLevel = .critical
        var configuration = ConsoleConfiguration(
            apiKeyHashes: [AdOpsServerConfiguration.hash(apiKey: Self.apiKey)], frameOrigins: ["http://127.0.0.1:4010"],
            automator: Automator(engine: engine),
            rateBudget: RateBudget(rates: [.meta: .init(requestsPerSecond: 5, burst: 10)]))
        configure(&configuration)
        let router = AdOpsAPI.router(
            engine: engine, configuration: AdOpsServerConfiguration(apiKeyHashes: configuration.apiKeyHashes),
            logger: logger,
            pages: try AdOpsConsole.pages(engine: engine, configuration: configuration, logger: logger))
        let app = Application(router: router, logger: logger)
        return try await app.test(.router) { client in try await body(Browser(client: client)) }
    }
}

/// A browser: keeps cookies, follows nothing by itself, and finds hidden CSRF tokens in pages.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    /// Cookies by name; guarded by the test's single task.
    private var cookies: [String: String] = [:]

    init(client: any TestClientProtocol) { self.client = client }

    /// What came back.
    struct Page: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String

        /// The `value` of the first hidden `_csrf` field.
        var csrfToken: String? {
            guard let range = body.range(of: #"name="_csrf" value=""#) else { return nil }
            let rest = body[range.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        /// The hidden fields of the form with `id`, in order, unescaped, as a browser would post them.
        func hiddenFields(ofForm id: String) -> [(String, String)] {
            guard let start = body.range(of: #"id="\#(id)""#) else { return [] }
            let rest = body[start.upperBound...]
            let form = rest[..<(rest.range(of: "</form>")?.lowerBound ?? rest.endIndex)]
            var fields: [(String, String)] = []
            var remaining = form[...]
            while let input = remaining.range(of: #"<input type="hidden" name=""#) {
                let afterName = remaining[input.upperBound...]
                guard let nameEnd = afterName.firstIndex(of: "\""),
                    let valueStart = afterName.range(of: #"value=""#)
                else { break }
                let afterValue = afterName[valueStart.upperBound...]
                guard let valueEnd = afterValue.firstIndex(of: "\"") else { break }
                fields.append((String(afterName[..<nameEnd]), Self.unescape(String(afterValue[..<valueEnd]))))
                remaining = afterValue[valueEnd...]
            }
            return fields
        }

        /// HTML character references of the escaper undone.
        static func unescape(_ text: String) -> String {
            text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// Sends a request with the cookies held, and keeps the ones set.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, form: [(String, String)]? = nil, headers extra: HTTPFields = [:]
    ) async throws -> Page {
        var headers = extra
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                separator: "; ")
        }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(
                string: form.map { name, value in
                    "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                }.joined(separator: "&"))
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";", maxSplits: 1)[0].split(
                separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// Posts `json` as the page's script does: `Content-Type: application/json` and the CSRF token, when given, in
    /// `X-CSRF-Token`.
    func postJSON(_ uri: String, _ json: String, csrfToken: String?) async throws -> Page {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let csrfToken, let name = HTTPField.Name("X-CSRF-Token") { headers[name] = csrfToken }
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                separator: "; ")
        }
        let response = try await client.execute(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// Drops every cookie, as a new browser.
    func forgetCookies() { cookies = [:] }

    /// Signs in with `key` through the form, as a person would.
    @discardableResult
    func signIn(key: String = ConsoleHarness.apiKey, next: String = "/") async throws -> Page {
        let form = try await send(.get, "/sign-in")
        let token = try #require(form.csrfToken)
        return try await send(.post, "/sign-in", form: [("_csrf", token), ("next", next), ("key", key)])
    }
}
