import Foundation

/// The one source of the time of day. The engine, the worker, the ticket intake, the emulators' world, the demo and
/// the benchmark ask a `WallClock` what time it is and never read the system clock themselves, so that tests, the
/// demo and offline runs behave the same on any date.
///
/// ```swift
/// let clock = try WallClock.fromEnvironment(ProcessInfo.processInfo.environment)  // honours ADOPS_NOW
/// let lease = clock.now.addingTimeInterval(60)
/// ```
public struct WallClock: Sendable {
    /// The variable that starts the clock at a given instant: `ADOPS_NOW=2031-06-15T12:00:00Z`.
    public static let environmentVariable = "ADOPS_NOW"

    private let read: @Sendable () -> Date

    /// A clock that answers with `read`.
    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    /// The current time by this clock.
    public var now: Date { read() }

    /// The system's clock: the only place AdOps Lab reads the real time of day.
    public static let system = WallClock { Date() }

    /// A clock that reads `start` now and then runs on at the rate of `base`, as a clock set to another date would.
    public static func starting(at start: Date, base: WallClock = .system) -> WallClock {
        let offset = start.timeIntervalSince(base.now)
        return WallClock { base.now.addingTimeInterval(offset) }
    }

    /// A clock that always reads `instant`; for tests of pure logic.
    public static func fixed(at instant: Date) -> WallClock {
        WallClock { instant }
    }

    /// The system clock, or, when `ADOPS_NOW` is set, a clock that starts at that instant and runs on from there.
    /// Throws ``WallClockError`` naming the variable when its value is not an ISO-8601 instant.
    public static func fromEnvironment(_ environment: [String: String]) throws -> WallClock {
        guard let text = environment[environmentVariable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty
        else {
            return .system
        }
        guard let start = parseInstant(text) else {
            throw WallClockError(
                variable: environmentVariable,
                message: "'\(text)' is not an ISO-8601 instant such as 2031-06-15T12:00:00Z")
        }
        return .starting(at: start)
    }

    /// Reads an ISO-8601 instant with a zone (`Z` or an offset), with or without fractional seconds.
    public static func parseInstant(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
