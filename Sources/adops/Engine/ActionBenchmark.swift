import AdOpsSamples
import AdOpsServer
import AdPlatformKit
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import Trafficking

/// `adops benchmark --actions N`: the latency of lifecycle actions, from the API call to the platform call.
///
/// It launches the ticket on all four platforms, serves the REST API on a free loopback port with a worker beside it
/// (what `adops serve` runs), then asks N actions one at a time, `resume` and `pause` of each campaign in turn over
/// the four platforms, each with `POST /api/v1/campaigns/{id}/actions` over a real socket. A transport hook on the
/// in-process emulators (``PlatformCallTimer``) notes when each platform call leaves, so each action gives the time
/// from just before its POST to its change call (the status set, after the old value's read), to its first call,
/// and to the 202.
struct ActionBenchmark {
    let context: EngineContext
    let timer: PlatformCallTimer
    let mockPort: Int
    let samples: SampleLibrary
    let ticketName: String
    let ticketLabel: String
    /// The time from one action's POST to the next: the actions rotate over the four platforms, so each ad
    /// account sees one every four spacings, and at 100 ms a Snapchat action's three calls stay under its 10
    /// calls a second (the default rate budgets). Closer together, the rate budget's waits are what is measured.
    let spacing: Duration

    /// An action that was not accepted or did not end DONE.
    struct Failure: Codable {
        var action: String?
        var platform: String
        var type: String
        var status: String
        var error: String
    }

    /// What one run measured.
    struct Results: Codable {
        var ticketFile: String
        /// Actions asked.
        var actions: Int
        /// The time from one action's POST to the next.
        var spacingMilliseconds: Int
        /// Actions that ended DONE: the ones the figures count.
        var completedActions: Int
        var failedActions: Int
        /// The first few failures, with why; empty in a valid run.
        var failures: [Failure]
        /// From just before the POST to the action's change call leaving for the emulator.
        var toPlatformCallP50Milliseconds: Double
        var toPlatformCallP90Milliseconds: Double
        var toPlatformCallP99Milliseconds: Double
        /// From just before the POST to the action's first platform call (the read of the old value).
        var toFirstCallP50Milliseconds: Double
        var toFirstCallP99Milliseconds: Double
        /// The POST's round trip, to its 202.
        var acceptedP50Milliseconds: Double
        var acceptedP99Milliseconds: Double
        /// The p50 to the change call per platform.
        var toPlatformCallP50MillisecondsByPlatform: [String: Double]

