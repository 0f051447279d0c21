import AdPlatformKit
import AdPlatformTesting
import Foundation
import Logging
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
}
