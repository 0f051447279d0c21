import Foundation
import Hummingbird
import Trafficking

/// Reads path and query parameters, throwing a 400 ``Problem`` that names the parameter when one is malformed.
enum RouteParameters {
    /// A UUID path parameter.
    static func uuid(_ name: String, in context: some RequestContext) throws -> UUID {
        guard let text = context.parameters.get(name) else {
            throw Problem.invalidParameter(name, "is required")
        }
        guard let id = UUID(uuidString: text) else {
            throw Problem.invalidParameter(name, "'\(text)' is not a UUID such as 3f2a9c1e-0b7d-4e8a-9c51-2d6f0e4b7a10")
        }
        return id
    }

    /// The largest `limit` and `offset` taken: the OpenAPI document's `maximum` (a 32-bit integer, which every
    /// client language can hold), so the server and the document agree on what is valid.
    static let largestPageParameter = Int(Int32.max)

    /// `limit` (1…2147483647, default 50; values over 200 are clamped to 200) and `offset` (0…2147483647, default 0).
    static func page(_ request: Request) throws -> PageRequest {
        let query = request.uri.queryParameters
        let limit = try integer("limit", query.get("limit"), in: 1...largestPageParameter) ?? 50
        let offset = try integer("offset", query.get("offset"), in: 0...largestPageParameter) ?? 0
        return PageRequest(limit: limit, offset: offset)
    }

    private static func integer(_ name: String, _ text: String?, in range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw Problem.invalidParameter(
                name, "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}
