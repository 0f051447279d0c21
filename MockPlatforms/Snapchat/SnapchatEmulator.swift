import Foundation

/// The Snap Marketing API v1 emulator: campaigns, ad squads, creatives, ads and media under `/v1/…`, their
/// stats, and the OAuth token endpoint under `/login/oauth2/…`.
///
/// Written from the reference (`platform-apis.md` §3 and §6), not from the `SnapchatAds` module:
/// - JSON bodies with plural-array envelopes (`{"campaigns":[{…}]}`); answers wrap each entity as
///   `{"sub_request_status":"SUCCESS","campaign":{…}}` under the same plural key.
/// - A batch entry that fails validation gets `sub_request_status:"ERROR"` and `sub_request_error_reason`
///   (`Error code: E2002, message: …`, the form third-party captures show). Snap is not transactional, so the
///   other entries still take effect; the whole answer is then HTTP 400 with `request_status:"ERROR"`, and the
///   first failure's `debug_message`, `display_message` and `error_code` at the top so a client that only reads
///   Snap's plain error shape still sees why.
/// - Errors are `{"request_status":"ERROR","request_id","debug_message","display_message","error_code"}` with a
///   4xx/5xx status; see ``SnapchatError`` for the codes.
/// - Ids are lower-case UUIDs minted by the world; times are ISO 8601 UTC with milliseconds; money is in micros
///   (the world's accounts are USD, but micros are currency-agnostic).
/// - Lists take `limit` 50–1000 and page with an opaque `cursor`; `paging.next_link` appears only when another
///   page exists and points at the host the request came to.
/// - Rate limits: `X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining` and `X-Rate-Limit-Reset` (seconds until the
///   window resets) on every answer under a budget, HTTP 429 with `Retry-After` once it is spent.
public struct SnapchatEmulator: PlatformEmulator {
    let ledger = SnapchatLedger()

    /// Creates the emulator.
    public init() {}

    /// `snapchat`.
    public var platform: String { "snapchat" }

    /// `/v1/…` (the Ads API) and `/login/oauth2/…` (the accounts host's OAuth endpoints).
    public func claims(_ request: MockRequest) -> Bool {
        request.path == "/v1" || request.path.hasPrefix("/v1/") || request.path.hasPrefix("/login/oauth2/")
    }

    /// The ad account in the path (`/v1/adaccounts/{id}/…`), or the one an entity in the path was created in.
    public func accountID(for request: MockRequest) -> String? {
        let segments = request.segments
        guard segments.count >= 3, segments[0] == "v1" else { return nil }
        if segments[1] == "adaccounts" { return String(segments[2]) }
        return ledger.account(of: segments[2])
    }

    /// 10 MiB for `POST /v1/media/{id}/upload`, 1 MiB otherwise.
    public func bodyLimit(for request: MockRequest) -> Int {
        Self.isUpload(request) ? 10 << 20 : 1 << 20
    }

    /// Answers a request; every failure is Snap's error shape (or OAuth's, on the token endpoint).
    public func handle(_ request: MockRequest, world: MockWorld) async -> MockResponse {
        if request.path.hasPrefix("/login/") { return oauth(request, world: world) }
        let requestID = ledger.nextRequestID(at: request.receivedAt)
        if let problem = Self.authenticationProblem(request) {
            return SnapchatError.unauthorized.response(requestID: requestID, headers: [("WWW-Authenticate", problem)])
        }
        do {
            return try route(request, world: world, requestID: requestID)
        } catch {
            return error.response(requestID: requestID)
        }
    }

