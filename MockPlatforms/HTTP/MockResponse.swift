import Foundation

/// A response an emulator answers with.
public struct MockResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields in order.
    public var headers: [(String, String)]
    /// The body.
    public var body: Data
    /// When set, the connection is closed instead of answering (an injected "dropped connection").
    public var dropsConnection = false

    /// Creates a response.
    public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response.
    public static func json(_ value: MockJSON, status: Int = 200, headers: [(String, String)] = []) -> MockResponse {
        MockResponse(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
            body: Data(value.serialized.utf8))
    }

    /// A text response with a content type.
    public static func text(
        _ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8"
    )
        -> MockResponse
    {
        MockResponse(status: status, headers: [("Content-Type", contentType)], body: Data(text.utf8))
    }

    /// A response whose connection is dropped before any byte is written.
    public static var dropped: MockResponse {
        var response = MockResponse(status: 500)
        response.dropsConnection = true
        return response
    }

    /// Adds headers.
    public func adding(_ extra: [(String, String)]) -> MockResponse {
        var copy = self
        copy.headers += extra
        return copy
    }
}
