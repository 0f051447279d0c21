import AdPlatformKit
import AdPlatformTesting
import Foundation
import Logging
import NIOCore
import NIOPosix
import Testing

@testable import MockPlatforms

/// Stopping the emulators is quiet when nothing went wrong: users grep their logs for `error`.
@Suite("Emulator shutdown")
struct ShutdownTests {
    struct BodyFailed: Error {}

    @Test("stopping the in-process emulators after serving logs nothing at warning or above")
    func quietStop() async throws {
        let log = RecordingLogHandler.Records()
        let logger = Logger(label: "adops-mock") { RecordingLogHandler(label: $0, records: log) }
        try await MockPlatforms.withRunning(logger: logger) { running in
            let client = ControlClient(baseURL: running.baseURL)
            // The transport keeps its connection alive, so the stop meets an open idle connection.
            for _ in 0..<3 { _ = try await client.call(.get, "/_mock/health") }
            _ = try await client.call(.get, "/v21.0/me")
        }
        #expect(log.atOrAbove(.warning).isEmpty, "\(log.atOrAbove(.warning))")
        #expect(log.all.contains { $0.message.contains("Server started") })
    }

    @Test("a body that throws stops the emulators gracefully too: its error comes back and nothing is logged")
    func throwingBody() async throws {
        let log = RecordingLogHandler.Records()
        let logger = Logger(label: "adops-mock") { RecordingLogHandler(label: $0, records: log) }
        await #expect(throws: BodyFailed.self) {
            try await MockPlatforms.withRunning(logger: logger) { running in
                _ = try await ControlClient(baseURL: running.baseURL).call(.get, "/_mock/health")
                throw BodyFailed()
            }
        }
        #expect(log.atOrAbove(.warning).isEmpty, "\(log.atOrAbove(.warning))")
    }

    /// What a client does to the connection it holds open while the emulators stop.
    enum HeldConnection: String, CaseIterable, Sendable {
        /// One complete request answered, then nothing: an idle keep-alive connection.
        case idleKeepAlive
        /// Headers and part of a body, then nothing.
        case partialRequest
        /// Part of a request, then the client closes its sending side and waits.
        case halfClosed
        /// A complete request that a 60-second latency fault holds in flight.
        case slowAnswer
    }

    @Test("a stop finishes within its deadline whatever a client holds open", arguments: HeldConnection.allCases)
    func stopDeadline(held: HeldConnection) async throws {
        let log = RecordingLogHandler.Records()
        let logger = Logger(label: "adops-mock") { RecordingLogHandler(label: $0, records: log) }
        let deadline = Duration.seconds(5)
        let configuration = MockPlatformsConfiguration(port: 0, shutdownTimeout: deadline)
        let holding = try await Self.finishes(within: .seconds(60)) {
            try await MockPlatforms.withRunning(configuration: configuration, logger: logger) { running in
                try await Self.hold(held, on: running)
            }
        }
        let stopped = ContinuousClock.now
        let holdingValue = try #require(holding, "the emulators were still stopping after a minute; deadline 5 s")
        let elapsed = stopped - holdingValue.stopping
        try? await holdingValue.channel?.close()
        // The full suite runs hundreds of tests at once on two cores, so the slack is generous.
        #expect(elapsed < deadline + .seconds(10), "stopping took \(elapsed)")
        let warnings = log.atOrAbove(.warning)
        switch held {
        case .idleKeepAlive, .halfClosed:
            // An idle connection closes at once, and a client's end of input ends its request: no deadline needed.
            // The deadline's cut-off logs a warning, so no warning before the deadline is the proof. Beside the
            // full suite on two cores the stop was seen to pass 5 s both ways: graceful but late, and cut off with
            // its one warning. Neither is wrong then; a warning before the deadline is.
            #expect(warnings.count <= 1 && (warnings.isEmpty || elapsed >= deadline), "\(elapsed) \(warnings)")
            #expect(elapsed < deadline + .seconds(5), "stopping took \(elapsed)")
        case .slowAnswer:
            #expect(elapsed >= deadline)
            #expect(
                warnings.count == 1 && warnings.allSatisfy { $0.level == .warning && $0.message.contains("closed") },
                "\(warnings)")
        case .partialRequest:
            // Under load the server may not have read the head yet, and then closes the connection as idle.
            #expect(warnings.count <= 1 && (warnings.isEmpty || elapsed >= deadline), "\(elapsed) \(warnings)")
        }
    }

    /// A connection a client holds, and when the emulators were told to stop.
    struct Holding: Sendable {
        var channel: (any Channel)?
        var stopping: ContinuousClock.Instant
    }

    /// Opens a connection to the emulators and leaves it as `held` describes.
    static func hold(_ held: HeldConnection, on running: MockPlatforms.Running) async throws -> Holding {
        if held == .idleKeepAlive {
            // A whole exchange through a pooling client, which keeps the connection open afterwards.
            _ = try await ControlClient(baseURL: running.baseURL).call(.get, "/v21.0/me")
            return Holding(channel: nil, stopping: .now)
        }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .connect(host: "127.0.0.1", port: running.port).get()
        let partial = "POST /v21.0/act_1/campaigns HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nname=x"
        switch held {
        case .idleKeepAlive, .partialRequest:
            try await channel.writeAndFlush(ByteBuffer(string: partial))
            try await Task.sleep(for: .milliseconds(300))
        case .halfClosed:
            try await channel.writeAndFlush(ByteBuffer(string: partial))
            try await channel.close(mode: .output)
            try await Task.sleep(for: .milliseconds(300))
        case .slowAnswer:
            _ = running.mock.faults.add(FaultRule(platform: "meta", kind: .latency, latencyMilliseconds: 60_000))
            try await channel.writeAndFlush(ByteBuffer(string: "GET /v21.0/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
            // The rule fires when the request reaches the emulator, so the request is in flight from then on.
            while running.mock.faults.rules.first?.fired != 1 { try await Task.sleep(for: .milliseconds(20)) }
        }
        return Holding(channel: channel, stopping: .now)
    }

    /// The operation's result, or `nil` when it has not finished within `limit`.
    static func finishes<T: Sendable>(
        within limit: Duration, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
