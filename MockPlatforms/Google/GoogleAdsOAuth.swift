import Foundation

/// Google's OAuth 2.0 token endpoint (`POST /token`, as `oauth2.googleapis.com/token`, and `/o/oauth2/token`, the
/// `google-ads` library's default): refresh-token and authorization-code grants, answered with an access token for
/// the AdWords scope, or with `{"error","error_description"}` and 400 as Google does.
enum GoogleAdsOAuth {
    /// The scope granted.
    static let scope = "https://www.googleapis.com/auth/adwords"

    /// Answers a token request; a refresh token revoked in `world` gets Google's `invalid_grant`.
    static func respond(_ request: MockRequest, world: MockWorld) -> MockResponse {
        guard request.method == "POST" else {
            return error("invalid_request", "The token endpoint only accepts POST.", status: 405)
        }
        var parameters: [String: String] = [:]
        if request.mediaType == "application/json" {
            guard let members = request.json?.members else {
                return error("invalid_request", "The request body is not valid JSON.")
            }
            for (key, value) in members { parameters[key] = value.text }
        } else {
            for (key, value) in request.formPairs where parameters[key] == nil { parameters[key] = value }
        }
        let grant = parameters["grant_type"] ?? ""
        guard grant == "refresh_token" || grant == "authorization_code" else {
            return error("unsupported_grant_type", "Invalid grant_type: \(grant)")
        }
        guard let clientID = parameters["client_id"], !clientID.isEmpty else {
            return error("invalid_request", "Could not determine client ID from request.")
        }
        guard let secret = parameters["client_secret"], !secret.isEmpty else {
            return error("invalid_request", "client_secret is missing.")
        }
        if secret.hasPrefix("invalid") {
            return error("invalid_client", "The OAuth client was not found.", status: 401)
        }
        var members: [(String, MockJSON)] = [
            ("access_token", .string("ya29.mock-" + token())), ("expires_in", .int(3_599)), ("scope", .string(scope)),
            ("token_type", .string("Bearer")),
        ]
        if grant == "refresh_token" {
            guard let refresh = parameters["refresh_token"], !refresh.isEmpty else {
                return error("invalid_request", "Missing required parameter: refresh_token")
            }
            // Refresh tokens named like a failure let tests provoke the answer a revoked token gets.
            if ["invalid", "revoked", "expired"].contains(where: refresh.hasPrefix)
                || world.revokedTokens.contains(refresh)
            {
                return error("invalid_grant", "Token has been expired or revoked.")
            }
        } else {
            guard let code = parameters["code"], !code.isEmpty else {
                return error("invalid_request", "Missing required parameter: code")
            }
            if code.hasPrefix("invalid") { return error("invalid_grant", "Malformed auth code.") }
            members.insert(("refresh_token", .string("1//mock-" + token())), at: 2)
        }
        return .json(.object(members), headers: [("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")])
    }

    /// Google's OAuth error body.
    static func error(_ code: String, _ description: String, status: Int = 400) -> MockResponse {
        .json(.object([("error", .string(code)), ("error_description", .string(description))]), status: status)
    }

    private static func token() -> String {
        UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }
}
