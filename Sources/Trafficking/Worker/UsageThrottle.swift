import AdPlatformKit
import Foundation
import Synchronization

/// The usage the platforms report in their answers' headers (``UsageSignal``), per platform and ad account, and until
/// when an account's calls wait because of it. One throttle is shared by every unit of work in a process, like the
/// ``RateBudget``, so a sync and a launch on one account see the same usage.
///
/// A reading at or above ``threshold`` percent holds the account's next calls (every account's of the platform,
/// for an app-wide signal) until the signal's reset, or for ``unknownResetWait`` where the platform names none. So
/// does a reading that the last rise per call would take to the threshold, so the next call does not cross it:
/// the engine keeps under the line rather than stopping once over it.
public final class UsageThrottle: Sendable {
    /// The share of any usage signal, in percent, at which calls wait (75).
    public let threshold: Double
    /// How long calls wait after a signal that reached the threshold but names no reset, such as Meta's
    /// `X-App-Usage`, whose window rolls over an hour.
    public let unknownResetWait: Duration

    private struct State {
        /// Until when the calls of a key (`platform/account`, or `platform/*` for the app) wait.
        var holds: [String: Date] = [:]
        /// The last reading of each signal of each key, to see how much a call adds.
        var readings: [String: Double] = [:]
    }
    private let state = Mutex(State())

    /// Creates a throttle that holds calls at `threshold` percent of any signal (75 by default).
    public init(threshold: Double = 75, unknownResetWait: Duration = .seconds(60)) {
        self.threshold = threshold
        self.unknownResetWait = unknownResetWait
    }

    /// Until when an account's calls wait: the later of its own hold and its platform's app-wide one; `nil` when
    /// neither was ever set.
    public func hold(platform: PlatformID, account: String) -> Date? {
        state.withLock { state in
            [state.holds[Self.key(platform, account)], state.holds[Self.key(platform, nil)]].compactMap { $0 }.max()
        }
    }

    /// Waits, with `sleep`, until the account's hold ends, if it lies after `clock`'s now. It sleeps once, for the
    /// whole wait, rather than looping on the clock: a test's sleep that returns at once must not spin.
    public func waitIfHeld(
        platform: PlatformID, account: String, clock: WallClock, sleep: @Sendable (Duration) async throws -> Void
    ) async throws {
        guard let until = hold(platform: platform, account: account) else { return }
        let seconds = until.timeIntervalSince(clock.now)
        guard seconds > 0 else { return }
        try await sleep(.milliseconds(Int64((seconds * 1000).rounded(.up))))
    }

    /// Notes the readings of one answer, received at `now`; returns the hold they set, if any.
    @discardableResult
    public func record(
        _ signals: [UsageSignal], platform: PlatformID, account: String, at now: Date
    ) -> Date? {
        guard !signals.isEmpty else { return nil }
        return state.withLock { state in
            var latest: Date?
            for signal in signals {
                let key = Self.key(platform, signal.scope == .app ? nil : account)
                let reading = key + " " + signal.name
                let rise = state.readings[reading].map { max(0, signal.percent - $0) } ?? 0
                state.readings[reading] = signal.percent
                guard signal.percent >= threshold || (rise > 0 && signal.percent + rise >= threshold) else { continue }
                let wait = signal.resetAfter ?? unknownResetWait
                let until = now.addingTimeInterval(
                    Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
                state.holds[key] = max(state.holds[key] ?? until, until)
                latest = max(latest ?? until, until)
            }
            return latest
        }
    }

    private static func key(_ platform: PlatformID, _ account: String?) -> String {
        "\(platform)/\(account ?? "*")"
    }
}
