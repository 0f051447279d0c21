/// The middlewares every platform call of one unit of work goes through: a rate limit first, then the others in
/// the order given, then the transport.
///
/// A ``PlatformRegistry`` hands out platform modules only through a pipeline
/// (``PlatformRegistry/platform(_:through:)``), and a pipeline cannot be built without a ``RateLimitMiddleware``,
/// so a module the engine calls never skips its rate budget in silence. Build one per unit of work (a job, an
/// action, a sync run), with that work's context in its middlewares, rather than reading the context from a task
/// local.
///
/// ```swift
/// let pipeline = ClientPipeline(rateLimit: .unlimited, [CallLogMiddleware(...)])
/// let meta = try registry.platform(.meta, through: pipeline)
/// ```
public struct ClientPipeline: Sendable {
    /// Every middleware, outermost first: the rate limit, then the others in the order given.
    public let middlewares: [any ClientMiddleware]

    /// A pipeline that paces calls with `rateLimit`, then passes them through `middlewares`, the first outermost.
    public init(rateLimit: some RateLimitMiddleware, _ middlewares: [any ClientMiddleware] = []) {
        self.middlewares = [rateLimit] + middlewares
    }

    /// The transport that sends calls through the middlewares to `base`.
    public func transport(over base: any HTTPTransport) -> PipelineTransport {
        PipelineTransport(base: base, middlewares: middlewares)
    }
}