    /// An injected fault: the rule's code (with its usual status unless the rule gives one) or the rule's
    /// status (with its usual code), in Snap's error shape; a 429 carries the rate-limit headers.
    public func faultResponse(_ fault: InjectedFault, for request: MockRequest) -> MockResponse {
        if request.path.hasPrefix("/login/") {
            return Self.oauthError(
                fault.status ?? 400, fault.code ?? ((fault.status ?? 400) >= 500 ? "server_error" : "invalid_request"),
                fault.message ?? "Injected fault")
        }
        let error = SnapchatError.injected(status: fault.status, code: fault.code, message: fault.message)
        var headers: [(String, String)] = []
        if error.status == 429 {
            headers = [
                ("X-Rate-Limit-Limit", "10"), ("X-Rate-Limit-Remaining", "0"), ("X-Rate-Limit-Reset", "1"),
                ("Retry-After", "1"),
            ]
        }
        return error.response(requestID: ledger.nextRequestID(at: request.receivedAt), headers: headers)
    }

    /// HTTP 429 with Snap's error body and `Retry-After`; the `X-Rate-Limit-*` headers come from
    /// ``usageHeaders(_:for:)``, which the server adds to every answer under a budget.
    public func rateLimitedResponse(_ usage: RateLimitUsage, for request: MockRequest) -> MockResponse {
        SnapchatError.rateLimited.response(
            requestID: ledger.nextRequestID(at: request.receivedAt),
            headers: [("Retry-After", String(Self.resetSeconds(usage)))])
    }

    /// `X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining` and `X-Rate-Limit-Reset` (whole seconds until the window
    /// resets).
    public func usageHeaders(_ usage: RateLimitUsage, for request: MockRequest) -> [(String, String)] {
        [
            ("X-Rate-Limit-Limit", String(usage.budget.limit)), ("X-Rate-Limit-Remaining", String(usage.remaining)),
            ("X-Rate-Limit-Reset", String(Self.resetSeconds(usage))),
        ]
    }

    /// HTTP 413 in Snap's error shape.
    public func bodyTooLargeResponse(limit: Int, for request: MockRequest) -> MockResponse {
        if request.path.hasPrefix("/login/") {
            return Self.oauthError(413, "invalid_request", "Request entity too large: the limit is \(limit) bytes")
        }
        return SnapchatError.tooLarge(limit: limit).response(requestID: ledger.nextRequestID(at: request.receivedAt))
    }

    // MARK: - Routing

    /// Dispatches `/v1/…` by its segments.
    private func route(
        _ request: MockRequest, world: MockWorld, requestID: String
    ) throws(SnapchatError)
        -> MockResponse
    {
        let segments = request.segments
        let method = request.method
        guard segments.count >= 3, segments[0] == "v1" else {
            throw .unknownEndpoint(method, request.path)
        }
        let collection = segments[1]
        let id = String(segments[2])
        if segments.count == 3 {
            if collection == "adaccounts" {
                try Self.require(method, ["GET"], request)
                return adAccount(id, requestID: requestID)
            }
            guard let kind = SnapchatKind(plural: collection) else { throw .unknownEndpoint(method, request.path) }
            let deletable = kind == .campaign || kind == .adsquad || kind == .ad
            try Self.require(method, deletable ? ["GET", "DELETE"] : ["GET"], request)
            return method == "DELETE"
                ? try delete(kind, id: id, world: world, requestID: requestID)
                : try read(kind, id: id, world: world, requestID: requestID)
        }
        guard segments.count == 4 else { throw .unknownEndpoint(method, request.path) }
        let leaf = segments[3]
        switch (collection, leaf) {
        case ("adaccounts", "stats"):
            try Self.require(method, ["GET"], request)
            return try accountStats(id, request: request, world: world, requestID: requestID)
        case ("adaccounts", _):
            guard let kind = SnapchatKind(plural: leaf) else { throw .unknownEndpoint(method, request.path) }
            let writable = kind == .campaign || kind == .creative || kind == .media
            let allowed = writable ? (kind == .media ? ["GET", "POST"] : ["GET", "POST", "PUT"]) : ["GET"]
            try Self.require(method, allowed, request)
            switch method {
            case "POST":
                return try createInAccount(kind, account: id, request: request, world: world, requestID: requestID)
            case "PUT":
                return try updateInAccount(kind, account: id, request: request, world: world, requestID: requestID)
            default:
                return try list(
                    kind, account: id, parentID: nil, request: request, world: world, requestID: requestID)
            }
        case ("campaigns", "adsquads"), ("adsquads", "ads"):
            try Self.require(method, ["GET", "POST", "PUT"], request)
            let parentKind: SnapchatKind = collection == "campaigns" ? .campaign : .adsquad
            guard let parent = world.entity(platform, id), parent.kind == parentKind.rawValue else {
                throw .notFound("\(parentKind.title) \(id) can not be found")
            }
            ledger.remember(id, account: parent.accountID)
            switch method {
            case "POST": return try createUnder(parent, request: request, world: world, requestID: requestID)
            case "PUT": return try updateUnder(parent, request: request, world: world, requestID: requestID)
            default:
                let childKind: SnapchatKind = parentKind == .campaign ? .adsquad : .ad
                return try list(
                    childKind, account: parent.accountID, parentID: parent.id, request: request, world: world,
                    requestID: requestID)
            }
        case (_, "stats"):
            guard let kind = SnapchatKind(plural: collection), kind.statsType != nil else {
                throw .unknownEndpoint(method, request.path)
            }
            try Self.require(method, ["GET"], request)
            return try stats(kind, id: id, request: request, world: world, requestID: requestID)
        case ("media", "upload"):
            try Self.require(method, ["POST"], request)
            return try upload(id, request: request, world: world, requestID: requestID)
        default:
            throw .unknownEndpoint(method, request.path)
        }
    }

