import AdPlatformKit
import Foundation
import MockPlatforms

/// Sends hand-built TikTok Marketing API requests to a running emulator over a real socket, and reads the
/// envelope with the emulator-independent `MockJSON` parser (the TikTok adapter module is not used).
struct TikTokTestClient {
    /// The advertiser the tests act for.
    static let advertiser = "7000000000000000001"

    let baseURL: URL
    let transport = AsyncHTTPClientTransport()

    /// A reply: HTTP status, headers and the parsed envelope.
    struct Reply {
        let status: Int
        let headers: HTTPHeaderFields
        let json: MockJSON

        /// The envelope `code`.
        var code: Int { json["code"]?.int64.map { Int($0) } ?? -1 }
        /// The envelope `message`.
        var message: String { json["message"]?.string ?? "" }
        /// The envelope `data`.
        var data: MockJSON { json["data"] ?? .null }
        /// `data.list`.
        var list: [MockJSON] { data["list"]?.array ?? [] }
    }

    /// `POST /open_api/v1.3/<route>/` with a JSON body.
    func post(_ route: String, _ body: MockJSON, token: String? = "TEST_TOKEN") async throws -> Reply {
        try await send("POST", route, body: Data(body.serialized.utf8), contentType: "application/json", token: token)
    }

    /// `GET /open_api/v1.3/<route>/` with query parameters (list and object values JSON-encoded by the caller).
    func get(_ route: String, _ query: [(String, String)], token: String? = "TEST_TOKEN") async throws -> Reply {
        try await send("GET", route, query: query, token: token)
    }

    /// Any request, with raw bytes.
    func send(
        _ method: String, _ route: String, query: [(String, String)] = [], body: Data? = nil,
        contentType: String? = nil, token: String? = "TEST_TOKEN", trailingSlash: Bool = true
    ) async throws -> Reply {
        let path = route.hasPrefix("/") ? route : "/open_api/v1.3/" + route + (trailingSlash ? "/" : "")
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) ?? URLComponents()
        components.path = path
        if !query.isEmpty {
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            components.percentEncodedQuery = query.map { name, value in
                name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
            }.joined(separator: "&")
        }
        var headers = HTTPHeaderFields()
        if let token { headers.append(name: "Access-Token", value: token) }
        if let contentType { headers.append(name: "Content-Type", value: contentType) }
        guard let url = components.url else { throw URLError(.badURL) }
        let response = try await transport.send(
            PlatformHTTPRequest(method: HTTPMethod(rawValue: method) ?? .get, url: url, headers: headers, body: body))
        return Reply(status: response.status, headers: response.headers, json: MockJSON.parse(response.body) ?? .null)
    }

    /// A multipart upload to `file/image/ad/upload/`.
    func upload(fields: [(String, String)], file: (name: String, data: Data)?) async throws -> Reply {
        let boundary = "tiktok-test-boundary-1f2e3d"
        var body = Data()
        for (name, value) in fields {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            let disposition = "form-data; name=\"image_file\"; filename=\"\(file.name)\""
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: \(disposition)\r\nContent-Type: image/png\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await send(
            "POST", "file/image/ad/upload", body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    // MARK: - Builders

    /// A campaign body; `extra` members replace or extend the defaults.
    static func campaign(_ name: String, extra: [(String, MockJSON)] = []) -> MockJSON {
        merged(
            [
                ("advertiser_id", .string(advertiser)), ("campaign_name", .string(name)),
                ("objective_type", .string("TRAFFIC")),
            ], extra)
    }

    /// Members with `extra` replacing same-named ones in place and appending the rest.
    static func merged(_ base: [(String, MockJSON)], _ extra: [(String, MockJSON)]) -> MockJSON {
        var members = base
        for (key, value) in extra {
            if let index = members.firstIndex(where: { $0.0 == key }) {
                members[index].1 = value
            } else {
                members.append((key, value))
            }
        }
        return .object(members)
    }

    /// An ad group body under a campaign, starting at `start`, with a daily budget.
    static func adGroup(
        _ name: String, campaign: String, start: Date, budget: String = "20", extra: [(String, MockJSON)] = []
    ) -> MockJSON {
        let members: [(String, MockJSON)] = [
            ("advertiser_id", .string(advertiser)), ("campaign_id", .string(campaign)), ("adgroup_name", .string(name)),
            ("promotion_type", .string("WEBSITE")), ("placement_type", .string("PLACEMENT_TYPE_NORMAL")),
            ("placements", .array([.string("PLACEMENT_TIKTOK")])), ("location_ids", .array([.string("6252001")])),
            ("budget_mode", .string("BUDGET_MODE_DAY")), ("budget", .number(budget)),
            ("schedule_type", .string("SCHEDULE_FROM_NOW")), ("schedule_start_time", .string(timestamp(start))),
            ("optimization_goal", .string("CLICK")), ("billing_event", .string("CPC")),
            ("pacing", .string("PACING_MODE_SMOOTH")),
        ]
        return merged(members, extra)
    }

    /// An ad body with one creative.
    static func ad(adgroup: String, image: String, creative: [(String, MockJSON)] = []) -> MockJSON {
        let members: [(String, MockJSON)] = [
            ("ad_name", .string("Hero ad")), ("ad_format", .string("SINGLE_IMAGE")),
            ("ad_text", .string("Stream the new season tonight.")), ("image_ids", .array([.string(image)])),
            ("call_to_action", .string("SIGN_UP")),
            ("landing_page_url", .string("https://example.com/signup?utm_source=tiktok&utm_campaign=winter")),
            ("display_name", .string("StreamCo")), ("identity_type", .string("CUSTOMIZED_USER")),
            ("identity_id", .string("7100000000000000009")),
        ]
        return .object([
            ("advertiser_id", .string(advertiser)), ("adgroup_id", .string(adgroup)),
            ("creatives", .array([merged(members, creative)])),
        ])
    }

    /// `YYYY-MM-DD HH:MM:SS` in UTC.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    /// `YYYY-MM-DD` in UTC.
    static func day(_ date: Date) -> String { String(timestamp(date).prefix(10)) }

    /// A minimal PNG header (signature and IHDR) of a given size, padded to `length` bytes.
    static func png(width: UInt32 = 1080, height: UInt32 = 1920, length: Int = 64) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        for value in [width, height] {
            bytes += [
                UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF),
            ]
        }
        bytes += [8, 6, 0, 0, 0]
        if bytes.count < length { bytes += [UInt8](repeating: 0, count: length - bytes.count) }
        return Data(bytes)
    }

    /// Lower-case hex MD5, computed independently of the emulator.
    static func md5(_ data: Data) -> String { ContentDigest.md5Hex(data) }
}
