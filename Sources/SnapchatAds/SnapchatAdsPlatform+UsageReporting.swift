import AdPlatformKit
import Foundation

extension SnapchatAdsPlatform: UsageReporting {
    /// Snapchat's `X-Rate-Limit-*` headers (``SnapchatUsageHeaders``).
    public func usageSignals(in response: PlatformHTTPResponse, at now: Date) -> [UsageSignal] {
        SnapchatUsageHeaders.signals(in: response.headers, at: now)
    }
}
