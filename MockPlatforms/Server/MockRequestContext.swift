import Hummingbird
import Logging
import NIOCore

/// The request context: Hummingbird's core context plus the channel, so an injected "dropped connection" can
/// close it.
public struct MockRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The connection the request arrived on.
    public let channel: any Channel

    /// Creates a context from the server's source.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Bodies are collected by the responder with per-route limits, so Hummingbird's own limit is the largest.
    public var maxUploadSize: Int { 10 << 20 }
}
