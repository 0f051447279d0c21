import Foundation

/// A request as an emulator sees it: method, path, decoded query, headers and the whole body.
public struct MockRequest: Sendable {
    /// The method, upper case.
    public var method: String
    /// The path without the query, e.g. `/v26.0/act_1/campaigns`.
    public var path: String
    /// The path's segments, without empty ones; a trailing slash is kept in ``hasTrailingSlash``.
    public var segments: [Substring]
    /// Whether the path ended in `/`.
    public var hasTrailingSlash: Bool
    /// The decoded query parameters, in order.
    public var query: [(String, String)]
    /// Header fields, names lower-cased.
    public var headers: [String: String]
    /// The body.
    public var body: Data
    /// When the request arrived, by the emulators' configured wall clock (request ids and the journal use it).
    public var receivedAt: Date

    /// Creates a request from its parts; the query string is decoded here.
    public init(
        method: String, path: String, queryString: Substring?, headers: [String: String], body: Data, receivedAt: Date
    ) {
        self.method = method.uppercased()
        self.path = path
        self.segments = path.split(separator: "/", omittingEmptySubsequences: true)
        self.hasTrailingSlash = path.count > 1 && path.hasSuffix("/")
        self.query = queryString.map(MockForm.decode) ?? []
        self.headers = headers
        self.body = body
        self.receivedAt = receivedAt
    }

    /// The first query value of a name.
    public func queryValue(_ name: String) -> String? { query.first { $0.0 == name }?.1 }

    /// A header, by lower-case name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The content type without parameters, lower case.
    public var mediaType: String {
        (header("content-type") ?? "").split(separator: ";").first.map {
            $0.trimmingHTTPWhitespace.lowercased()
        } ?? ""
    }

    /// The body as form pairs (for `application/x-www-form-urlencoded`).
    public var formPairs: [(String, String)] { MockForm.decode(Substring(String(decoding: body, as: UTF8.self))) }

    /// The body as JSON, or `nil` when it is not JSON.
    public var json: MockJSON? { MockJSON.parse(body) }

    /// The body's multipart parts, or `nil` when it is not multipart.
    public var multipart: [MockMultipartPart]? { MockMultipart.parse(body, contentType: header("content-type") ?? "") }
}
