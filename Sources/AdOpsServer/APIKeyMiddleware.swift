import Crypto
import Foundation
import Hummingbird

/// Requires `Authorization: Bearer <key>` on every route but the open ones (`/healthz`), accepting a key whose
/// SHA-256 is one of the configured hashes; otherwise throws a 401 ``Problem`` with `WWW-Authenticate: Bearer`.
///
/// The presented key is hashed and compared with every configured hash over all 32 bytes, without stopping at
/// the first difference or the first match, so the time taken says nothing about how close a guess was or which
/// key matched. Keys are never logged.
public struct APIKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The accepted hashes, as raw 32-byte digests.
    let acceptedDigests: [[UInt8]]
    /// Paths served without a key.
    let openPaths: Set<String>

    /// Creates the middleware from lowercase hex SHA-256 hashes; entries that are not 64 hex digits are ignored
    /// (``AdOpsAPI`` logs them), so a typo cannot turn into an accepted key.
    public init(apiKeyHashes: [String], openPaths: Set<String> = ["/healthz"]) {
        self.acceptedDigests = apiKeyHashes.compactMap(Self.digest(hex:))
        self.openPaths = openPaths
    }

    /// Lets open paths through; checks the key on everything else.
    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if openPaths.contains(request.uri.path) { return try await next(request, context) }
        guard let header = request.headers[.authorization] else {
            throw Self.unauthorized("send the API key as 'Authorization: Bearer <key>'", presented: false)
        }
        guard let key = Self.bearerToken(header) else {
            throw Self.unauthorized("the Authorization header must use the Bearer scheme", presented: true)
        }
        guard accepts(key) else {
            throw Self.unauthorized("the API key is not valid", presented: true)
        }
        return try await next(request, context)
    }

    /// Whether a key's hash is one of the accepted ones, compared in constant time.
    func accepts(_ key: String) -> Bool {
        let presented = Array(SHA256.hash(data: Data(key.utf8)))
        var matched: UInt8 = 0
        for accepted in acceptedDigests {
            var difference: UInt8 = 0
            for index in 0..<presented.count { difference |= presented[index] ^ accepted[index] }
            // 1 when this digest matched, else 0, without a data-dependent branch.
            matched |= UInt8(truncatingIfNeeded: (Int(difference) - 1) >> 8) & 1
        }
        return matched == 1
    }

    /// The token of a `Bearer <token>` header (scheme matched case-insensitively), or `nil`.
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// 32 bytes from 64 hex digits, or `nil`.
    static func digest(hex: String) -> [UInt8]? {
        hex.utf8.count == 64 ? HexBytes.decode(hex) : nil
    }

    /// A 401 problem. RFC 6750: no `error` attribute when no credentials were sent, `invalid_token` otherwise.
    static func unauthorized(_ detail: String, presented: Bool) -> Problem {
        let challenge = presented ? #"Bearer realm="adops", error="invalid_token""# : #"Bearer realm="adops""#
        return Problem(
            status: .unauthorized, kind: "unauthorized", title: "Unauthorized", detail: detail,
            violations: [ProblemViolation(field: "Authorization", rule: "unauthorized", message: detail)],
            headers: [.wwwAuthenticate: challenge])
    }
}
