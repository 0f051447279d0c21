import AdPlatformKit
import AdPlatformTesting
import Foundation
import GoogleAds
import MetaAds
import Synchronization
import Testing

@testable import Trafficking

/// The engine's pipeline against the usage platforms report: at 75% of a signal the next call waits until its reset
/// on the injected clock, instead of running into the limit.
@Suite("Usage signals")
struct UsageSignalTests {
    /// A Meta registry over `transport`, the engine's pipeline over it with `throttle` and a sleep that moves
    /// `clock`, and the collector its calls are logged in.
    static func meta(
        _ transport: ScriptedTransport, clock: ManualWallClock, throttle: UsageThrottle = UsageThrottle(),
        account: String = "act_1"
    ) throws -> (transport: any HTTPTransport, calls: APICallCollector) {
        let registry = PlatformRegistry(
            transport: transport,
            [
                RegisteredPlatform { MetaAdsPlatform(transport: $0) },
                RegisteredPlatform { GoogleAdsPlatform(transport: $0) },
            ])
        let configuration = WorkerConfiguration(
            rateBudget: .unlimited, usage: throttle, sleep: { try await clock.sleep(for: $0) })
        let engine = EnginePipeline(registry: registry, configuration: configuration, clock: clock.clock)
        let calls = APICallCollector(platform: .meta, jobID: UUID())
        let pipeline = engine.pipeline(for: try registry.registered(.meta), account: account, calls: calls)
        return (pipeline.transport(over: transport), calls)
    }

    static let url = URL(string: "https://graph.facebook.com/v26.0/act_1/campaigns") ?? URL(fileURLWithPath: "/")

