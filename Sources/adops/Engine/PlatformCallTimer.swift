import AdPlatformKit
import Foundation
import Synchronization

/// A transport hook for `adops benchmark --actions`: notes when each platform call leaves for the emulator, then
/// sends it on. Timed by the monotonic clock, never the wall clock.
final class PlatformCallTimer: HTTPTransport {
    /// One call as it left.
    struct Call: Sendable {
        /// When it was handed to the emulator's transport.
        var at: ContinuousClock.Instant
        /// `GET`, `POST`, …
        var method: HTTPMethod
        /// The URL's path.
        var path: String
    }

    private let base: any HTTPTransport
    private let calls = Mutex<[Call]>([])

    /// Times the calls sent through `base`.
    init(wrapping base: any HTTPTransport) { self.base = base }

    func send(_ request: PlatformHTTPRequest) async throws -> PlatformHTTPResponse {
        let call = Call(at: .now, method: request.method, path: request.url.path)
        calls.withLock { $0.append(call) }
        return try await base.send(request)
    }

    /// The calls sent at or after `instant`, oldest first.
    func calls(since instant: ContinuousClock.Instant) -> [Call] {
        calls.withLock { $0.filter { $0.at >= instant } }
    }

    /// Forgets the calls noted so far, so a long run keeps its memory bounded.
    func reset() { calls.withLock { $0.removeAll(keepingCapacity: true) } }
}
