import AdOpsServer
import AdPlatformKit
import AdPlatformTesting
import Foundation
import Hummingbird
import Logging
import MockPlatforms
import NIOCore
import ServiceLifecycle
import Testing
import Trafficking

/// Meta webhooks end to end over sockets: the emulator on one port, the API (as `adops serve` runs it) on another.
/// The app subscribes the API's webhook route (the emulator performs the handshake against it), someone pauses a
/// launched campaign in "Ads Manager" (the emulator's control plane), and the campaign of ours is marked drifted
/// through the signed delivery alone, without a sync.
@Suite("Meta webhooks end to end")
struct MetaWebhookEndToEndTests {
    static let appID = "900000000000001"
    static let webhook = MetaWebhookConfiguration(appSecret: "e2e-app-secret", verifyToken: "e2e-verify-token")

    @Test("a pause in Ads Manager reaches the store as drift through the webhook")
    func pauseInAdsManagerDrifts() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let account = try #require(fixture.accounts[.meta])
            var request = try EngineFixture.disneyRequest(mock: mock)
            request.status = .active
            let jobs = try await fixture.engine.submit(request, accounts: [account.id])
            let finished = try await fixture.runUntilOver(jobs)
            try #require(finished.first?.status == .success, "\(finished.first?.error?.description ?? "")")
            let launched = try #require(try await fixture.store.campaign(job: jobs[0].id))
            let platformID = try #require(launched.platformCampaignID)
            #expect(!launched.drifted)

            var logger = Logger(label: "e2e.webhooks")
            logger.logLevel = .critical
            let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
            let application = AdOpsAPI.application(
                engine: fixture.engine,
                configuration: AdOpsServerConfiguration(
                    apiKeyHashes: [AdOpsServerConfiguration.hash(apiKey: "e2e-key")], metaWebhook: Self.webhook),
                host: "127.0.0.1", port: 0, logger: logger,
                onServerRunning: { channel in
                    portContinuation.yield(channel.localAddress?.port ?? 0)
                    portContinuation.finish()
                })
            let services = AdOpsAPI.serviceGroup(
                running: application, gracefulShutdownSignals: [], shutdownTimeout: .seconds(5), logger: logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await services.run() }
                var iterator = ports.makeAsyncIterator()
                let bound = await iterator.next()
                let port = try #require(bound)
                do {
                    try await Self.subscribe(mock: mock, callback: "http://127.0.0.1:\(port)/api/v1/webhooks/meta")
                    // The virtual clock moves only when moved: bring it past the launch, so the change is newer than
                    // what the engine last saw (an older observation is ignored, as a late delivery should be).
                    mock.mock.world.setClock(fixture.store.clock.now.addingTimeInterval(1))
                    let control = ControlCall(baseURL: mock.baseURL)
                    let (status, answer) = try await control.post(
                        "/_mock/meta/entities/\(platformID)/status", #"{"status":"PAUSED"}"#)
                    #expect(status == 200, "\(answer)")

                    let store = fixture.store
                    let drifted = try await Self.eventually {
                        try await store.campaign(job: jobs[0].id)?.drifted == true
                    }
                    #expect(drifted, "the campaign was not marked drifted by the webhook")
                    #expect(try await store.webhookReceiptCount(platform: .meta) == 1)
                    // The receiver applies the change before its answer reaches the emulator: wait for that too.
                    let webhooks = try #require(mock.mock.metaWebhooks)
                    #expect(try await Self.eventually { webhooks.deliveries.first?.state == .delivered })
                    let delivered = try #require(webhooks.deliveries.first)
                    #expect(delivered.attempts.last?.status == 200)
                } catch {
                    await services.triggerGracefulShutdown()
                    throw error
                }
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }
    }

    /// Subscribes the app to `status_changed_ad_objects` (the emulator calls the callback's handshake before it
    /// accepts) and installs it on act_1001, with Graph calls over the socket.
    static func subscribe(mock: MockPlatforms.Running, callback: String) async throws {
        let control = ControlCall(baseURL: mock.baseURL)
        let token = "\(appID)|\(webhook.appSecret)"
        let form = [
            ("object", "ad_account"), ("callback_url", callback), ("fields", "status_changed_ad_objects"),
            ("verify_token", webhook.verifyToken), ("access_token", token),
        ]
        let (status, answer) = try await control.postForm("/v21.0/\(appID)/subscriptions", form)
        try #require(status == 200, "\(answer)")
        let (installed, reply) = try await control.postForm(
            "/v21.0/act_1001/subscribed_apps", [("app_id", appID), ("access_token", "e2e-meta-token")])
        try #require(installed == 200, "\(reply)")
    }

    /// Polls `condition` every 20 ms for up to 15 seconds; whether it came true.
    static func eventually(_ condition: @Sendable () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }
}

/// Plain HTTP calls to the emulator over the socket.
struct ControlCall: Sendable {
    let baseURL: URL
    let transport = AsyncHTTPClientTransport()

    /// POSTs a JSON body; the status and the body as text.
    func post(_ path: String, _ json: String) async throws -> (Int, String) {
        let url = try #require(URL(string: baseURL.absoluteString + path))
        var headers = HTTPHeaderFields()
        headers.append(name: "Content-Type", value: "application/json")
        let response = try await transport.send(
            PlatformHTTPRequest(method: .post, url: url, headers: headers, body: Data(json.utf8)))
        return (response.status, String(decoding: response.body, as: UTF8.self))
    }

    /// POSTs a form body; the status and the body as text.
    func postForm(_ path: String, _ form: [(String, String)]) async throws -> (Int, String) {
        let url = try #require(URL(string: baseURL.absoluteString + path))
        var headers = HTTPHeaderFields()
        headers.append(name: "Content-Type", value: "application/x-www-form-urlencoded")
        let body = form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        let response = try await transport.send(
            PlatformHTTPRequest(method: .post, url: url, headers: headers, body: Data(body.utf8)))
        return (response.status, String(decoding: response.body, as: UTF8.self))
    }
}
