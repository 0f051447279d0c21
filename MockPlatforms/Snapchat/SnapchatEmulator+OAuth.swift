import Foundation

/// The accounts host's OAuth endpoints (reference §3.5): `GET /login/oauth2/authorize` and
/// `POST /login/oauth2/access_token`. Errors here are RFC 6749's `{"error","error_description"}`, not the Ads API
/// shape, since they come from a different service.
extension SnapchatEmulator {
    /// Snap's access-token lifetime in seconds (the reference's sources say 1800 or 3600; 1800 is used).
    static let accessTokenLifetime = 1_800

    /// Dispatches `/login/oauth2/…`.
    func oauth(_ request: MockRequest, world: MockWorld) -> MockResponse {
        switch request.path {
        case "/login/oauth2/access_token":
            guard request.method == "POST" else {
                return Self.oauthError(405, "invalid_request", "Use POST for /login/oauth2/access_token")
            }
            return token(request, world: world)
        case "/login/oauth2/authorize":
            guard request.method == "GET" else {
                return Self.oauthError(405, "invalid_request", "Use GET for /login/oauth2/authorize")
            }
            return authorize(request, world: world)
        default:
            return Self.oauthError(404, "invalid_request", "Unknown OAuth endpoint \(request.path)")
        }
    }

    /// The token endpoint: form-encoded `grant_type` (`refresh_token` or `authorization_code`), `client_id`,
    /// `client_secret` (or HTTP Basic) and the `refresh_token` or `code`. Any non-empty value is accepted, except a
    /// refresh token revoked through the control plane (400 `invalid_grant`).
    private func token(_ request: MockRequest, world: MockWorld) -> MockResponse {
        var parameters: [String: String] = [:]
        for (name, value) in request.formPairs where parameters[name] == nil { parameters[name] = value }
        for (name, value) in request.query where parameters[name] == nil { parameters[name] = value }
        if let (id, secret) = Self.basicCredentials(request) {
            parameters["client_id"] = parameters["client_id"] ?? id
            parameters["client_secret"] = parameters["client_secret"] ?? secret
        }
        func present(_ name: String) -> String? {
            parameters[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        guard let grant = present("grant_type") else {
            return Self.oauthError(400, "invalid_request", "Missing grant_type")
        }
        guard grant == "refresh_token" || grant == "authorization_code" else {
            return Self.oauthError(400, "unsupported_grant_type", "Unsupported grant_type '\(grant)'")
        }
        guard present("client_id") != nil, present("client_secret") != nil else {
            return Self.oauthError(401, "invalid_client", "Missing client_id or client_secret")
        }
        let credential = grant == "refresh_token" ? "refresh_token" : "code"
        guard let value = present(credential) else {
            return Self.oauthError(400, "invalid_request", "Missing \(credential)")
        }
        // A refresh token the control plane revoked is refused as RFC 6749 says a revoked grant is.
        if grant == "refresh_token", world.revokedTokens.contains(value) {
            return Self.oauthError(400, "invalid_grant", "Invalid refresh token")
        }
        let serial = String(ledger.nextSerial())
        let access = "snap-mock-access-" + Self.hex(SplitMix64.hash(world.seed, "access", value, serial))
        let refresh =
            grant == "refresh_token"
            ? value : "snap-mock-refresh-" + Self.hex(SplitMix64.hash(world.seed, "refresh", value, serial))
        return .json(
            .object([
                ("access_token", .string(access)), ("token_type", .string("Bearer")),
                ("expires_in", .int(Self.accessTokenLifetime)), ("refresh_token", .string(refresh)),
                ("scope", .string("snapchat-marketing-api")),
            ]), headers: [("Cache-Control", "no-store"), ("Pragma", "no-cache")])
    }

    /// The authorize step, without a login page: redirects straight back with a code (and the `state`).
    private func authorize(_ request: MockRequest, world: MockWorld) -> MockResponse {
        guard let clientID = request.queryValue("client_id"), !clientID.isEmpty else {
            return Self.oauthError(400, "invalid_request", "Missing client_id")
        }
        guard let redirect = request.queryValue("redirect_uri"), let url = URL(string: redirect), url.scheme != nil
        else { return Self.oauthError(400, "invalid_request", "Missing or invalid redirect_uri") }
        guard request.queryValue("response_type") == "code" else {
            return Self.oauthError(400, "unsupported_response_type", "response_type must be code")
        }
        let code =
            "snap-mock-code-" + Self.hex(SplitMix64.hash(world.seed, "code", clientID, String(ledger.nextSerial())))
        var location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
        if let state = request.queryValue("state") {
            location += "&state=" + (state.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }
        return MockResponse(status: 302, headers: [("Location", location)])
    }

    /// An OAuth error answer.
    static func oauthError(_ status: Int, _ error: String, _ description: String) -> MockResponse {
        .json(
            .object([("error", .string(error)), ("error_description", .string(description))]), status: status,
            headers: status == 401 ? [("WWW-Authenticate", "Basic realm=\"accounts.snapchat.com\"")] : [])
    }

    private static func basicCredentials(_ request: MockRequest) -> (String, String)? {
        guard let header = request.header("authorization"), header.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}
