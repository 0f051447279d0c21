import AdPlatformKit
import AdPlatformTesting
import Foundation
import Testing

@testable import Trafficking

/// Backoff, rate budgets and API-call redaction.
@Suite("Worker policies")
struct WorkerPolicyTests {
    @Test("backoff grows exponentially, is capped, and never undercuts retry-after")
    func backoff() {
        let policy = RetryPolicy(maximumAttempts: 5, baseDelay: .milliseconds(100), maximumDelay: .seconds(1))
        #expect(policy.delay(beforeRetry: 0, retryAfter: nil, random: { $0.upperBound }) == .milliseconds(100))
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil, random: { $0.upperBound }) == .milliseconds(800))
        #expect(policy.delay(beforeRetry: 9, retryAfter: nil, random: { $0.upperBound }) == .seconds(1))
        #expect(policy.delay(beforeRetry: 2, retryAfter: nil, random: { _ in 0 }) == .zero)
        #expect(policy.delay(beforeRetry: 0, retryAfter: .seconds(5), random: { $0.upperBound }) == .seconds(5))
    }

    @Test("a rate budget lets a burst through, then spaces calls at its rate")
    func rateBudget() async throws {
        let budget = RateBudget(rates: [.meta: RateBudget.Rate(requestsPerSecond: 10, burst: 3)])
        let waits = WaitRecorder()
        let started = ContinuousClock.now
        for _ in 0..<5 {
            try await budget.acquire(
                platform: .meta, account: "act_1",
                sleep: { wait in
                    await waits.record(wait)
                    try await Task.sleep(for: wait)
                })
        }
        // Three go at once; the other two wait for tokens at 10 a second: at least 0.2 s in all.
        #expect(ContinuousClock.now - started >= .milliseconds(180))
        let recorded = await waits.waits
        #expect(!recorded.isEmpty)
        #expect(recorded.allSatisfy { $0 > .zero && $0 <= .milliseconds(100) })
        // Another account and an unbudgeted platform are not held back.
        let other = WaitRecorder()
        try await budget.acquire(platform: .meta, account: "act_2", sleep: { await other.record($0) })
        try await budget.acquire(platform: .google, account: "1", sleep: { await other.record($0) })
        #expect(await other.waits.isEmpty)
    }

    @Test("recorded calls keep no query values and mask tokens in answers")
    func redaction() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: #"{"access_token":"EAAB-secret","id":"1"}"#)
        let collector = APICallCollector(platform: .meta, jobID: UUID())
        let recording = ClientPipeline(
            rateLimit: .unlimited, [CallLogMiddleware(calls: collector, clock: .fixed(at: StoreFixtures.epoch))]
        ).transport(over: transport)
        let url = try #require(
            URL(string: "https://graph.facebook.com/v26.0/act_1/campaigns?access_token=EAAB-secret&fields=id"))
        _ = try await recording.send(
            PlatformHTTPRequest(method: .post, url: url, body: Data("name=x&access_token=EAAB-secret".utf8)))
        let call = try #require(collector.drain().first)
        #expect(call.path == "/v26.0/act_1/campaigns")
        #expect(call.status == 200)
        #expect(!call.requestSummary.contains("EAAB-secret"))
        #expect(call.requestSummary.contains("access_token"))
        #expect(!call.responseSummary.contains("EAAB-secret"))
        #expect(call.responseSummary.contains("<redacted>"))
    }

    @Test("without its redaction pattern the call log fails closed: no answer body and no error text is kept")
    func redactionFailsClosed() async throws {
        let transport = ScriptedTransport { _ in
            throw AdPlatformError(code: .transient, message: #"upstream said {"refresh_token":"rt-secret"}"#)
        }
        transport.enqueue(json: #"{"access_token":"EAAB-secret","id":"1"}"#)
        let collector = APICallCollector(platform: .meta, jobID: UUID())
        let recording = ClientPipeline(
            rateLimit: .unlimited,
            [CallLogMiddleware(calls: collector, clock: .fixed(at: StoreFixtures.epoch), secretField: nil)]
        ).transport(over: transport)
        let url = try #require(URL(string: "https://graph.facebook.com/v26.0/act_1/campaigns"))
        _ = try await recording.send(PlatformHTTPRequest(method: .post, url: url))
        await #expect(throws: AdPlatformError.self) {
            try await recording.send(PlatformHTTPRequest(method: .post, url: url))
        }
        let calls = collector.drain()
        #expect(calls.count == 2)
        for call in calls {
            #expect(!call.responseSummary.contains("secret"), "\(call.responseSummary)")
            #expect(call.responseSummary.contains("withheld"), "\(call.responseSummary)")
        }
    }
}

/// Collects the waits a rate budget asked for.
actor WaitRecorder {
    var waits: [Duration] = []
    func record(_ wait: Duration) { waits.append(wait) }
}
