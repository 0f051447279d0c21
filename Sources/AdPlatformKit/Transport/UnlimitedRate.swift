/// A rate limit that never waits: what a pipeline is given where pacing is truly not wanted, such as a test
/// against a scripted transport. Writing it out keeps the choice visible in review.
public struct UnlimitedRate: RateLimitMiddleware {
    /// Creates the rate limit that never waits.
    public init() {}

    /// Passes the call straight on.
    public func intercept(
        _ request: PlatformHTTPRequest, next: @Sendable (PlatformHTTPRequest) async throws -> PlatformHTTPResponse
    ) async throws -> PlatformHTTPResponse {
        try await next(request)
    }
}
