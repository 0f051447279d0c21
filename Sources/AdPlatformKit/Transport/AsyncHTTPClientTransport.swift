import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The production ``HTTPTransport``, backed by AsyncHTTPClient.
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// Limits a transport applies to every request.
    public struct Configuration: Sendable {
        /// How long a whole request may take, from connect to the last body byte.
        public var timeout: Duration
        /// The largest response body accepted; larger bodies fail as `malformedResponse`.
        public var maximumResponseBytes: Int

        /// Creates a configuration; the defaults suit the platform APIs (30 s, 32 MiB).
        public init(timeout: Duration = .seconds(30), maximumResponseBytes: Int = 32 * 1024 * 1024) {
            self.timeout = timeout
            self.maximumResponseBytes = maximumResponseBytes
        }
    }

    private let client: HTTPClient
    private let configuration: Configuration

    /// Creates a transport on an existing client; by default the process-wide shared client.
    public init(client: HTTPClient = .shared, configuration: Configuration = Configuration()) {
        self.client = client
        self.configuration = configuration
    }

    /// Sends the request; connection failures and timeouts become `transient` errors.
    public func send(_ request: PlatformHTTPRequest) async throws -> PlatformHTTPResponse {
        var outbound = HTTPClientRequest(url: request.url.absoluteString)
        outbound.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headers {
            outbound.headers.add(name: field.name, value: field.value)
        }
        if let body = request.body {
            outbound.body = .bytes(ByteBuffer(data: body))
        }
        let timeout = TimeAmount.nanoseconds(
            configuration.timeout.components.seconds * 1_000_000_000
                + configuration.timeout.components.attoseconds / 1_000_000_000)
        do {
            let response = try await client.execute(outbound, timeout: timeout)
            let body = try await response.body.collect(upTo: configuration.maximumResponseBytes)
            var headers = HTTPHeaderFields()
            for (name, value) in response.headers {
                headers.append(name: name, value: value)
            }
            return PlatformHTTPResponse(
                status: Int(response.status.code), headers: headers, body: Data(buffer: body))
        } catch let error as NIOTooManyBytesError {
            throw AdPlatformError(
                code: .malformedResponse,
                message:
                    "response from \(request.url.host ?? "?") exceeded \(configuration.maximumResponseBytes) bytes",
                cause: error)
        } catch {
            throw AdPlatformError(
                code: .transient,
                message: "\(request.method.rawValue) \(request.url.path) failed before a response: \(error)",
                cause: error)
        }
    }
}
