import AdPlatformKit
import Foundation
import HTTPTypes
import Hummingbird
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
        return Self.response(await mock.respond(to: full, claimedBy: emulator, context: context.channel))
    }

    static func response(_ answer: MockResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
