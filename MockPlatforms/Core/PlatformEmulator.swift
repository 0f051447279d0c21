/// One platform's emulator: which requests it serves, how it answers them, and how it signals injected faults
/// and rate limits in its own shapes.
public protocol PlatformEmulator: Sendable {
    /// The platform id, e.g. `meta`.
    var platform: String { get }

    /// Whether a request belongs to this platform (by path, and host where relevant).
    func claims(_ request: MockRequest) -> Bool

    /// The ad account a request acts on, for rate-limit budgets and the journal; `nil` when none.
    func accountID(for request: MockRequest) -> String?

    /// The largest body this request may carry: 10 MiB for uploads, 1 MiB otherwise.
    func bodyLimit(for request: MockRequest) -> Int

    /// Answers a request. Never throws: every failure is a response in the platform's own error shape.
    func handle(_ request: MockRequest, world: MockWorld) async -> MockResponse

    /// The platform's answer to an injected fault (an HTTP status, or one of its own error codes).
    func faultResponse(_ fault: InjectedFault, for request: MockRequest) -> MockResponse

    /// The platform's answer when an account's rate-limit budget is spent.
    func rateLimitedResponse(_ usage: RateLimitUsage, for request: MockRequest) -> MockResponse

    /// Headers reporting rate-limit usage on every answer, as the platform sends them (Meta's usage headers,
    /// Snapchat's `X-Rate-Limit-*`); empty when the platform sends none.
    func usageHeaders(_ usage: RateLimitUsage, for request: MockRequest) -> [(String, String)]

    /// The platform's answer to a body over ``bodyLimit(for:)`` (HTTP 413).
    func bodyTooLargeResponse(limit: Int, for request: MockRequest) -> MockResponse
}

extension PlatformEmulator {
    /// 1 MiB.
    public func bodyLimit(for request: MockRequest) -> Int { 1 << 20 }
}

/// What an injected fault asks the platform to answer.
public struct InjectedFault: Sendable, Hashable {
    /// The HTTP status to answer with, when the rule gave one.
    public var status: Int?
    /// The platform's own error code, e.g. Meta `17`, TikTok `40100`, Snap `E3003`, Google `quotaError.RESOURCE_EXHAUSTED`.
    public var code: String?
    /// The platform's subcode, where it has them (Meta).
    public var subcode: String?
    /// A message to use instead of the platform's usual one.
    public var message: String?

    /// Creates a fault.
    public init(status: Int? = nil, code: String? = nil, subcode: String? = nil, message: String? = nil) {
        self.status = status
        self.code = code
        self.subcode = subcode
        self.message = message
    }
}
