/// The seam between platform modules and the network.
///
/// Platform modules build ``PlatformHTTPRequest`` values and parse ``PlatformHTTPResponse`` values; a transport
/// only moves bytes. Tests substitute a transport that answers from fixtures.
public protocol HTTPTransport: Sendable {
    /// Sends a request and returns the whole response. Throws ``AdPlatformError`` with code `transient` when the
    /// request could not be completed (connection refused, timeout, dropped connection).
    func send(_ request: PlatformHTTPRequest) async throws -> PlatformHTTPResponse
}
