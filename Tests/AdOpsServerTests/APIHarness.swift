import AdOpsServer
import AdPlatformKit
import AdPlatformTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import Trafficking

/// The API over an in-memory store with fake Meta and TikTok modules, and the key that opens it. Tests go through
/// the router (`app.test(.router)`), without sockets.
struct APIHarness: Sendable {
    /// The key the harness's configuration accepts.
    static let apiKey = "adops-test-key-5f0c1d"

    let store: SQLiteTraffickingStore
    let engine: TraffickingEngine
    let configuration: AdOpsServerConfiguration

    init(
        apiKeyHashes: [String] = [AdOpsServerConfiguration.hash(apiKey: apiKey)], maximumBodyBytes: Int = 12 << 20,
        metaWebhook: MetaWebhookConfiguration? = nil
    ) throws {
        try self.init(
            store: nil, apiKeyHashes: apiKeyHashes, maximumBodyBytes: maximumBodyBytes, metaWebhook: metaWebhook)
    }

    /// A harness whose engine uses `store` instead of the in-memory SQLite store (which ``store`` still holds).
    init(
        store engineStore: (any TraffickingStore)?,
        apiKeyHashes: [String] = [AdOpsServerConfiguration.hash(apiKey: apiKey)], maximumBodyBytes: Int = 12 << 20,
        metaWebhook: MetaWebhookConfiguration? = nil
    ) throws {
        store = try SQLiteTraffickingStore.inMemory(
            cipher: try CredentialCipher(key: CredentialCipher.generateKey()),
            clock: ManualWallClock.fromEnvironment().clock)
        engine = TraffickingEngine(
            store: engineStore ?? store,
            registry: PlatformRegistry(
                transport: ScriptedTransport(),
                [
                    RegisteredPlatform { _ in FakePlatform<FakeMeta>() },
                    RegisteredPlatform { _ in FakePlatform<FakeTikTok>() },
                ]))
        configuration = AdOpsServerConfiguration(
            apiKeyHashes: apiKeyHashes, maximumBodyBytes: maximumBodyBytes, metaWebhook: metaWebhook)
    }

    /// Runs `body` with a client talking to the router.
    func run<Value: Sendable>(_ body: @Sendable (Client) async throws -> Value) async throws -> Value {
        var logger = Logger(label: "adops-server-tests")
        logger.logLevel = .critical
        let router = AdOpsAPI.router(engine: engine, configuration: configuration, logger: logger)
        let app = Application(router: router, logger: logger)
        return try await app.test(.router) { client in try await body(Client(client: client)) }
    }

    /// A test client that sends the API key unless told otherwise, and JSON bodies.
    struct Client: Sendable {
        let client: any TestClientProtocol

        /// Sends a request; `body` is a JSON object or array (encoded here), a `String` (sent as is) or `nil`.
        func send(
            _ method: HTTPRequest.Method, _ uri: String, json body: Any? = nil,
            authorization: String? = "Bearer \(APIHarness.apiKey)", headers extra: HTTPFields = [:]
        ) async throws -> Reply {
            var headers: HTTPFields = [.contentType: "application/json"]
            if let authorization { headers[.authorization] = authorization }
            headers.append(contentsOf: extra)
            var buffer: ByteBuffer?
            switch body {
            case nil: buffer = nil
            case let text as String: buffer = ByteBuffer(string: text)
            case let object?: buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
            }
            let response = try await client.execute(uri: uri, method: method, headers: headers, body: buffer)
            return Reply(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }

        /// Registers an account through the API and returns its id.
        func createAccount(
            platform: String = "meta", name: String = "Disney+ US", status: String? = nil, currency: String = "USD"
        ) async throws -> String {
            var body: [String: Any] = [
                "platform": platform, "platform_account_id": "act_\(Int.random(in: 1000...9999))", "name": name,
                "currency": currency, "credentials": ["access_token": "secret-access-\(platform)"],
            ]
            if let status { body["status"] = status }
            let reply = try await send(.post, "/api/v1/ad_accounts", json: body)
            try #require(reply.status == .created, "\(reply.text)")
            return try #require(reply.object["id"] as? String)
        }
    }

    /// A response, with its body as text and parsed JSON.
    struct Reply: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let text: String

        /// The body as a JSON object, or empty.
        var object: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        }

        /// The `violations[].field` values of a problem body.
        var violationFields: [String] {
            (object["violations"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
        }

        /// Whether the body is a problem object with this status.
        func isProblem(_ expected: HTTPResponse.Status) -> Bool {
            status == expected && headers[.contentType] == "application/problem+json"
                && object["status"] as? Int == expected.code && object["type"] is String
                && object["title"] is String && object["detail"] is String
        }
    }

    /// A request every fake platform accepts, in the ticket schema; `headline` and `countries` can break it.
    static func request(headline: String = "Stream Disney+ this winter", countries: [String] = ["US"]) -> [String: Any]
    {
        [
            "name": "Disney+ Signup — Winter 2026",
            "objective": "conversions",
            "budget": ["period": "daily", "amount": "200.00", "currency": "USD"],
            "schedule": ["start": "2026-12-01T00:00:00Z", "end": "2027-01-31T23:59:59Z"],
            "targeting": ["countries": countries, "ageRange": ["min": 18, "max": 49]],
            "adGroups": [["key": "families", "name": "Families with kids"]],
            "creatives": [
                [
                    "key": "social-hero", "name": "Winter hero", "headlines": [headline],
                    "media": [["kind": "image", "source": "https://cdn.example.com/disneyplus-hero.png"]],
                    "callToAction": "signUp", "landingURL": "https://disneyplus-signup-demo.localhost/",
                ]
            ],
            "ads": [["name": "Families — winter hero", "adGroup": "families", "creative": "social-hero"]],
        ]
    }
}
