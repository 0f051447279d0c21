import AdPlatformKit
import Foundation

/// Reads Meta's usage headers, each a JSON string of percentages [DOC: graph-api/overview/rate-limiting]:
///
/// - `X-App-Usage` (`call_count`, `total_time`, `total_cputime`): the app's hourly usage; no reset time.
/// - `X-Ad-Account-Usage` (`acc_id_util_pct`, `reset_time_duration` in seconds): the ad account's.
/// - `X-Business-Use-Case-Usage`, keyed by business or account id, a list of `{type, call_count, total_cputime,
///   total_time, estimated_time_to_regain_access}` per use case, the time to regain access in minutes.
/// - `x-fb-ads-insights-throttle` (`app_id_util_pct`, `acc_id_util_pct`): the insights throttle; no reset time.
///
/// A header that is absent or not such JSON gives no reading: usage headers inform pacing, they never fail a call.
public enum MetaUsageHeaders {
    /// Every reading in the headers, each field's share the largest of its counts.
    public static func signals(in headers: HTTPHeaderFields) -> [UsageSignal] {
        var signals: [UsageSignal] = []
        if let app = json(headers["X-App-Usage"]) {
            signals.append(
                UsageSignal(name: "X-App-Usage", scope: .app, percent: largest(app, of: countFields)))
        }
        if let account = json(headers["X-Ad-Account-Usage"]), let percent = account["acc_id_util_pct"]?.doubleValue {
            signals.append(
                UsageSignal(
                    name: "X-Ad-Account-Usage", scope: .account, percent: percent,
                    resetAfter: seconds(account["reset_time_duration"]?.doubleValue)))
        }
        if let business = json(headers["X-Business-Use-Case-Usage"])?.objectValue {
            for (id, uses) in business.sorted(by: { $0.key < $1.key }) {
                for use in uses.arrayValue ?? [] {
                    let type = use["type"]?.stringValue ?? "unknown"
                    let minutes = use["estimated_time_to_regain_access"]?.doubleValue
                    signals.append(
                        UsageSignal(
                            name: "X-Business-Use-Case-Usage \(id) \(type)", scope: .account,
                            percent: largest(use, of: countFields), resetAfter: seconds(minutes.map { $0 * 60 })))
                }
            }
        }
        if let insights = json(headers["x-fb-ads-insights-throttle"]) {
            if let percent = insights["app_id_util_pct"]?.doubleValue {
                signals.append(UsageSignal(name: "x-fb-ads-insights-throttle app", scope: .app, percent: percent))
            }
            if let percent = insights["acc_id_util_pct"]?.doubleValue {
                signals.append(
                    UsageSignal(name: "x-fb-ads-insights-throttle account", scope: .account, percent: percent))
            }
        }
        return signals
    }

    /// The fields that count usage in `X-App-Usage` and each Business Use Case entry.
    private static let countFields = ["call_count", "total_time", "total_cputime"]

    private static func json(_ text: String?) -> JSONValue? {
        guard let text, !text.isEmpty else { return nil }
        return try? JSONValue(parsing: Data(text.utf8))
    }

    private static func largest(_ value: JSONValue, of fields: [String]) -> Double {
        fields.compactMap { value[$0]?.doubleValue }.max() ?? 0
    }

    /// A positive number of seconds as a duration; zero and absent mean the platform named no wait.
    private static func seconds(_ value: Double?) -> Duration? {
        guard let value, value.isFinite, value > 0 else { return nil }
        return .milliseconds(Int64((value * 1000).rounded(.up)))
    }
}