    /// Throws 405 unless the method is one the endpoint takes.
    private static func require(_ method: String, _ allowed: [String], _ request: MockRequest) throws(SnapchatError) {
        guard allowed.contains(method) else { throw .methodNotAllowed(method, request.path, allowed: allowed) }
    }

    /// `nil` when the request carries `Authorization: Bearer <token>`; otherwise the `WWW-Authenticate` value to
    /// answer the 401 with (RFC 6750: no error attribute when no credentials were sent at all). A token starting
    /// `expired` is answered as expired.
    static func authenticationProblem(_ request: MockRequest) -> String? {
        guard let header = request.header("authorization")?.trimmingHTTPWhitespace, !header.isEmpty
        else { return "Bearer" }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
            !parts[1].trimmingHTTPWhitespace.isEmpty
        else { return "Bearer error=\"invalid_token\", error_description=\"The access token is missing or malformed\"" }
        // Tokens named like an expired one let tests see whether a client sent a token past its expiry.
        if parts[1].trimmingHTTPWhitespace.hasPrefix("expired") {
            return "Bearer error=\"invalid_token\", error_description=\"The access token expired\""
        }
        return nil
    }

    static func isUpload(_ request: MockRequest) -> Bool {
        let segments = request.segments
        return segments.count == 4 && segments[0] == "v1" && segments[1] == "media" && segments[3] == "upload"
    }

    static func resetSeconds(_ usage: RateLimitUsage) -> Int {
        max(1, Int(usage.resetSeconds.rounded(.up)))
    }

    /// `GET /v1/adaccounts/{id}`: any id is an account of this world, in USD and UTC.
    private func adAccount(_ id: String, requestID: String) -> MockResponse {
        let account = MockJSON.object([
            ("id", .string(id)), ("name", .string("Mock ad account \(id.prefix(8))")), ("type", .string("PARTNER")),
            ("status", .string("ACTIVE")), ("currency", .string("USD")), ("timezone", .string("UTC")),
        ])
        return .json(
            .object([
                ("request_status", .string("SUCCESS")), ("request_id", .string(requestID)),
                (
                    "adaccounts",
                    .array([.object([("sub_request_status", .string("SUCCESS")), ("adaccount", account)])])
                ),
            ]))
    }
}
