import AdPlatformKit
import Foundation
import Testing

@testable import MockPlatforms

/// Sends control-plane and platform requests to a running emulator.
struct ControlClient: Sendable {
    let baseURL: URL
    let transport = AsyncHTTPClientTransport()

    /// The status (0 when the connection was dropped) and the parsed JSON body.
    func call(
        _ method: AdPlatformKit.HTTPMethod, _ path: String, _ body: String? = nil
    ) async throws -> (
        Int, MockJSON?
    ) {
        let url = try #require(URL(string: baseURL.absoluteString + path))
        do {
            let response = try await transport.send(
                PlatformHTTPRequest(method: method, url: url, body: body.map { Data($0.utf8) }))
            return (response.status, MockJSON.parse(response.body))
        } catch {
            return (0, nil)
        }
    }
}
