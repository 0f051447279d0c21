/// Placeholder until the Google emulator lands: claims no request.
public struct GoogleAdsEmulator: PlatformEmulator {
    /// Creates the emulator.
    public init() {}
    /// `google`.
    public var platform: String { "google" }
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
