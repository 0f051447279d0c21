/// The middleware that paces a pipeline's calls: a ``ClientPipeline`` cannot be built without one, so no platform
/// call skips its rate budget unless someone wrote `.unlimited` to say so.
///
/// It runs first, before every other middleware, so that waiting for the budget is not counted as the call's time.
public protocol RateLimitMiddleware: ClientMiddleware {}

extension RateLimitMiddleware where Self == UnlimitedRate {
    /// No pacing at all, said out loud: for tests, and for calls that are not an ad account's work.
    public static var unlimited: UnlimitedRate { UnlimitedRate() }
}
