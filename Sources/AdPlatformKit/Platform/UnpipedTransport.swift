/// The transport under a registry's specimen modules, which exist only to answer capabilities: a call through it is
/// a bug, so it fails loudly instead of reaching the platform without a pipeline.
struct UnpipedTransport: HTTPTransport {
    /// The platform the specimen is of, for the message.
    let platform: PlatformID

    func send(_ request: PlatformHTTPRequest) async throws -> PlatformHTTPResponse {
        throw AdPlatformError(
            code: .permanent,
            message: "\(platform) was called without a pipeline; ask the registry for a module through one "
                + "(PlatformRegistry.platform(_:through:))",
            platform: platform)
    }
}
