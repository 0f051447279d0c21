import AdPlatformKit
import Foundation
import Synchronization

/// An ``HTTPTransport`` for tests: it records every request and answers from a script, without sockets.
///
/// ```swift
/// let transport = ScriptedTransport()
/// transport.enqueue(status: 200, json: #"{"id":"120210000000000001"}"#)
/// let platform = MetaAdsPlatform(transport: transport)
/// ```
public final class ScriptedTransport: HTTPTransport {
    private struct State {
        var queued: [PlatformHTTPResponse] = []
        var handler: (@Sendable (PlatformHTTPRequest) throws -> PlatformHTTPResponse)?
        var requests: [PlatformHTTPRequest] = []
    }

    private let state = Mutex(State())

    /// Creates a transport with an optional handler for requests the queue does not answer.
    public init(handler: (@Sendable (PlatformHTTPRequest) throws -> PlatformHTTPResponse)? = nil) {
        state.withLock { $0.handler = handler }
    }

    /// Queues a response; queued responses answer requests in order before the handler does.
    public func enqueue(_ response: PlatformHTTPResponse) {
        state.withLock { $0.queued.append(response) }
    }

    /// Queues a JSON response with a status and optional headers.
    public func enqueue(status: Int = 200, json: String, headers: HTTPHeaderFields = [:]) {
        var fields = headers
        fields["Content-Type"] = "application/json"
        enqueue(PlatformHTTPResponse(status: status, headers: fields, body: Data(json.utf8)))
    }

    /// Every request sent so far, in order.
    public var requests: [PlatformHTTPRequest] { state.withLock { $0.requests } }

    /// The last request sent.
    public var lastRequest: PlatformHTTPRequest? { state.withLock { $0.requests.last } }

    /// Records the request and answers it from the queue, else the handler; with neither, fails the call as
    /// `transient` so a test that forgot a response sees why.
    public func send(_ request: PlatformHTTPRequest) async throws -> PlatformHTTPResponse {
        let (next, handler) = state.withLock {
            state -> (PlatformHTTPResponse?, (@Sendable (PlatformHTTPRequest) throws -> PlatformHTTPResponse)?) in
            state.requests.append(request)
            if state.queued.isEmpty { return (nil, state.handler) }
            return (state.queued.removeFirst(), state.handler)
        }
        if let next { return next }
        if let handler { return try handler(request) }
        throw AdPlatformError(
            code: .transient, message: "ScriptedTransport has no response for \(request.method.rawValue) \(request.url)"
        )
    }
}
