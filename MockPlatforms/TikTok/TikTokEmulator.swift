import Foundation

/// The TikTok API for Business (Marketing API v1.3) emulator, serving `/open_api/v1.3/…`.
///
/// It answers as reference §2 describes TikTok: every API-level result is HTTP 200 with the envelope
/// `{"code","message","request_id","data"}` (code 0 on success); the token travels in the `Access-Token` header;
/// POST bodies are JSON and GET parameters are query strings whose list and object values are JSON text; image
/// upload is multipart with `image_file`. Campaigns, ad groups and ads are world entities of kinds `campaign`,
/// `adgroup` and `ad`; uploaded images are passive `image` entities.
///
/// Emulator conventions beyond the reference, chosen so tests can reach TikTok's documented errors without
/// fault rules: a token starting `expired` answers 40102 and one starting `invalid` or `revoked` answers 40105;
/// an OAuth `auth_code` or `refresh_token` starting `invalid`/`expired` answers 40110, 40107 or 40103.
/// Advertisers are any numeric id, in USD; OAuth grants include ``defaultAdvertiserID``. Ad previews are
/// emulator pages (`TikTokEmulator+Previews.swift`).
public struct TikTokEmulator: PlatformEmulator {
    /// The world's platform id.
    static let platformID = "tiktok"
    /// The only version served.
    static let versionPrefix = "/open_api/v1.3/"
    /// The route of the one upload endpoint, whose bodies may reach 10 MiB.
    static let uploadRoute = "file/image/ad/upload"
    /// The upload route with its trailing slash.
    static let uploadPathSuffix = "file/image/ad/upload/"
    /// The advertiser every emulated OAuth grant includes.
    public static let defaultAdvertiserID = "7000000000000000001"
    /// Every advertiser's currency: budgets are USD major units, spend is reported in USD.
    static let currency = "USD"

    let requestIDs = TikTokRequestIDs()

    /// Creates the emulator.
    public init() {}

    /// `tiktok`.
    public var platform: String { Self.platformID }

    /// Everything under `/open_api/`: other versions and unknown routes get TikTok's own errors.
    public func claims(_ request: MockRequest) -> Bool {
        request.path.hasPrefix("/open_api/") || request.path == "/open_api"
    }

    /// The `advertiser_id` of the query, or of the body (found by a byte scan, so the body is parsed only once,
    /// in ``handle(_:world:)``).
    public func accountID(for request: MockRequest) -> String? {
        if let id = request.queryValue("advertiser_id"), !id.isEmpty { return id }
        if let ids = request.queryValue("advertiser_ids"), let first = MockJSON.parse(ids)?.array?.first?.text {
            return first
        }
        guard !request.body.isEmpty else { return nil }
        return TikTokAccountScanner.advertiserID(in: request.body, multipart: Self.isMultipart(request))
    }

    /// Whether the body is `multipart/form-data`, by a case-insensitive prefix test on the raw header (cheaper than
    /// ``MockRequest/mediaType``, and this runs for every request).
    static func isMultipart(_ request: MockRequest) -> Bool {
        guard let type = request.headers["content-type"] else { return false }
        var expected = "multipart/".utf8.makeIterator()
        for byte in type.utf8 {
            guard let want = expected.next() else { return true }
            if byte | 0x20 != want { return false }
        }
        return expected.next() == nil
    }

    /// 10 MiB for image upload, 1 MiB otherwise.
    public func bodyLimit(for request: MockRequest) -> Int {
        Self.isUpload(request.path) ? 10 << 20 : 1 << 20
    }

    /// Whether a path is the image upload route (with or without its trailing slash), checked without
    /// allocating because it runs before every request.
    static func isUpload(_ path: String) -> Bool {
        path.hasPrefix(versionPrefix) && (path.hasSuffix(uploadPathSuffix) || path.hasSuffix(uploadRoute))
            && path.utf8.count <= versionPrefix.utf8.count + uploadPathSuffix.utf8.count
    }

    /// Answers a request in TikTok's envelope.
    public func handle(_ request: MockRequest, world: MockWorld) async -> MockResponse {
        let call = TikTokCall(request: request, world: world, now: world.now)
        let requestID = requestIDs.next(at: call.now)
        do throws(TikTokError) {
            return TikTokEnvelope.success(try answer(call), requestID: requestID)
        } catch {
            return TikTokEnvelope.failure(error, requestID: requestID)
        }
    }

    /// An injected fault: a TikTok `code` is answered in the envelope (HTTP 200 unless the rule also gives a
    /// status); a bare HTTP status is answered with that status and code 50000 for 5xx, 40100 for 429, else
    /// 40000.
    public func faultResponse(_ fault: InjectedFault, for request: MockRequest) -> MockResponse {
        let requestID = requestIDs.next(at: request.receivedAt)
        if let text = fault.code {
            let code = Int(text.trimmingCharacters(in: .whitespaces)) ?? 50000
            let error = TikTokError(code: code, message: fault.message ?? TikTokError.standardMessage(for: code))
            return TikTokEnvelope.failure(error, requestID: requestID, status: fault.status ?? 200)
        }
        let status = fault.status ?? 500
        let code = status == 429 ? 40100 : status >= 500 ? 50000 : 40000
        let error = TikTokError(code: code, message: fault.message ?? TikTokError.standardMessage(for: code))
        return TikTokEnvelope.failure(error, requestID: requestID, status: status)
    }

