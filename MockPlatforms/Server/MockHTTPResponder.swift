import AdPlatformKit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Adapts ``MockPlatforms`` to Hummingbird: collects the body within the platform's limit, then converts the
/// answer. One responder for every path keeps dispatch a few string comparisons.
struct MockHTTPResponder: HTTPResponder {
    let mock: MockPlatforms

    func respond(to request: Request, context: MockRequestContext) async throws -> Response {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
        }
        if let authority = request.head.authority, headers["host"] == nil { headers["host"] = authority }
        let path = request.uri.path
        let head = MockRequest(
            method: request.method.rawValue, path: path, queryString: request.uri.query.map { Substring($0) },
            headers: headers, body: Data(), receivedAt: mock.configuration.clock.now)
        let emulator = mock.emulators.first { $0.claims(head) }
        let limit = emulator?.bodyLimit(for: head) ?? (1 << 20)
        var full = head
        do {
            let buffer = try await request.body.collect(upTo: limit)
            full.body = Data(buffer.readableBytesView)
        } catch {
            let answer =
                emulator?.bodyTooLargeResponse(limit: limit, for: head)
                ?? .json(
                    .object([("error", .object([("message", .string("request body exceeds \(limit) bytes"))]))]),
                    status: 413)
            return Self.response(answer)
        }
        let answer = await mock.respond(to: full, claimedBy: emulator, context: context.channel)
        if !FaultRule.answerableStatuses.contains(answer.status) {
            mock.logger.warning(
                "answering 500 instead of status \(answer.status), which cannot end an HTTP exchange",
                metadata: ["method": "\(full.method)", "path": "\(full.path)"])
        }
        return Self.response(answer)
    }

    /// Converts an answer without trapping on any status: `HTTPResponse.Status` traps outside 0…999, and 1xx or a
    /// status outside 100…599 would leave the client unable to read the exchange, so those become 500. A 204 or
    /// 304 goes without its body, which HTTP forbids there and which the client would read as the next response.
    static func response(_ answer: MockResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        let code = FaultRule.answerableStatuses.contains(answer.status) ? answer.status : 500
        let body = code == 204 || code == 304 ? ByteBuffer() : ByteBuffer(bytes: answer.body)
        return Response(
            status: HTTPResponse.Status(code: code), headers: fields, body: ResponseBody(byteBuffer: body))
    }
}
