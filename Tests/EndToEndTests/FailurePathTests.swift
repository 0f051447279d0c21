import AdOpsServer
import AdPlatformKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MockPlatforms
import NIOCore
import NIOFoundationCompat
import Testing
import Trafficking

/// How jobs end when platforms refuse, stumble, or the process restarts.
@Suite("Failure paths")
struct FailurePathTests {
    @Test("a permanent platform error fails the job after one attempt, with the platform's message")
    func permanentError() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let meta = try #require(fixture.accounts[.meta])
            _ = mock.mock.faults.add(
                FaultRule(
                    platform: "meta", method: "POST", path: "/v*/act_1001/campaigns", kind: .platformError,
                    code: "100", message: "Invalid parameter: objective is not valid for this account"))
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [meta.id])
            let job = try #require(try await fixture.runUntilOver(jobs).first)
            #expect(job.status == .failed)
            #expect(job.attempts == 1)
            #expect(job.error?.message.contains("objective is not valid") == true)
            #expect(job.error?.platformCode == "100")
            let creates = mock.mock.journal.query().filter { $0.method == "POST" && $0.path.hasSuffix("/campaigns") }
            #expect(creates.count == 1)
        }
    }

    @Test("a permanent error after the campaign exists ends PARTIAL_SUCCESS listing what exists")
    func partialSuccess() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let tiktok = try #require(fixture.accounts[.tiktok])
            _ = mock.mock.faults.add(
                FaultRule(
                    platform: "tiktok", method: "POST", path: "/open_api/v1.3/adgroup/create/", kind: .platformError,
                    code: "40002", message: "budget: below the minimum"))
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [tiktok.id])
            let job = try #require(try await fixture.runUntilOver(jobs).first)
            #expect(job.status == .partialSuccess)
            #expect(job.platformCampaignID != nil)
            #expect(job.error?.step == "adGroup/families")
            let detail = try #require(try await fixture.engine.detail(of: job.id))
            #expect(detail.externalIDs["campaign"] == [job.platformCampaignID ?? ""])
        }
    }

    @Test("30% transient errors and rate limits still end SUCCESS with one of each entity")
    func transientErrors() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let faults: [(String, FaultRule.Kind, Int?, String?)] = [
                ("meta", .status, 500, nil), ("meta", .platformError, nil, "17"),
                ("tiktok", .platformError, nil, "40100"), ("tiktok", .status, 503, nil),
                ("snapchat", .status, 429, nil), ("snapchat", .status, 500, nil),
                ("google", .platformError, nil, "quotaError.RESOURCE_EXHAUSTED"), ("google", .status, 503, nil),
            ]
            for (platform, kind, status, code) in faults {
                _ = mock.mock.faults.add(
                    FaultRule(platform: platform, kind: kind, status: status, code: code, probability: 0.15))
            }
            let request = try EngineFixture.disneyRequest(mock: mock)
            let jobs = try await fixture.engine.submit(
                request, accounts: PlatformID.builtIn.compactMap { fixture.accounts[$0]?.id })
            let finished = try await fixture.runUntilOver(jobs)
            for job in finished {
                #expect(job.status == .success, "\(job.platform): \(job.error?.description ?? "")")
                let marker = IdempotencyMarker(
                    scope: job.id.uuidString.lowercased(), step: TraffickingPlan.campaignStep)
                #expect(fixture.entities(on: job.platform, carrying: marker).count == 1)
            }
            let injected = mock.mock.journal.query().filter { $0.fault != nil }.count
            #expect(injected > 0)
            let retries = try await finished.asyncFlatMap { try await fixture.store.executionLog(job: $0.id) }
                .filter { $0.event == "retry" }
            #expect(retries.count > 0)
        }
    }

    /// A Snapchat upload is two calls: the media object, then its bytes. Either failing leaves one object.
    static let mediaFaults = [
        // The bytes fail: the retry sends them into the object already recorded.
        FaultRule(
            platform: "snapchat", method: "POST", path: "/v1/media/*/upload", kind: .status, status: 503,
            remaining: 1),
        // The object is created but its answer is lost: the retry finds it by the marker in its name.
        FaultRule(
            platform: "snapchat", method: "POST", path: "/v1/adaccounts/*/media", kind: .dropResponse, remaining: 1),
    ]

    @Test(
        "a media upload that fails transiently is retried into the media object already created, not a new one",
        arguments: mediaFaults.indices)
    func mediaUploadRetriedIntoSameObject(fault: Int) async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let snapchat = try #require(fixture.accounts[.snapchat])
            _ = mock.mock.faults.add(Self.mediaFaults[fault])
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [snapchat.id])
            let job = try #require(try await fixture.runUntilOver(jobs).first)
            #expect(job.status == .success, "\(job.error?.description ?? "")")
            #expect(mock.mock.journal.query().contains { $0.fault != nil && $0.path.contains("media") })
            let recorded = Set(try await fixture.store.ledger(job: job.id).compactMap { $0.media?.id })
            #expect(!recorded.isEmpty)
            #expect(Set(fixture.entities(on: .snapchat, kind: "media").map(\.id)) == recorded)
        }
    }

    @Test("an ad whose answer was lost is recovered with its creative, and both are recorded")
    func lostAdAnswerRecordsCreative() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let meta = try #require(fixture.accounts[.meta])
            _ = mock.mock.faults.add(
                FaultRule(platform: "meta", method: "POST", path: "/v*/act_*/ads", kind: .dropResponse, remaining: 1))
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [meta.id])
            let job = try #require(try await fixture.runUntilOver(jobs).first)
            #expect(job.status == .success, "\(job.error?.description ?? "")")
            let adSteps = try await fixture.store.ledger(job: job.id).filter { $0.kind == .ad }
            #expect(!adSteps.isEmpty)
            for step in adSteps {
                let marker = IdempotencyMarker(value: try #require(step.marker))
                // Everything on the platform that carries the step's marker is in the ledger, creative included.
                let onPlatform = fixture.entities(on: .meta, carrying: marker)
                #expect(Set(step.entities.map(\.id)) == Set(onPlatform.map(\.id)), "\(step.key)")
                #expect(step.entities.map(\.kind) == [.creative, .ad], "\(step.key)")
            }
            let detail = try #require(try await fixture.engine.detail(of: job.id))
            #expect(detail.externalIDs["creative"]?.count == adSteps.count)
            #expect(detail.log.contains { $0.event == "recovered" })
        }
    }

    @Test("a job accepted with 202 survives a process restart")
    func acceptedJobSurvivesRestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adops-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("adops.sqlite").path
        let key = CredentialCipher.generateKey()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let jobID: String?
            do {
                // The first process: the API accepts the job, then the process ends before any worker runs.
                let store = try SQLiteTraffickingStore.open(
                    path: path, cipher: CredentialCipher(key: key), clock: mock.mock.configuration.clock)
                let fixture = try await EngineFixture.make(mock: mock, store: store)
                let apiKey = "e2e-api-key"
                let router = AdOpsAPI.router(
                    engine: fixture.engine,
                    configuration: AdOpsServerConfiguration(apiKeyHashes: [
                        AdOpsServerConfiguration.hash(apiKey: apiKey)
                    ]),
                    logger: Logger(label: "e2e"))
                let app = Application(router: router)
                let meta = try #require(fixture.accounts[.meta])
                let request = try EngineFixture.disneyRequest(mock: mock)
                let body = JSONValue.object([
                    "ad_account_id": .string(meta.id.uuidString),
                    "request": try JSONValue(parsing: JSONEncoder().encode(request)),
                ])
                jobID = try await app.test(.router) { client in
                    try await client.execute(
                        uri: "/api/v1/ads/meta", method: .post,
                        headers: [.authorization: "Bearer \(apiKey)", .contentType: "application/json"],
                        body: ByteBuffer(data: body.encodedData())
                    ) { response in
                        #expect(response.status == .accepted)
                        let answer = try JSONValue(parsing: Data(buffer: response.body))
                        return answer.objectValue?["job_id"]?.stringValue
                    }
                }
            }
            // The second process: a new store on the same file, and a worker.
            let reopened = try SQLiteTraffickingStore.open(
                path: path, cipher: CredentialCipher(key: key), clock: mock.mock.configuration.clock)
            let fixture = try await EngineFixture.make(mock: mock, store: reopened)
            let id = try #require(jobID.flatMap(UUID.init(uuidString:)))
            let pending = try #require(try await reopened.job(id))
            #expect(pending.status == .pending)
            let job = try #require(try await fixture.runUntilOver([pending]).first)
            #expect(job.status == .success)
        }
    }
}

extension Array where Element: Sendable {
    /// Concatenates an async transform's results, in order.
    func asyncFlatMap<T>(_ transform: (Element) async throws -> [T]) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result += try await transform(element) }
        return result
    }
}
