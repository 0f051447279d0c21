import Foundation

/// A platform that reports how much of its limits is used in its answers' headers (Meta's usage headers,
/// Snapchat's `X-Rate-Limit-*`). Reading them is pure: it needs no call, so the registry answers it without a
/// pipeline (``RegisteredPlatform/usageSignals(in:at:)``).
///
/// Platforms that send no usage headers (TikTok, Google Ads) do not conform; their limits show only as errors,
/// which their modules map to `rateLimited` with a retry-after where the platform gives one.
public protocol UsageReporting: AdPlatform {
    /// The usage readings in one answer, any status; empty when it carries none. `now` turns an absolute reset
    /// time into a duration.
    func usageSignals(in response: PlatformHTTPResponse, at now: Date) -> [UsageSignal]
}
