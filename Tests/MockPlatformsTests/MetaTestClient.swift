import AdPlatformKit
import Foundation
import MockPlatforms

/// Sends hand-built Graph API requests to a running emulator over a real socket, as Meta's SDK does (token in
/// the query, form bodies whose values are JSON strings), and reads answers with the emulator-independent
/// `MockJSON` parser. The Meta adapter module is not used.
struct MetaTestClient {
    /// The ad account the tests act on.
    static let account = "act_1001"

    let baseURL: URL
    var version = "v21.0"
    let transport = AsyncHTTPClientTransport()

    /// An answer: HTTP status, headers and the parsed body.
    struct Reply {
        let status: Int
        let headers: HTTPHeaderFields
        let json: MockJSON

        /// `id` of a create.
        var id: String { json["id"]?.string ?? "" }
        /// The Graph error object, if any.
        var error: MockJSON? { json["error"] }
        /// `error.code`.
        var code: Int? { error?["code"]?.int64.map { Int($0) } }
        /// `error.error_subcode`.
        var subcode: Int? { error?["error_subcode"]?.int64.map { Int($0) } }
        /// `error.message`.
        var message: String { error?["message"]?.string ?? "" }
        /// `data` of a list.
        var data: [MockJSON] { json["data"]?.array ?? [] }
        /// `paging.cursors.after`.
        var after: String? { json["paging"]?["cursors"]?["after"]?.string }
        /// Whether `paging.next` is present.
        var hasNext: Bool { json["paging"]?["next"] != nil }
        /// A header value.
        func header(_ name: String) -> String? { headers[name] }
    }

    /// `POST /{v}/<path>` with a form body, `extra` replacing same-named fields.
    func post(
        _ path: String, _ form: [(String, String)], with extra: [(String, String)], token: String? = "TEST"
    )
        async throws -> Reply
    {
        let names = Set(extra.map(\.0))
        return try await post(path, form.filter { !names.contains($0.0) } + extra, token: token)
    }

    /// `POST /{v}/<path>` with a form body; values that are JSON are passed as their compact text.
    func post(_ path: String, _ form: [(String, String)], token: String? = "TEST") async throws -> Reply {
        try await send(
            "POST", path, query: [], body: Data(Self.encode(form).utf8),
            contentType: "application/x-www-form-urlencoded", token: token)
    }

    /// `GET /{v}/<path>` with query parameters.
    func get(_ path: String, _ query: [(String, String)] = [], token: String? = "TEST") async throws -> Reply {
        try await send("GET", path, query: query, token: token)
    }

    /// `DELETE /{v}/<path>`.
    func delete(_ path: String, _ query: [(String, String)] = [], token: String? = "TEST") async throws -> Reply {
        try await send("DELETE", path, query: query, token: token)
    }

    /// Any request; `path` is relative to the version unless it starts with `/`.
    func send(
        _ method: String, _ path: String, query: [(String, String)] = [], body: Data? = nil,
        contentType: String? = nil, token: String? = "TEST"
    ) async throws -> Reply {
        let fullPath = path.hasPrefix("/") ? path : "/\(version)/" + path
        var items = query
        if let token { items.append(("access_token", token)) }
        var text = baseURL.absoluteString + fullPath
        if !items.isEmpty { text += "?" + Self.encode(items) }
        guard let url = URL(string: text) else { throw URLError(.badURL) }
        var headers = HTTPHeaderFields()
        if let contentType { headers.append(name: "Content-Type", value: contentType) }
        let response = try await transport.send(
            PlatformHTTPRequest(method: HTTPMethod(rawValue: method) ?? .get, url: url, headers: headers, body: body))
        return Reply(status: response.status, headers: response.headers, json: MockJSON.parse(response.body) ?? .null)
    }

    /// A multipart upload to `act_<id>/adimages`.
    func upload(
        _ parts: [(name: String, fileName: String?, data: Data)], account: String = MetaTestClient.account
    ) async throws -> Reply {
        let boundary = "meta-test-boundary-5c1d"
        var body = Data()
        for part in parts {
            var disposition = "Content-Disposition: form-data; name=\"\(part.name)\""
            if let fileName = part.fileName { disposition += "; filename=\"\(fileName)\"\r\nContent-Type: image/png" }
            body.append(Data("--\(boundary)\r\n\(disposition)\r\n\r\n".utf8))
            body.append(part.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await send(
            "POST", "\(account)/adimages", body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    // MARK: - Building blocks

    /// A paused campaign with a $10.00 daily budget (CBO).
    func createCampaign(_ name: String = "Campaign", extra: [(String, String)] = []) async throws -> Reply {
        try await post(
            "\(Self.account)/campaigns",
            [
                ("name", name), ("objective", "OUTCOME_SALES"), ("status", "PAUSED"), ("special_ad_categories", "[]"),
                ("daily_budget", "1000"),
            ], with: extra)
    }

    /// A paused ad set under a campaign.
    func createAdSet(campaign: String, extra: [(String, String)] = []) async throws -> Reply {
        try await post(
            "\(Self.account)/adsets",
            [
                ("name", "US adults"), ("campaign_id", campaign), ("billing_event", "IMPRESSIONS"),
                ("optimization_goal", "LINK_CLICKS"), ("status", "PAUSED"),
                ("targeting", #"{"geo_locations":{"countries":["US"]},"age_min":18,"age_max":49}"#),
            ], with: extra)
    }

    /// A link creative, with an uploaded image when a hash is given.
    func createCreative(
        imageHash: String?, link: String = "https://example.com/signup?utm_source=facebook"
    )
        async throws -> Reply
    {
        var linkData: [(String, MockJSON)] = [("link", .string(link)), ("message", .string("Sign up today."))]
        if let imageHash { linkData.append(("image_hash", .string(imageHash))) }
        let spec = MockJSON.object([("page_id", .string("111222333")), ("link_data", .object(linkData))])
        return try await post(
            "\(Self.account)/adcreatives", [("name", "Hero"), ("object_story_spec", spec.serialized)])
    }

    /// A paused ad.
    func createAd(adSet: String, creative: String) async throws -> Reply {
        try await post(
            "\(Self.account)/ads",
            [
                ("name", "Hero ad"), ("adset_id", adSet), ("creative", #"{"creative_id":"\#(creative)"}"#),
                ("status", "PAUSED"),
            ])
    }

    /// `application/x-www-form-urlencoded` text.
    static func encode(_ pairs: [(String, String)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return pairs.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name) + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }.joined(separator: "&")
    }

    /// A minimal PNG header with a size, enough for the emulator to measure it.
    static func png(width: UInt32 = 1080, height: UInt32 = 1080, padding: Int = 16) -> Data {
        var data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        data.append(Data("IHDR".utf8))
        for value in [width, height] { withUnsafeBytes(of: value.bigEndian) { data.append(contentsOf: $0) } }
        data.append(Data([8, 2, 0, 0, 0, 0, 0, 0, 0]))
        data.append(Data(repeating: 0x42, count: padding))
        return data
    }
}
