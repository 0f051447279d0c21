import AdPlatformKit
import Foundation

extension MetaAdsPlatform: UsageReporting {
    /// Meta's usage headers (``MetaUsageHeaders``).
    public func usageSignals(in response: PlatformHTTPResponse, at now: Date) -> [UsageSignal] {
        MetaUsageHeaders.signals(in: response.headers)
    }
}
