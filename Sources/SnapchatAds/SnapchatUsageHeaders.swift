import AdPlatformKit
import Foundation

/// Reads Snapchat's `X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining` and `X-Rate-Limit-Reset` into one usage reading:
/// the share of the limit spent, and the wait until the window resets.
///
/// Whether `X-Rate-Limit-Reset` counts seconds until the reset or is an epoch time is not documented; as in
/// ``SnapchatErrorMapper/retryAfter(_:)``, a value above 10^9 is read as epoch seconds, a smaller one as seconds.
public enum SnapchatUsageHeaders {
    /// The reading, or none when the limit or the remaining count is absent or not a number.
    public static func signals(in headers: HTTPHeaderFields, at now: Date) -> [UsageSignal] {
        guard let limit = number(headers["X-Rate-Limit-Limit"]), limit > 0,
            let remaining = number(headers["X-Rate-Limit-Remaining"])
        else { return [] }
        let percent = max(0, limit - remaining) * 100 / limit
        var reset: Duration?
        if let value = number(headers["X-Rate-Limit-Reset"]) {
            let seconds = value > 1_000_000_000 ? value - now.timeIntervalSince1970 : value
            if seconds > 0 { reset = .milliseconds(Int64((seconds * 1000).rounded(.up))) }
        }
        return [UsageSignal(name: "X-Rate-Limit-Remaining", scope: .account, percent: percent, resetAfter: reset)]
    }

    private static func number(_ text: String?) -> Double? {
        guard let text, let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0
        else { return nil }
        return value
    }
}
