import AdPlatformKit
import Foundation

/// An emulator's preview page as a browser would fetch it, and the iframe `src` it is reached by.
struct FetchedPreviewPage {
    let status: Int
    let contentType: String
    let html: String

    /// Fetches a preview page by its absolute link.
    static func fetch(_ link: String) async throws -> FetchedPreviewPage {
        guard let url = URL(string: link) else { throw URLError(.badURL) }
        let response = try await AsyncHTTPClientTransport().send(PlatformHTTPRequest(method: .get, url: url))
        return FetchedPreviewPage(
            status: response.status, contentType: response.headers["Content-Type"] ?? "",
            html: String(decoding: response.body, as: UTF8.self))
    }

    /// Any answer's status, type and bytes, such as an uploaded image the emulator serves.
    static func fetchBytes(_ link: String) async throws -> (status: Int, contentType: String, body: Data) {
        guard let url = URL(string: link) else { throw URLError(.badURL) }
        let response = try await AsyncHTTPClientTransport().send(PlatformHTTPRequest(method: .get, url: url))
        return (response.status, response.headers["Content-Type"] ?? "", response.body)
    }

    /// The `src` of the first `<iframe>` in an embed snippet, with `&amp;` decoded.
    static func iframeSource(_ html: String) -> String? {
        guard let start = html.range(of: "<iframe src=\""),
            let end = html[start.upperBound...].firstIndex(of: "\"")
        else { return nil }
        return html[start.upperBound..<end].replacingOccurrences(of: "&amp;", with: "&")
    }
}
