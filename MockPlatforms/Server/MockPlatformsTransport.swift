import AdPlatformKit
import Foundation

/// An `HTTPTransport` that hands requests straight to in-process emulators, without sockets: the same answers,
/// faults, rate limits and journal as over HTTP, for benchmarks and fast tests. A fault that drops the
/// connection surfaces as the `transient` error a real transport raises.
public struct MockPlatformsTransport: HTTPTransport {
    private let mock: MockPlatforms

    /// Creates a transport to these emulators.
    public init(mock: MockPlatforms) { self.mock = mock }

    /// Answers the request through the emulators.
    public func send(_ request: PlatformHTTPRequest) async throws -> PlatformHTTPResponse {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.lowercased()
            headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
        }
        if headers["host"] == nil, let host = request.url.host {
            headers["host"] = request.url.port.map { "\(host):\($0)" } ?? host
        }
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? request.url.path
        let mockRequest = MockRequest(
            method: request.method.rawValue, path: path.isEmpty ? "/" : path,
            queryString: components?.percentEncodedQuery.map { Substring($0) }, headers: headers,
            body: request.body ?? Data(), receivedAt: mock.configuration.clock.now)
        let response = await mock.respond(to: mockRequest, context: nil)
        if response.dropsConnection {
            throw AdPlatformError(
                code: .transient, message: "the emulator dropped the connection (injected fault)",
                httpStatus: nil)
        }
        var fields = HTTPHeaderFields()
        for (name, value) in response.headers { fields.append(name: name, value: value) }
        return PlatformHTTPResponse(status: response.status, headers: fields, body: response.body)
    }
}
