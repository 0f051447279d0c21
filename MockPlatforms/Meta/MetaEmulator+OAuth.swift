import Foundation

extension MetaEmulator {
    /// About 60 days, what Graph gives a long-lived user token (reference §1.5).
    static let longLivedSeconds = 5_183_944

    /// `GET /{v}/oauth/access_token`: `grant_type=fb_exchange_token` (with `client_id`, `client_secret`,
    /// `fb_exchange_token`) returns a long-lived token; `client_credentials` an app token; a `code` a user token.
    /// Tokens are derived from the seed and inputs, so the same exchange gives the same token. A token revoked
    /// through the control plane cannot be exchanged (code 190, subcode 460).
    func exchangeToken(_ call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        guard call.method == "GET" || call.method == "POST" else {
            throw MetaError.unsupportedMethod(call.method, path: "oauth/access_token")
        }
        let params = call.params
        guard let clientID = try params.string("client_id"), !clientID.isEmpty else {
            throw MetaError(code: 101, message: "Missing client_id parameter.")
        }
        guard let secret = try params.string("client_secret"), !secret.isEmpty else {
            throw MetaError(code: 100, message: "Missing client_secret parameter.")
        }
        let grant = try params.string("grant_type")
        switch grant {
        case "fb_exchange_token":
            guard let short = try params.string("fb_exchange_token") else {
                throw MetaError(code: 100, message: "Missing fb_exchange_token parameter.")
            }
            try Self.authorize(short)
            if world.revokedTokens.contains(short) { throw MetaError.invalidatedSession }
            let token = "EAAM" + Self.tokenDigest(world.seed, "long-lived", clientID, short)
            return .json(
                .object([
                    ("access_token", .string(token)), ("token_type", .string("bearer")),
                    ("expires_in", .int(Self.longLivedSeconds)),
                ]))
        case "client_credentials":
            webhooks.remember(appID: clientID, secret: secret)
            let token = clientID + "|" + Self.tokenDigest(world.seed, "app", clientID, secret)
            return .json(.object([("access_token", .string(token)), ("token_type", .string("bearer"))]))
        case nil where params.has("code"):
            let code = try params.requiredString("code")
            guard params.has("redirect_uri") else {
                throw MetaError(code: 191, message: "Missing redirect_uri parameter.")
            }
            let token = "EAAM" + Self.tokenDigest(world.seed, "code", clientID, code)
            return .json(
                .object([
                    ("access_token", .string(token)), ("token_type", .string("bearer")),
                    ("expires_in", .int(Self.longLivedSeconds)),
                ]))
        default:
            throw MetaError.notInEnum("grant_type", ["fb_exchange_token", "client_credentials"])
        }
    }

    /// 48 hex digits from the seed and the exchange's inputs.
    static func tokenDigest(_ seed: UInt64, _ parts: String...) -> String {
        var digest = ""
        for round in 0..<3 {
            var value = SplitMix64.hash(seed, "meta-token", String(round))
            for part in parts { value = SplitMix64.hash(value, part) }
            for _ in 0..<8 {
                digest += hexByte(UInt8(value & 0xFF))
                value >>= 8
            }
        }
        return digest
    }
}
