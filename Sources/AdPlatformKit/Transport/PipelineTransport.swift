/// A transport that sends each request through a chain of middlewares, the first outermost, and then through a
/// base transport; what ``ClientPipeline/transport(over:)`` builds.
///
/// The chain is composed once, when the transport is made, not on every call.
public struct PipelineTransport: HTTPTransport {
    private let chain: @Sendable (PlatformHTTPRequest) async throws -> PlatformHTTPResponse

    /// Composes `middlewares`, the first outermost, around `base`.
    public init(base: any HTTPTransport, middlewares: [any ClientMiddleware]) {
        var next: @Sendable (PlatformHTTPRequest) async throws -> PlatformHTTPResponse = { request in
            try await base.send(request)
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { request in try await middleware.intercept(request, next: inner) }
        }
        chain = next
    }

    /// Sends the request through the middlewares and the base transport.
    public func send(_ request: PlatformHTTPRequest) async throws -> PlatformHTTPResponse {
        try await chain(request)
    }
}
