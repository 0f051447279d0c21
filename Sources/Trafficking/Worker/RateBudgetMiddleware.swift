import AdPlatformKit

/// The engine's rate limit: before each call of a unit of work, it waits for a token of the account's
/// ``RateBudget``, so a healthy run stays under the platform's limits instead of discovering them through errors.
public struct RateBudgetMiddleware: RateLimitMiddleware {
    /// The budgets, shared by every unit of work in the process.
    public let budget: RateBudget
    /// The platform the calls go to.
    public let platform: PlatformID
    /// The platform's id of the ad account the calls are made for.
    public let account: String
    private let sleep: @Sendable (Duration) async throws -> Void

    /// Spends `budget` for `account` on `platform`, waiting with `sleep`.
    public init(
        budget: RateBudget, platform: PlatformID, account: String,
        sleep: @escaping @Sendable (Duration) async throws -> Void
    ) {
        self.budget = budget
        self.platform = platform
        self.account = account
        self.sleep = sleep
    }

    /// Waits for a token, then sends the call on.
    public func intercept(
        _ request: PlatformHTTPRequest, next: @Sendable (PlatformHTTPRequest) async throws -> PlatformHTTPResponse
    ) async throws -> PlatformHTTPResponse {
        try await budget.acquire(platform: platform, account: account, sleep: sleep)
        return try await next(request)
    }
}
