import Foundation
import MockPlatforms
import Testing

/// Hand-built Airtable Web API requests for the emulator tests, answered in-process through
/// ``MockPlatforms/respond(to:context:)`` (the socket path is covered separately). Requests are written from
/// Airtable's reference, with no client library.
struct AirtableTestClient {
    /// One answer: status, headers and the body as JSON.
    struct Answer {
        var status: Int
        var headers: [(String, String)]
        var body: Data
        /// The body as JSON, when it is JSON.
        var json: MockJSON? { MockJSON.parse(body) }
        /// `error.type` of the usual error shape.
        var errorType: String? { json?["error"]?["type"]?.string }
        /// `error.message` of the usual error shape.
        var errorMessage: String { json?["error"]?["message"]?.string ?? "" }
        /// The `records` list.
        var records: [MockJSON] { json?["records"]?.array ?? [] }
        /// A header by name, ignoring case.
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    /// The base the tests work in.
    static let base = "appAdOpsTickets01"
    /// The table, by name; paths carry it percent-encoded.
    static let table = "Campaign Tickets"
    /// The table's path segment.
    static let tablePath = "Campaign%20Tickets"

    let mock: MockPlatforms

    /// A fresh emulator; the per-base rate limit is lifted unless the test is about it.
    static func make(seed: UInt64 = 7, rateLimited: Bool = false) async throws -> AirtableTestClient {
        let client = AirtableTestClient(
            mock: try MockPlatforms(configuration: MockPlatformsConfiguration(port: 0, seed: seed)))
        if !rateLimited {
            let answer = await client.send(
                "PUT", "/_mock/airtable/settings", json: .object([("requestsPerSecond", .int(100_000))]))
            #expect(answer.status == 200)
        }
        return client
    }

    /// Sends a request; `path` may carry a query string.
    func send(
        _ method: String, _ path: String, json: MockJSON? = nil, raw: String? = nil, token: String? = "patMockToken.1"
    ) async -> Answer {
        let parts = path.split(separator: "?", maxSplits: 1)
        var headers: [String: String] = [:]
        if let token { headers["authorization"] = "Bearer \(token)" }
        var body = Data()
        if let json {
            body = Data(json.serialized.utf8)
            headers["content-type"] = "application/json"
        } else if let raw {
            body = Data(raw.utf8)
            headers["content-type"] = "application/json"
        }
        let request = MockRequest(
            method: method, path: String(parts.first ?? ""), queryString: parts.count > 1 ? parts[1] : nil,
            headers: headers, body: body, receivedAt: mock.world.now)
        let response = await mock.respond(to: request, context: nil)
        return Answer(status: response.status, headers: response.headers, body: response.body)
    }

    /// `/v0/{base}/{table}` with an optional suffix (`/rec…`, `?pageSize=…`).
    func tablePath(_ suffix: String = "") -> String { "/v0/\(Self.base)/\(Self.tablePath)\(suffix)" }

    /// Sets up the tickets table: text, selects, number, checkbox, URL and date fields.
    @discardableResult
    func setUpTickets() async -> Answer {
        func choices(_ names: [String]) -> MockJSON {
            .object([("choices", .array(names.map { .object([("name", .string($0))]) }))])
        }
        let fields: [MockJSON] = [
            .object([("name", .string("Name")), ("type", .string("singleLineText"))]),
            .object([
                ("name", .string("Status")), ("type", .string("singleSelect")),
                ("options", choices(["Ready", "Trafficked", "Paused"])),
            ]),
            .object([
                ("name", .string("Platforms")), ("type", .string("multipleSelects")),
                ("options", choices(["Meta", "TikTok", "Snapchat", "Google"])),
            ]),
            .object([
                ("name", .string("Budget")), ("type", .string("number")),
                ("options", .object([("precision", .int(2))])),
            ]),
            .object([("name", .string("Approved")), ("type", .string("checkbox"))]),
            .object([("name", .string("Brief")), ("type", .string("multilineText"))]),
            .object([("name", .string("Landing URL")), ("type", .string("url"))]),
            .object([("name", .string("Launch")), ("type", .string("dateTime"))]),
            .object([("name", .string("Campaign ID")), ("type", .string("singleLineText"))]),
        ]
        let answer = await send(
            "PUT", "/_mock/airtable/bases/\(Self.base)/tables/\(Self.tablePath)",
            json: .object([("fields", .array(fields))]))
        #expect(answer.status == 201 || answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
        return answer
    }

    /// Creates records (1–10 per call) and answers their ids in order.
    func create(_ records: [[(String, MockJSON)]], typecast: Bool = false) async throws -> [String] {
        var ids: [String] = []
        for start in stride(from: 0, to: records.count, by: 10) {
            let chunk = records[start..<min(records.count, start + 10)]
            let answer = await send(
                "POST", tablePath(),
                json: .object([
                    ("records", .array(chunk.map { .object([("fields", .object($0))]) })),
                    ("typecast", .bool(typecast)),
                ]))
            try #require(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
            ids += answer.records.compactMap { $0["id"]?.string }
        }
        return ids
    }

    /// The four tickets the filter tests run on.
    func seedTickets() async throws -> [String] {
        try await create([
            [
                ("Name", .string("Winter launch")), ("Status", .string("Ready")),
                ("Platforms", .array([.string("Meta"), .string("TikTok")])), ("Budget", .number("1500")),
                ("Approved", .bool(true)),
            ],
            [
                ("Name", .string("Spring sale")), ("Status", .string("Ready")),
                ("Platforms", .array([.string("Snapchat")])), ("Budget", .number("800")),
            ],
            [
                ("Name", .string("Summer teaser campaign")), ("Status", .string("Paused")),
                ("Platforms", .array([.string("Google"), .string("Meta")])), ("Budget", .number("250.5")),
                ("Approved", .bool(true)), ("Campaign ID", .string("120210000000000001")),
            ],
            [("Name", .string("Autumn")), ("Status", .string("Trafficked")), ("Budget", .number("5000"))],
        ])
    }

    /// The `Name`s of a list answer, in order.
    static func names(_ answer: Answer) -> [String] {
        answer.records.compactMap { $0["fields"]?["Name"]?.string }
    }

    /// A query string value, percent-encoded for a URL query.
    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
