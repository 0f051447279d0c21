import Foundation
import Hummingbird
import Trafficking

/// Requires `Authorization: Bearer <key>` on every route but the open ones (`/healthz`), accepting a key whose
/// SHA-256 is one of the configured hashes (checked in constant time by ``APIKeyVerifier``); otherwise throws a 401
/// ``Problem`` with `WWW-Authenticate: Bearer`. Keys are never logged.
public struct APIKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The accepted keys.
    let verifier: APIKeyVerifier
    /// Paths served without a key.
    let openPaths: Set<String>

    /// Creates the middleware from lowercase hex SHA-256 hashes; entries that are not 64 hex digits are ignored
    /// (``AdOpsAPI`` logs them), so a typo cannot turn into an accepted key.
    public init(apiKeyHashes: [String], openPaths: Set<String> = ["/healthz"]) {
        self.verifier = APIKeyVerifier(apiKeyHashes: apiKeyHashes)
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
        guard verifier.accepts(key) else {
            throw Self.unauthorized("the API key is not valid", presented: true)
        }
        return try await next(request, context)
    }

    /// The token of a `Bearer <token>` header (scheme matched case-insensitively), or `nil`.
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
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
