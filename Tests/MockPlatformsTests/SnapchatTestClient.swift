import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

/// Hand-built Snap Marketing API requests over a real socket, for the emulator tests. It deliberately uses no
/// `SnapchatAds` code: requests are written from the reference.
struct SnapchatTestClient {
    /// One answer: status, headers, and the body as JSON when it is JSON.
    struct Answer {
        var status: Int
        var headers: HTTPHeaderFields
        var body: Data
        var json: MockJSON? { MockJSON.parse(body) }
        /// The entities of a plural envelope, unwrapped from their `sub_request_status` items.
        func entities(_ plural: String, _ singular: String) -> [MockJSON] {
            (json?[plural]?.array ?? []).compactMap { $0[singular] }
        }
        /// The first entity's `id`.
        func firstID(_ plural: String, _ singular: String) -> String {
            entities(plural, singular).first?["id"]?.string ?? ""
        }
    }

    let running: MockPlatforms.Running
    let transport = AsyncHTTPClientTransport()
    /// The ad account the tests work in.
    let account = "8adc3db7-8148-4fbf-999c-8d2266369d74"

    /// Sends a request; `path` may carry a query string, or be an absolute URL (a `next_link`).
    func send(
        _ method: HTTPMethod, _ path: String, json: MockJSON? = nil, body: Data? = nil, contentType: String? = nil,
        token: String? = "mock-token"
    ) async throws -> Answer {
        let url = path.hasPrefix("http") ? URL(string: path) : URL(string: running.baseURL.absoluteString + path)
        var headers = HTTPHeaderFields()
        if let token { headers["Authorization"] = "Bearer \(token)" }
        var payload = body
        if let json {
            payload = Data(json.serialized.utf8)
            headers["Content-Type"] = "application/json"
        }
        if let contentType { headers["Content-Type"] = contentType }
        let request = PlatformHTTPRequest(
            method: method, url: try #require(url), headers: headers, body: payload)
        let response = try await transport.send(request)
        return Answer(status: response.status, headers: response.headers, body: response.body)
    }

    // MARK: - Builders

    func campaign(name: String = "Winter launch", status: String = "ACTIVE") -> MockJSON {
        .object([
            ("name", .string(name)), ("ad_account_id", .string(account)), ("status", .string(status)),
            ("start_time", .string("2020-01-01T00:00:00.000Z")), ("objective", .string("WEB_CONVERSION")),
        ])
    }

    func adSquad(campaignID: String, dailyBudget: Int64 = 50_000_000, status: String = "ACTIVE") -> MockJSON {
        .object([
            ("campaign_id", .string(campaignID)), ("name", .string("US adults")), ("type", .string("SNAP_ADS")),
            ("placement_v2", .object([("config", .string("AUTOMATIC"))])), ("billing_event", .string("IMPRESSION")),
            ("optimization_goal", .string("SWIPES")), ("bid_strategy", .string("AUTO_BID")),
            ("daily_budget_micro", .int(dailyBudget)),
            ("targeting", .object([("geos", .array([.object([("country_code", .string("us"))])]))])),
            ("status", .string(status)),
        ])
    }

    func creative(
        mediaID: String, type: String = "WEB_VIEW", brand: String = "Demo+", headline: String = "Stream it"
    )
        -> MockJSON
    {
        .object([
            ("ad_account_id", .string(account)), ("name", .string("Hero")), ("type", .string(type)),
            ("brand_name", .string(brand)), ("headline", .string(headline)), ("top_snap_media_id", .string(mediaID)),
            ("web_view_properties", .object([("url", .string("https://example.test/signup?utm_source=snapchat"))])),
            ("profile_properties", .object([("profile_id", .string("72cf5c50-8343-48d3-a0a7-3ed45b75faaa"))])),
        ])
    }

    func ad(
        adSquadID: String, creativeID: String, type: String = "REMOTE_WEBPAGE", status: String = "ACTIVE"
    )
        -> MockJSON
    {
        .object([
            ("ad_squad_id", .string(adSquadID)), ("creative_id", .string(creativeID)), ("name", .string("Hero ad")),
            ("type", .string(type)), ("status", .string(status)),
        ])
    }

    /// Wraps entries in Snap's plural envelope.
    static func envelope(_ plural: String, _ entries: MockJSON...) -> MockJSON {
        .object([(plural, .array(entries))])
    }

    /// A `multipart/form-data` body with one file part.
    static func multipart(
        field: String = "file", fileName: String = "hero.png", bytes: Data, boundary: String
    )
        -> Data
    {
        var data = Data("--\(boundary)\r\n".utf8)
        data += Data("Content-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\n".utf8)
        data += Data("Content-Type: image/png\r\n\r\n".utf8)
        data += bytes
        data += Data("\r\n--\(boundary)--\r\n".utf8)
        return data
    }

    // MARK: - A whole hierarchy

    /// The ids of a campaign → ad squad → media → creative → ad chain.
    struct Hierarchy {
        var campaign: String
        var adSquad: String
        var media: String
        var creative: String
        var ad: String
    }

    /// Creates a campaign, an ad squad, media (uploaded), a creative and an ad, all active.
    func hierarchy(dailyBudget: Int64 = 50_000_000) async throws -> Hierarchy {
        let campaign = try await send(
            .post, "/v1/adaccounts/\(account)/campaigns", json: Self.envelope("campaigns", campaign()))
        let campaignID = campaign.firstID("campaigns", "campaign")
        let squad = try await send(
            .post, "/v1/campaigns/\(campaignID)/adsquads",
            json: Self.envelope("adsquads", adSquad(campaignID: campaignID, dailyBudget: dailyBudget)))
        let squadID = squad.firstID("adsquads", "adsquad")
        let mediaID = try await uploadedMedia()
        let creative = try await send(
            .post, "/v1/adaccounts/\(account)/creatives", json: Self.envelope("creatives", creative(mediaID: mediaID)))
        let creativeID = creative.firstID("creatives", "creative")
        let ad = try await send(
            .post, "/v1/adsquads/\(squadID)/ads",
            json: Self.envelope("ads", ad(adSquadID: squadID, creativeID: creativeID)))
        let ids = Hierarchy(
            campaign: campaignID, adSquad: squadID, media: mediaID, creative: creativeID,
            ad: ad.firstID("ads", "ad"))
        #expect(![ids.campaign, ids.adSquad, ids.media, ids.creative, ids.ad].contains(""))
        return ids
    }

    /// Declares media and uploads a small PNG-ish file to it.
    func uploadedMedia() async throws -> String {
        let media = try await send(
            .post, "/v1/adaccounts/\(account)/media",
            json: Self.envelope(
                "media",
                .object([
                    ("name", .string("hero.png")), ("type", .string("IMAGE")), ("ad_account_id", .string(account)),
                ])))
        let mediaID = media.firstID("media", "media")
        let boundary = "snap-test-boundary"
        let upload = try await send(
            .post, "/v1/media/\(mediaID)/upload", body: Self.multipart(bytes: Data("PNGDATA".utf8), boundary: boundary),
            contentType: "multipart/form-data; boundary=\(boundary)")
        #expect(upload.status == 200)
        return mediaID
    }
}
