import AdPlatformKit
import Foundation

/// Keeps an account's calls under its platform's usage signals: before a call it waits out the account's hold in
/// the ``UsageThrottle``, and after it hands the answer's usage headers (read by the platform's module,
/// ``UsageReporting``) to the throttle, which holds the next calls at the threshold until the reset.
///
/// Waits run on the injected sleep against the injected wall clock, never the system's, so a test moves a manual
/// clock through a reset instead of waiting for it. Platforms without usage headers (TikTok, Google Ads) pass
/// straight through; their limits arrive as `rateLimited` errors, which the engine retries after their retry-after.
public struct UsageSignalMiddleware: ClientMiddleware {
    /// The usage state, shared by every unit of work in the process.
    public let throttle: UsageThrottle
    /// The platform, which reads its own headers.
    public let platform: RegisteredPlatform
    /// The platform's id of the ad account the calls are made for.
    public let account: String
    /// The clock holds are measured on.
    public let clock: WallClock
    private let sleep: @Sendable (Duration) async throws -> Void

    /// Keeps `account`'s calls on `platform` under `throttle`'s threshold, waiting with `sleep` on `clock`.
    public init(
        throttle: UsageThrottle, platform: RegisteredPlatform, account: String, clock: WallClock,
        sleep: @escaping @Sendable (Duration) async throws -> Void
    ) {
        self.throttle = throttle
        self.platform = platform
        self.account = account
        self.clock = clock
        self.sleep = sleep
    }

    /// Waits out a hold, sends the call on, and records the usage its answer reports.
    public func intercept(
        _ request: PlatformHTTPRequest, next: @Sendable (PlatformHTTPRequest) async throws -> PlatformHTTPResponse
    ) async throws -> PlatformHTTPResponse {
        try await throttle.waitIfHeld(platform: platform.id, account: account, clock: clock, sleep: sleep)
        let response = try await next(request)
        let now = clock.now
        throttle.record(platform.usageSignals(in: response, at: now), platform: platform.id, account: account, at: now)
        return response
    }
}
