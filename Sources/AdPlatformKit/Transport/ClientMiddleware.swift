/// One stage of a ``ClientPipeline``: it sees every platform call on its way to the transport and every answer on
/// its way back, as swift-openapi-runtime's `ClientMiddleware` does.
///
/// A middleware may change the request, wait before passing it on (a rate budget), record the call (a call log),
/// or read the answer (usage headers). It calls `next` at most once per call it passes on; `next` is the rest of the
/// pipeline, ending in the transport.
///
/// ```swift
/// struct Stamp: ClientMiddleware {
///     func intercept(
///         _ request: PlatformHTTPRequest, next: @Sendable (PlatformHTTPRequest) async throws -> PlatformHTTPResponse
///     ) async throws -> PlatformHTTPResponse {
///         var request = request
///         request.headers["X-Request-Source"] = "adops"
///         return try await next(request)
///     }
/// }
/// ```
public protocol ClientMiddleware: Sendable {
    /// Handles one call: passes it, perhaps changed, to `next`, and returns the answer, perhaps after reading it.
    func intercept(
        _ request: PlatformHTTPRequest, next: @Sendable (PlatformHTTPRequest) async throws -> PlatformHTTPResponse
    ) async throws -> PlatformHTTPResponse
}