    /// TikTok signals an exhausted rate limit with envelope code 40100 at HTTP 200 (or the budget's own code,
    /// e.g. 40132 or 61000).
    public func rateLimitedResponse(_ usage: RateLimitUsage, for request: MockRequest) -> MockResponse {
        let code = usage.budget.code.flatMap { Int($0) } ?? 40100
        return TikTokEnvelope.failure(
            TikTokError(code: code, message: TikTokError.standardMessage(for: code)),
            requestID: requestIDs.next(at: request.receivedAt))
    }

    /// None: TikTok sends no usage headers.
    public func usageHeaders(_ usage: RateLimitUsage, for request: MockRequest) -> [(String, String)] { [] }

    /// An oversized body, in the envelope at HTTP 200 like every other TikTok API error: 40907 (file too large)
    /// on the upload route, 40002 elsewhere.
    public func bodyTooLargeResponse(limit: Int, for request: MockRequest) -> MockResponse {
        let megabytes = limit >> 20
        let error =
            Self.isUpload(request.path)
            ? TikTokError(code: 40907, message: "image_file: File too large. The upload limit is \(megabytes) MB.")
            : TikTokError(code: 40002, message: "body: Request body too large. The limit is \(megabytes) MB.")
        return TikTokEnvelope.failure(error, requestID: requestIDs.next(at: request.receivedAt))
    }

    // MARK: - Routing

    /// The route under `/open_api/v1.3/` without its trailing slash, e.g. `campaign/status/update`.
    static func route(of path: String) -> String? {
        guard path.hasPrefix(versionPrefix) else { return nil }
        var rest = path.dropFirst(versionPrefix.count)
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        return String(rest)
    }

    /// Each route's method, and whether it is public (the OAuth token exchanges need no `Access-Token`).
    static let endpoints: [String: (method: String, public: Bool)] = [
        "campaign/create": ("POST", false), "campaign/get": ("GET", false), "campaign/update": ("POST", false),
        "campaign/status/update": ("POST", false), "adgroup/create": ("POST", false), "adgroup/get": ("GET", false),
        "adgroup/update": ("POST", false), "adgroup/status/update": ("POST", false), "ad/create": ("POST", false),
        "ad/get": ("GET", false), "ad/update": ("POST", false), "ad/status/update": ("POST", false),
        "file/image/ad/upload": ("POST", false), "file/image/ad/info": ("GET", false),
        "report/integrated/get": ("GET", false), "oauth2/advertiser/get": ("GET", false),
        "oauth2/access_token": ("POST", true), "oauth2/refresh_token": ("POST", true),
        "tt_user/oauth2/refresh_token": ("POST", true), "creative/ads_preview/create": ("POST", false),
    ]

    /// Dispatches a request to its endpoint: unknown route → 40400, wrong method → 40400, token → 40104.
    func answer(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let request = call.request
        guard let route = Self.route(of: request.path) else {
            let segments = request.segments
            if segments.count >= 2, segments[1].hasPrefix("v"), segments[1] != "v1.3" {
                throw TikTokError(
                    code: 40051, message: "Invalid API version \(segments[1]). The emulator serves v1.3.")
            }
            throw Self.routeNotFound(request)
        }
        guard let endpoint = Self.endpoints[route] else { throw Self.routeNotFound(request) }
        guard request.method == endpoint.method else {
            throw TikTokError(
                code: 40400,
                message: "Route not found: \(request.method) \(request.path) (this endpoint takes \(endpoint.method)).")
        }
        if !endpoint.public { try authenticate(request) }
        switch route {
        case "campaign/create": return try createCampaign(call)
        case "campaign/get": return try list(call, kind: .campaign)
        case "campaign/update": return try updateCampaign(call)
        case "campaign/status/update": return try updateStatus(call, kind: .campaign)
        case "adgroup/create": return try createAdGroup(call)
        case "adgroup/get": return try list(call, kind: .adgroup)
        case "adgroup/update": return try updateAdGroup(call)
        case "adgroup/status/update": return try updateStatus(call, kind: .adgroup)
        case "ad/create": return try createAds(call)
        case "ad/get": return try list(call, kind: .ad)
        case "ad/update": return try updateAds(call)
        case "ad/status/update": return try updateStatus(call, kind: .ad)
        case "file/image/ad/upload": return try uploadImage(call)
        case "file/image/ad/info": return try imageInfo(call)
        case "report/integrated/get": return try report(call)
        case "oauth2/advertiser/get": return try advertisers(call)
        case "oauth2/access_token": return try accessToken(call)
        case "oauth2/refresh_token": return try refreshAdvertiserToken(call)
        case "creative/ads_preview/create": return try createAdsPreview(call)
        default: return try refreshUserToken(call)
        }
    }

    private static func routeNotFound(_ request: MockRequest) -> TikTokError {
        TikTokError(code: 40400, message: "Route not found: \(request.method) \(request.path)")
    }

    /// The `Access-Token` header check: missing or empty → 40104.
    func authenticate(_ request: MockRequest) throws(TikTokError) {
        let token = request.header("access-token") ?? ""
        guard !token.isEmpty, !token.allSatisfy({ $0 == " " }) else {
            throw TikTokError(code: 40104, message: TikTokError.standardMessage(for: 40104))
        }
        if token.hasPrefix("expired") {
            throw TikTokError(code: 40102, message: TikTokError.standardMessage(for: 40102))
        }
        if token.hasPrefix("invalid") || token.hasPrefix("revoked") {
            throw TikTokError(code: 40105, message: TikTokError.standardMessage(for: 40105))
        }
    }
}
