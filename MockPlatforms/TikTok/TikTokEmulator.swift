/// Placeholder until the TikTok emulator lands: claims no request.
public struct TikTokEmulator: PlatformEmulator {
    /// Creates the emulator.
    public init() {}
    /// `tiktok`.
    public var platform: String { "tiktok" }
    /// Claims nothing yet.
    public func claims(_ request: MockRequest) -> Bool { false }
    /// None.
    public func accountID(for request: MockRequest) -> String? { nil }
    /// Not reached.
    public func handle(_ request: MockRequest, world: MockWorld) async -> MockResponse { MockResponse(status: 501) }
    /// Not reached.
    public func faultResponse(_ fault: InjectedFault, for request: MockRequest) -> MockResponse { MockResponse(status: 501) }
    /// Not reached.
    public func rateLimitedResponse(_ usage: RateLimitUsage, for request: MockRequest) -> MockResponse { MockResponse(status: 429) }
    /// None.
    public func usageHeaders(_ usage: RateLimitUsage, for request: MockRequest) -> [(String, String)] { [] }
    /// Not reached.
    public func bodyTooLargeResponse(limit: Int, for request: MockRequest) -> MockResponse { MockResponse(status: 413) }
}
