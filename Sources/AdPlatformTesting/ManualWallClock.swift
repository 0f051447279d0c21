import AdPlatformKit
import Foundation
import Synchronization

/// A wall clock that tests start where they like and move forward by hand, instead of waiting on the real one.
///
/// It runs on at the real rate from its start (so that time-ordered ids and timestamps still order), unless it
/// is made frozen. ``fromEnvironment()`` starts it at `ADOPS_NOW` when that is set, so that CI can run the same
/// suites years ahead of today. Hand ``clock`` to whatever asks the time: the store, the emulators.
public final class ManualWallClock: Sendable {
    private let base: WallClock
    private let offset = Mutex<TimeInterval>(0)

    /// A clock that reads `start` now; it then runs on at the real rate, or stands still when `frozen`.
    public init(start: Date, frozen: Bool = false) {
        base = frozen ? .fixed(at: start) : .starting(at: start)
    }

    /// A clock that starts at `ADOPS_NOW` (an ISO-8601 instant) when set, else at the real time, to the second;
    /// it runs on unless `frozen` (for tests that reason about leases, where a slow machine must not move time).
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment, frozen: Bool = false
    ) -> ManualWallClock {
        let start = ((try? WallClock.fromEnvironment(environment)) ?? .system).now
        return ManualWallClock(
            start: Date(timeIntervalSince1970: start.timeIntervalSince1970.rounded(.down)), frozen: frozen)
    }

    /// The current reading.
    public var now: Date { base.now.addingTimeInterval(offset.withLock { $0 }) }

    /// The clock to inject.
    public var clock: WallClock { WallClock { [self] in now } }

    /// Moves the clock forward by `seconds`; returns the new reading.
    @discardableResult
    public func advance(by seconds: TimeInterval) -> Date {
        offset.withLock { $0 += max(0, seconds) }
        return now
    }

    /// Sleeps on this clock: moves it forward by `duration` at once. Hand it to whatever takes an injectable sleep
    /// (the engine's worker configuration, a usage hold), so a test passes a wait without spending it.
    public func sleep(for duration: Duration) async throws {
        advance(by: duration)
    }

    /// Moves the clock forward by `duration`; returns the new reading.
    @discardableResult
    public func advance(by duration: Duration) -> Date {
        advance(by: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
