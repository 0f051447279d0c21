import AdPlatformKit
import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat

/// Reads request bodies as JSON and writes JSON responses, with the API's limits and error shapes.
enum JSONBody {
    /// Reads at most `limit` bytes and decodes them with the request decoder's field-path errors; throws a 413 or
    /// 400 ``Problem``.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let data = try await bytes(of: request, limit: limit)
        do {
            return try TraffickingRequestDecoder().decode(T.self, from: data)
        } catch {
            throw Problem.malformedBody(error)
        }
    }

    /// The body's bytes, at most `limit` of them; throws a 413 ``Problem`` when there are more.
    static func bytes(of request: Request, limit: Int) async throws -> Data {
        // A declared length over the limit is refused before a byte is read.
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw Problem.payloadTooLarge(limit: limit)
        }
        do {
            return Data(buffer: try await request.body.collect(upTo: limit))
        } catch is NIOTooManyBytesError {
            throw Problem.payloadTooLarge(limit: limit)
        }
    }

    /// The encoder for every response: ISO-8601 dates, sorted keys so output is stable.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A JSON response.
    static func response(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) throws -> Response {
        let data = try encoder.encode(value)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.contentLength] = String(data.count)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(data: data)))
    }
}
