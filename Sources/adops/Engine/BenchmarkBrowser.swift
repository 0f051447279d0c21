import AdPlatformKit
import Foundation

/// A minimal browser for measuring the console: it signs in through the form, keeps the session cookie, and sums
/// what a first load fetches.
final class BenchmarkBrowser: @unchecked Sendable {
    /// The console's origin, `http://127.0.0.1:PORT`.
    let base: String
    /// Where requests go.
    let transport: any HTTPTransport
    /// `name=value` pairs sent back; set only by ``signIn(key:)`` before any concurrent use.
    private var cookies: [String: String] = [:]

    init(base: String, transport: any HTTPTransport) {
        self.base = base
        self.transport = transport
    }

    /// Signs in with `key` through the sign-in form, as a person would.
    func signIn(key: String) async throws {
        let form = try await send(.get, "/sign-in", body: nil)
        let page = String(decoding: form.body, as: UTF8.self)
        guard let range = page.range(of: #"name="_csrf" value=""#),
            let end = page[range.upperBound...].firstIndex(of: "\"")
        else {
            throw ConfigurationError(variable: "/sign-in", message: "the sign-in form has no _csrf field")
        }
        let token = String(page[range.upperBound..<end])
        let answer = try await send(
            .post, "/sign-in", body: Data("_csrf=\(token)&next=%2F&key=\(key)".utf8))
        guard answer.status == 303, cookies["adops_session"] != nil else {
            throw ConfigurationError(variable: "/sign-in", message: "answered \(answer.status) without a session")
        }
    }

    /// `GET path` with the session.
    func get(_ path: String) async throws -> PlatformHTTPResponse { try await send(.get, path, body: nil) }

    /// The page's bytes plus those of every `/assets/…` file it links, once each: what a first visit downloads.
    func firstLoadBytes(of page: Data) async throws -> Int {
        let text = String(decoding: page, as: UTF8.self)
        var assets = Set<String>()
        var rest = text[...]
        while let range = rest.range(of: "\"/assets/") {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            assets.insert("/assets/" + after[..<end].replacingOccurrences(of: "&amp;", with: "&"))
            rest = after[end...]
        }
        var total = page.count
        for asset in assets.sorted() { total += try await get(asset).body.count }
        return total
    }

    private func send(_ method: HTTPMethod, _ path: String, body: Data?) async throws -> PlatformHTTPResponse {
        guard let url = URL(string: base + path) else {
            throw ConfigurationError(variable: path, message: "cannot form the URL")
        }
        var headers: HTTPHeaderFields = [:]
        if !cookies.isEmpty {
            headers["cookie"] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                separator: "; ")
        }
        if body != nil { headers["content-type"] = "application/x-www-form-urlencoded" }
        let response = try await transport.send(
            PlatformHTTPRequest(method: method, url: url, headers: headers, body: body))
        for field in response.headers where field.name.lowercased() == "set-cookie" {
            let pair = field.value.split(separator: ";", maxSplits: 1)[0].split(
                separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 2 { cookies[String(pair[0])] = pair[1].isEmpty ? nil : String(pair[1]) }
        }
        return response
    }
}
