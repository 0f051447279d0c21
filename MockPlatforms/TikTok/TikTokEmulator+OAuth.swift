import Foundation

extension TikTokEmulator {
    /// The permission scopes granted tokens carry (TikTok answers numeric scope ids).
    static let grantedScopes: [MockJSON] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map { MockJSON.int($0) }

    /// `POST /oauth2/access_token/` with JSON `app_id`, `secret`, `auth_code` (all required): a long-term
    /// Marketing API token, deterministic from the seed, app and code, with the granted `advertiser_ids` and
    /// `scope`. An `auth_code` starting `invalid` or `expired` answers 40110.
    func accessToken(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let body = try call.body()
        let app = try Self.requiredText(body, "app_id")
        _ = try Self.requiredText(body, "secret")
        let code = try Self.requiredText(body, "auth_code")
        if code.hasPrefix("invalid") || code.hasPrefix("expired") {
            throw TikTokError(code: 40110, message: "auth_code: " + TikTokError.standardMessage(for: 40110))
        }
        return .object([
            ("access_token", .string(Self.token(call.world, "access", app, code))),
            ("advertiser_ids", .array(Self.grantedAdvertisers(call.world).map(MockJSON.string))),
            ("scope", .array(Self.grantedScopes)),
        ])
    }

    /// `POST /oauth2/refresh_token/` (advertiser short-term tokens; 3P-documented) with `app_id`, `secret` and
    /// `refresh_token`; `grant_type`, when given, must be `refresh_token` (40108). A `refresh_token` starting
    /// `expired` answers 40103, one starting `invalid` 40107.
    func refreshAdvertiserToken(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let body = try call.body()
        let app = try Self.requiredText(body, "app_id")
        _ = try Self.requiredText(body, "secret")
        let refresh = try Self.checkRefresh(body, world: call.world)
        return .object([
            ("access_token", .string(Self.token(call.world, "access", app, refresh))),
            ("token_type", .string("Bearer")), ("expires_in", .int(86_400)),
            ("refresh_token", .string(Self.token(call.world, "refresh", app, refresh))),
            ("refresh_token_expires_in", .int(31_536_000)),
            ("advertiser_ids", .array(Self.grantedAdvertisers(call.world).map(MockJSON.string))),
            ("scope", .array(Self.grantedScopes)),
        ])
    }

    /// `POST /tt_user/oauth2/refresh_token/` (TikTok-account tokens; 3P-documented) with `client_id`,
    /// `client_secret`, `grant_type` and `refresh_token`: a 24-hour access token and a new refresh token.
    func refreshUserToken(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let body = try call.body()
        let client = try Self.requiredText(body, "client_id")
        _ = try Self.requiredText(body, "client_secret")
        _ = try Self.requiredText(body, "grant_type")
        let refresh = try Self.checkRefresh(body, world: call.world)
        return .object([
            ("access_token", .string("act." + Self.token(call.world, "user", client, refresh))),
            ("expires_in", .int(86_400)),
            ("refresh_token", .string("rft." + Self.token(call.world, "user-refresh", client, refresh))),
            ("refresh_token_expires_in", .int(31_536_000)),
            ("open_id", .string("_000" + String(Self.token(call.world, "open", client, "").prefix(28)))),
            ("scope", .string("user.info.basic,video.list")),
        ])
    }

    /// `GET /oauth2/advertiser/get/` with `app_id` and `secret` in the query and the token in the header: the
    /// advertisers the token may manage.
    func advertisers(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let query = call.query
        _ = try Self.requiredText(query, "app_id")
        _ = try Self.requiredText(query, "secret")
        let list = Self.grantedAdvertisers(call.world).map { id in
            MockJSON.object([("advertiser_id", .string(id)), ("advertiser_name", .string("Emulated advertiser \(id)"))])
        }
        return .object([("list", .array(list))])
    }

    /// The advertisers a grant covers: ``defaultAdvertiserID`` plus every advertiser with TikTok entities.
    static func grantedAdvertisers(_ world: MockWorld) -> [String] {
        var ids: Set<String> = [defaultAdvertiserID]
        for kind in [TikTokKind.campaign.entityKind, "image"] {
            for entity in world.entities(platformID, kind: kind) { ids.insert(entity.accountID) }
        }
        return ids.sorted()
    }

    /// A 40-hex-digit token derived from the seed and its inputs.
    static func token(_ world: MockWorld, _ purpose: String, _ app: String, _ secret: String) -> String {
        let seed = world.seed
        var text = ""
        for round in 0..<3 {
            let value = SplitMix64.hash(seed, purpose, app, secret, String(round))
            let hex = String(value, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return String(text.prefix(40))
    }

    private static func checkRefresh(_ body: TikTokParams, world: MockWorld) throws(TikTokError) -> String {
        if let grant = try body.string("grant_type"), grant != "refresh_token" {
            throw TikTokError(code: 40108, message: "grant_type: Invalid grant type. Use refresh_token.")
        }
        let refresh = try requiredText(body, "refresh_token")
        if refresh.hasPrefix("expired") {
            throw TikTokError(code: 40103, message: "refresh_token: " + TikTokError.standardMessage(for: 40103))
        }
        if refresh.hasPrefix("invalid") || world.revokedTokens.contains(refresh) {
            throw TikTokError(code: 40107, message: "refresh_token: " + TikTokError.standardMessage(for: 40107))
        }
        return refresh
    }

    /// A required, non-empty string (ids given as numbers are accepted).
    private static func requiredText(_ params: TikTokParams, _ field: String) throws(TikTokError) -> String {
        guard let value = params.raw(field) else { throw .missing(field) }
        guard let text = value.string ?? (value.int64 != nil ? value.text : nil) else {
            throw .invalid(field, "Not a valid string.")
        }
        guard !text.isEmpty else { throw .missing(field) }
        return text
    }
}
