/// A request budget for a platform's ad accounts: at most ``limit`` requests per ``windowSeconds``.
public struct RateLimitBudget: Sendable, Codable, Hashable {
    /// The platform.
    public var platform: String
    /// One account, or `nil` for every account of the platform (each counted separately).
    public var account: String?
    /// Requests allowed per window.
    public var limit: Int
    /// The window length, in seconds of real time.
    public var windowSeconds: Double
    /// The platform code to answer with when spent, where the platform has several (Meta `17`, `613`, `80004`).
    public var code: String?

    /// Creates a budget.
    public init(platform: String, account: String? = nil, limit: Int, windowSeconds: Double, code: String? = nil) {
        self.platform = platform
        self.account = account
        self.limit = limit
        self.windowSeconds = windowSeconds
        self.code = code
    }
}

/// How much of an account's budget is used, for usage headers and rate-limit answers.
public struct RateLimitUsage: Sendable, Hashable {
    /// The budget that applies.
    public var budget: RateLimitBudget
    /// The account counted.
    public var account: String
    /// Requests counted in the current window, including this one.
    public var used: Int
    /// Seconds until the window resets.
    public var resetSeconds: Double
    /// Whether this request is over the limit.
    public var exceeded: Bool

    /// Percentage of the budget used, 0–100 and beyond.
    public var percentUsed: Double { budget.limit > 0 ? Double(used) * 100 / Double(budget.limit) : 100 }
    /// Requests left in the window.
    public var remaining: Int { max(0, budget.limit - used) }
}