    /// A transport that answers with `headers` in turn (the last one repeated) and notes when each call arrived.
    static func answering(
        _ headers: [HTTPHeaderFields], clock: ManualWallClock, arrivals: Arrivals
    ) -> ScriptedTransport {
        let served = Mutex(0)
        return ScriptedTransport { _ in
            arrivals.note(clock.now)
            let index = served.withLock { count in
                defer { count += 1 }; return count
            }
            return PlatformHTTPResponse(
                status: 200, headers: headers[min(index, headers.count - 1)], body: Data(#"{"id":"1"}"#.utf8))
        }
    }

    @Test("Meta's ad account at 80% makes the next call wait until reset_time_duration on the manual clock")
    func accountUsageWaitsUntilReset() async throws {
        let clock = ManualWallClock.fromEnvironment(frozen: true)
        let arrivals = Arrivals()
        let transport = Self.answering(
            [["X-Ad-Account-Usage": #"{"acc_id_util_pct":80,"reset_time_duration":120}"#], [:]], clock: clock,
            arrivals: arrivals)
        let (piped, calls) = try Self.meta(transport, clock: clock)
        let start = clock.now
        _ = try await piped.send(PlatformHTTPRequest(method: .get, url: Self.url))
        _ = try await piped.send(PlatformHTTPRequest(method: .get, url: Self.url))
        _ = try await piped.send(PlatformHTTPRequest(method: .get, url: Self.url))
        let times = arrivals.times.map { $0.timeIntervalSince(start) }
        // The first goes at once; the second waits out the 120 s; the third, under the line again, does not wait.
        #expect(times == [0, 120, 120])
        #expect(calls.drain().count == 3, "every call is still in the call log")
    }

    @Test("Business Use Case usage waits estimated_time_to_regain_access minutes; under 75% nothing waits")
    func businessUseCase() async throws {
        let clock = ManualWallClock.fromEnvironment(frozen: true)
        let arrivals = Arrivals()
        let under: HTTPHeaderFields = [
            "X-Business-Use-Case-Usage":
                #"{"1":[{"type":"ads_management","call_count":10,"total_cputime":5,"total_time":5,"estimated_time_to_regain_access":0}]}"#
        ]
        let over: HTTPHeaderFields = [
            "X-Business-Use-Case-Usage":
                #"{"1":[{"type":"ads_management","call_count":95,"total_cputime":20,"total_time":20,"estimated_time_to_regain_access":3}]}"#
        ]
        let transport = Self.answering([under, under, over, under], clock: clock, arrivals: arrivals)
        let (piped, _) = try Self.meta(transport, clock: clock)
        let start = clock.now
        for _ in 0..<4 { _ = try await piped.send(PlatformHTTPRequest(method: .get, url: Self.url)) }
        #expect(arrivals.times.map { $0.timeIntervalSince(start) } == [0, 0, 0, 180])
    }

    @Test("a reading the last rise would take past 75% holds before the call that would cross it")
    func projectsTheNextCall() async throws {
        let clock = ManualWallClock.fromEnvironment(frozen: true)
        let arrivals = Arrivals()
        let usage = { (percent: Int) -> HTTPHeaderFields in
            ["X-Ad-Account-Usage": #"{"acc_id_util_pct":\#(percent),"reset_time_duration":30}"#]
        }
        let transport = Self.answering([usage(20), usage(45), usage(70), usage(5)], clock: clock, arrivals: arrivals)
        let (piped, _) = try Self.meta(transport, clock: clock)
        let start = clock.now
        for _ in 0..<4 { _ = try await piped.send(PlatformHTTPRequest(method: .get, url: Self.url)) }
        // 45 → 70 rises 25 a call: 70 + 25 would pass 75, so the fourth call waits for the reset.
        #expect(arrivals.times.map { $0.timeIntervalSince(start) } == [0, 0, 0, 30])
    }

    @Test("the insights throttle and X-App-Usage name no reset: calls wait the throttle's fallback; app-wide for all")
    func appWideSignals() async throws {
        let clock = ManualWallClock.fromEnvironment(frozen: true)
        let arrivals = Arrivals()
        let throttle = UsageThrottle(threshold: 75, unknownResetWait: .seconds(45))
        let transport = Self.answering(
            [["x-fb-ads-insights-throttle": #"{"app_id_util_pct":76.5,"acc_id_util_pct":10}"#], [:]], clock: clock,
            arrivals: arrivals)
        let (first, _) = try Self.meta(transport, clock: clock, throttle: throttle, account: "act_1")
        let (other, _) = try Self.meta(transport, clock: clock, throttle: throttle, account: "act_2")
        let start = clock.now
        _ = try await first.send(PlatformHTTPRequest(method: .get, url: Self.url))
        #expect(throttle.hold(platform: .meta, account: "act_2") == start.addingTimeInterval(45))
        _ = try await other.send(PlatformHTTPRequest(method: .get, url: Self.url))
        #expect(arrivals.times.map { $0.timeIntervalSince(start) } == [0, 45])
        #expect(throttle.hold(platform: .google, account: "act_2") == nil, "another platform is not held")
    }

    @Test("Meta's four usage headers read as the documented JSON; malformed ones give no reading")
    func metaHeaders() {
        let signals = MetaUsageHeaders.signals(
            in: [
                "X-App-Usage": #"{"call_count":28,"total_time":25,"total_cputime":25}"#,
                "X-Ad-Account-Usage":
                    #"{"acc_id_util_pct":9.67,"reset_time_duration":100,"ads_api_access_tier":"standard_access"}"#,
                "X-Business-Use-Case-Usage":
                    #"{"123":[{"type":"ads_management","call_count":95,"total_cputime":20,"total_time":20,"estimated_time_to_regain_access":2}]}"#,
                "x-fb-ads-insights-throttle": #"{"app_id_util_pct":40,"acc_id_util_pct":60.5}"#,
            ])
        #expect(
            signals == [
                UsageSignal(name: "X-App-Usage", scope: .app, percent: 28),
                UsageSignal(name: "X-Ad-Account-Usage", scope: .account, percent: 9.67, resetAfter: .seconds(100)),
                UsageSignal(
                    name: "X-Business-Use-Case-Usage 123 ads_management", scope: .account, percent: 95,
                    resetAfter: .seconds(120)),
                UsageSignal(name: "x-fb-ads-insights-throttle app", scope: .app, percent: 40),
                UsageSignal(name: "x-fb-ads-insights-throttle account", scope: .account, percent: 60.5),
            ])
        #expect(MetaUsageHeaders.signals(in: ["X-App-Usage": "not json", "X-Ad-Account-Usage": "{}"]).isEmpty)
    }

    @Test("Google Ads sends no usage headers: its calls pass without readings or waits")
    func platformsWithoutHeaders() throws {
        let now = Date(timeIntervalSince1970: 0)
        let registry = PlatformRegistry(
            transport: ScriptedTransport(), [RegisteredPlatform { GoogleAdsPlatform(transport: $0) }])
        let google = try registry.registered(.google)
        #expect(!google.supports((any UsageReporting).self))
        #expect(
            google.usageSignals(in: PlatformHTTPResponse(status: 429, headers: ["X-App-Usage": "{}"]), at: now).isEmpty)
    }
}

/// When each call reached the transport, by the test's clock.
final class Arrivals: Sendable {
    private let noted = Mutex<[Date]>([])
    func note(_ date: Date) { noted.withLock { $0.append(date) } }
    var times: [Date] { noted.withLock { $0 } }
}