        func summary(transport: String) -> String {
            guard failures.isEmpty else {
                return """
                    action latency benchmark (\(transport)), ticket \(ticketFile): FAILED, \(failedActions) of \
                    \(actions) actions did not end DONE (\(completedActions) did); no latency is reported
                    """
            }
            func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }
            let perPlatform = toPlatformCallP50MillisecondsByPlatform.sorted { $0.key < $1.key }
                .map { "\($0.key) \(ms($0.value))" }.joined(separator: ", ")
            return """
                action latency benchmark (POST /api/v1/campaigns/{id}/actions over a socket → worker → emulator, \
                \(transport)), ticket \(ticketFile)
                  \(actions) actions (resume and pause at campaign level, one at a time, \(spacingMilliseconds) ms \
                apart), \(failedActions) failed
                  to the platform call: p50 \(ms(toPlatformCallP50Milliseconds)), p90 \
                \(ms(toPlatformCallP90Milliseconds)), p99 \(ms(toPlatformCallP99Milliseconds))
                  to the first platform call (the old value's read): p50 \(ms(toFirstCallP50Milliseconds)), p99 \
                \(ms(toFirstCallP99Milliseconds))
                  to the 202: p50 \(ms(acceptedP50Milliseconds)), p99 \(ms(acceptedP99Milliseconds))
                  p50 to the platform call by platform: \(perPlatform)
                """
        }
    }

    /// Launches the campaigns, calls `afterLaunch` (to add emulator faults), serves the API with a worker, and
    /// times `count` actions.
    func run(count: Int, afterLaunch: () async throws -> Void) async throws -> Results {
        var accounts: [UUID] = []
        for account in DemoAccounts.all { accounts.append(try await context.store.createAccount(account).id) }
        let request = try samples.request(
            ticketName, landingPort: mockPort, flightStart: Schedule.tomorrow(after: context.store.clock.now))
        let jobs = try await context.engine.submit(request, accounts: accounts)
        let launcher = context.worker(concurrency: 1, logger: EngineContext.logger("adops.worker", level: .error))
        for _ in jobs { _ = try await launcher.runNext() }
        var campaigns: [Campaign] = []
        var failures: [Failure] = []
        for job in jobs {
            guard let over = try await context.store.job(job.id), over.status == .success,
                let campaign = try await context.store.campaign(job: job.id)
            else {
                failures.append(
                    Failure(
                        action: nil, platform: job.platform.rawValue, type: "launch", status: "not launched",
                        error: "the launch job \(job.id.uuidString) did not end SUCCESS"))
                continue
            }
            campaigns.append(campaign)
        }
        guard failures.isEmpty else { return results(count, [], failures) }
        try await afterLaunch()

        let key = UUID().uuidString
        let logger = EngineContext.logger("adops.benchmark", level: .error)
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let application = AdOpsAPI.application(
            engine: context.engine,
            configuration: AdOpsServerConfiguration(apiKeyHashes: [AdOpsServerConfiguration.hash(apiKey: key)]),
            host: "127.0.0.1", port: 0, services: [context.worker(concurrency: 1, logger: logger)], logger: logger,
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            })
        let group = AdOpsAPI.serviceGroup(
            running: application, gracefulShutdownSignals: [], shutdownTimeout: .seconds(10), logger: logger)
        return try await withThrowingTaskGroup(of: Void.self, returning: Results.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                throw CommandFailure.failed("the API server did not report its port")
            }
            let samples = try await measure(count: count, campaigns: campaigns, port: port, key: key)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return samples
        }
    }

    /// One timed action.
    private struct Sample {
        var platform: String
        var toChange: Double
        var toFirst: Double
        var accepted: Double
    }

    private func measure(count: Int, campaigns: [Campaign], port: Int, key: String) async throws -> Results {
        let client = AsyncHTTPClientTransport()
        var samples: [Sample] = []
        var failures: [Failure] = []
        var nextStart = ContinuousClock.now
        for number in 0..<count {
            try await Task.sleep(until: nextStart, clock: .continuous)
            let campaign = campaigns[number % campaigns.count]
            // Launches leave campaigns paused, so each campaign's first action resumes it and its next pauses it.
            let type = (number / campaigns.count) % 2 == 0 ? "resume" : "pause"
            let platform = campaign.platform.rawValue
            guard let url = URL(string: "http://127.0.0.1:\(port)/api/v1/campaigns/\(campaign.id.uuidString)/actions")
            else { throw CommandFailure.failed("cannot form the API URL on port \(port)") }
            timer.reset()
            let started = ContinuousClock.now
            defer { nextStart = started + spacing }
            let reply = try await client.send(
                PlatformHTTPRequest(
                    method: .post, url: url,
                    headers: ["Authorization": "Bearer \(key)", "Content-Type": "application/json"],
                    body: Data(#"{"type": "\#(type)"}"#.utf8)))
            let accepted = ContinuousClock.now
            guard reply.status == 202,
                let object = try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any],
                let text = object["id"] as? String, let id = UUID(uuidString: text)
            else {
                failures.append(
                    Failure(
                        action: nil, platform: platform, type: type, status: "HTTP \(reply.status)",
                        error: String(decoding: reply.body.prefix(300), as: UTF8.self)))
                continue
            }
            let deadline = ContinuousClock.now + .seconds(30)
            var action = try await context.store.action(id)
            while let current = action, !current.status.isTerminal, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(1))
                action = try await context.store.action(id)
            }
            let calls = timer.calls(since: started)
            guard let action, action.status == .done, let first = calls.first, let last = calls.last else {
                failures.append(
                    Failure(
                        action: id.uuidString, platform: platform, type: type,
                        status: action?.status.rawValue ?? "gone",
                        error: action?.error?.description
                            ?? (action?.status.isTerminal == false
                                ? "did not end within 30 s" : "no platform call was made")))
                continue
            }
            samples.append(
                Sample(
                    platform: platform, toChange: Self.milliseconds(last.at - started),
                    toFirst: Self.milliseconds(first.at - started), accepted: Self.milliseconds(accepted - started)))
        }
        return results(count, samples, failures)
    }

    private func results(_ count: Int, _ samples: [Sample], _ failures: [Failure]) -> Results {
        let percentile = EngineBenchmark.percentile
        var byPlatform: [String: Double] = [:]
        for platform in Set(samples.map(\.platform)) {
            byPlatform[platform] = percentile(samples.filter { $0.platform == platform }.map(\.toChange), 0.5)
        }
        let toChange = samples.map(\.toChange)
        return Results(
            ticketFile: ticketLabel, actions: count,
            spacingMilliseconds: Int(Self.milliseconds(spacing).rounded()), completedActions: samples.count,
            failedActions: failures.count,
            failures: Array(failures.prefix(EngineBenchmark.failuresShown)),
            toPlatformCallP50Milliseconds: percentile(toChange, 0.5),
            toPlatformCallP90Milliseconds: percentile(toChange, 0.9),
            toPlatformCallP99Milliseconds: percentile(toChange, 0.99),
            toFirstCallP50Milliseconds: percentile(samples.map(\.toFirst), 0.5),
            toFirstCallP99Milliseconds: percentile(samples.map(\.toFirst), 0.99),
            acceptedP50Milliseconds: percentile(samples.map(\.accepted), 0.5),
            acceptedP99Milliseconds: percentile(samples.map(\.accepted), 0.99),
            toPlatformCallP50MillisecondsByPlatform: byPlatform)
    }

    private static func milliseconds(_ duration: Duration) -> Double { EngineBenchmark.seconds(duration) * 1000 }
}
