import AdOpsServer
import AdPlatformKit
import AdPlatformTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MetaAds
import MockPlatforms
import NIOCore
import Synchronization
import Testing
import Trafficking

/// An action asked through the API reaches its platform without waiting for the worker's next poll: the store
/// wakes idle workers when an action is stored. The worker here polls once an hour, so only the wake-up can run
/// the actions; how fast it is belongs to a benchmark, not to this test.
@Suite("Lifecycle action wake-up")
struct ActionLatencyTests {
    /// A transport that notes when each platform call leaves.
    final class CallTimer: HTTPTransport {
        let base: any HTTPTransport
        private let sent = Mutex<[ContinuousClock.Instant]>([])

        init(wrapping base: any HTTPTransport) { self.base = base }

        func send(_ request: PlatformHTTPRequest) async throws -> PlatformHTTPResponse {
            sent.withLock { $0.append(.now) }
            return try await base.send(request)
        }

        /// The first call sent after `instant`.
        func firstCall(after instant: ContinuousClock.Instant) -> ContinuousClock.Instant? {
            sent.withLock { $0.first { $0 >= instant } }
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    @Test("an action stored through POST /api/v1/campaigns/{id}/actions wakes an idle worker, which polls hourly")
    func apiToPlatformCall() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let campaign = try await LifecycleActionTests.launch(.meta, in: fixture)
            let timer = CallTimer(wrapping: MockPlatformsTransport(mock: mock.mock))
            let meta = try MetaAdsConfiguration(baseURL: mock.baseURL)
            let registry = PlatformRegistry(
                transport: timer, [RegisteredPlatform { MetaAdsPlatform(transport: $0, configuration: meta) }])
            let engine = TraffickingEngine(store: fixture.store, registry: registry)
            let worker = TraffickingWorker(
                store: fixture.store, registry: registry, transport: timer,
                configuration: WorkerConfiguration(
                    owner: "latency", concurrency: 1, pollInterval: .seconds(3_600), rateBudget: .unlimited),
                logger: Logger(label: "latency") { _ in SwiftLogNoOpLogHandler() })
            var logger = Logger(label: "latency-api")
            logger.logLevel = .critical
            let key = "latency-key"
            let router = AdOpsAPI.router(
                engine: engine,
                configuration: AdOpsServerConfiguration(apiKeyHashes: [AdOpsServerConfiguration.hash(apiKey: key)]),
                logger: logger)
            let toFirstCall = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await worker.run() }
                defer { group.cancelAll() }
                return try await Application(router: router, logger: logger).test(.router) { client in
                    var measured: [Double] = []
                    for round in 0..<6 {
                        let started = ContinuousClock.now
                        let body = ByteBuffer(string: #"{"type": "\#(round % 2 == 0 ? "activate" : "pause")"}"#)
                        let reply = try await client.execute(
                            uri: "/api/v1/campaigns/\(campaign.id.uuidString)/actions", method: .post,
                            headers: [.authorization: "Bearer \(key)", .contentType: "application/json"], body: body)
                        try #require(reply.status == .accepted, "\(String(buffer: reply.body))")
                        let id = try #require(
                            (try JSONSerialization.jsonObject(with: Data(String(buffer: reply.body).utf8))
                                as? [String: Any])?["id"] as? String)
                        let actionID = try #require(UUID(uuidString: id))
                        // A generous bound: without the wake-up nothing would run for an hour.
                        let deadline = ContinuousClock.now + .seconds(30)
                        while try await fixture.store.action(actionID)?.status.isTerminal == false,
                            ContinuousClock.now < deadline
                        {
                            try await Task.sleep(for: .milliseconds(2))
                        }
                        #expect(try await fixture.store.action(actionID)?.status == .done)
                        let first = try #require(timer.firstCall(after: started))
                        measured.append(Self.milliseconds(first - started))
                    }
                    return measured
                }
            }
            #expect(toFirstCall.count == 6)
        }
    }
}
