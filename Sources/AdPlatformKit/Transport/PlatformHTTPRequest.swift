import Foundation

/// A platform HTTP request as a plain value: built by a platform module, sent by an ``HTTPTransport``, and
/// inspected by tests without a socket.
public struct PlatformHTTPRequest: Sendable, Hashable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute URL, with any query string already encoded.
    public var url: URL
    /// The header fields, including authentication and `Content-Type`.
    public var headers: HTTPHeaderFields
    /// The body bytes, if any.
    public var body: Data?

    /// Creates a request.
    public init(method: HTTPMethod, url: URL, headers: HTTPHeaderFields = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The query parameters, decoded, in order; convenient for tests.
    public var queryItems: [(name: String, value: String)] {
        guard let query = url.query(percentEncoded: true), !query.isEmpty else { return [] }
        return FormURLEncoding.decode(query)
    }

    /// The first query parameter of a name.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
