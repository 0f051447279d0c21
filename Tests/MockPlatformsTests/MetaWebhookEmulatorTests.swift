import AdPlatformKit
import AdPlatformTesting
import Foundation
import MockPlatforms
import NIOCore
import Synchronization
import Testing

/// The Meta emulator's webhooks without sockets: the subscription handshake, the signature, batching, retries on
/// the virtual clock, and a status change from the control plane. Callbacks answer through a scripted transport.
@Suite("Meta emulator webhooks")
struct MetaWebhookEmulatorTests {
    static let appID = "900000000000001"
    static let secret = "emulator-app-secret"
    static let callback = "http://127.0.0.1:9/hooks/meta"

    /// Emulators whose Meta webhooks call `callbacks`, and a transport that sends Graph calls to them in-process.
    struct Fixture {
        let mock: MockPlatforms
        let webhooks: MetaWebhooks
        let graph: MockPlatformsTransport

        init(callbacks: ScriptedTransport) throws {
            webhooks = MetaWebhooks(transport: callbacks)
            mock = try MockPlatforms(
                configuration: MockPlatformsConfiguration(port: 0, clock: ManualWallClock.fromEnvironment().clock),
                emulators: [MetaEmulator(webhooks: webhooks)])
            graph = MockPlatformsTransport(mock: mock)
        }

        /// A Graph call with a form body; the answer's status and JSON.
        func call(
            _ method: AdPlatformKit.HTTPMethod, _ path: String, _ form: [(String, String)] = [],
            token: String = "TEST"
        ) async throws -> (Int, MockJSON?) {
            var query = "access_token=" + (token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            if method == .get || method == .delete {
                for (name, value) in form {
                    query += "&\(name)=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                }
            }
            let url = try #require(URL(string: "http://127.0.0.1/v21.0/\(path)?\(query)"))
            var headers = HTTPHeaderFields()
            var body: Data?
            if method == .post {
                headers.append(name: "Content-Type", value: "application/x-www-form-urlencoded")
                body = Data(
                    form.map { "\($0.0)=" + ($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
                        .joined(separator: "&").utf8)
            }
            let response = try await graph.send(
                PlatformHTTPRequest(method: method, url: url, headers: headers, body: body))
            return (response.status, MockJSON.parse(response.body))
        }

        /// Subscribes the app to `ad_account` status changes and installs it on act_1001.
        func subscribe() async throws {
            let (status, json) = try await call(
                .post, "\(MetaWebhookEmulatorTests.appID)/subscriptions",
                [
                    ("object", "ad_account"), ("callback_url", MetaWebhookEmulatorTests.callback),
                    ("fields", "status_changed_ad_objects"), ("verify_token", "let-me-in"),
                ], token: "\(MetaWebhookEmulatorTests.appID)|\(MetaWebhookEmulatorTests.secret)")
            try #require(status == 200, "\(String(describing: json))")
            let (installed, answer) = try await call(
                .post, "act_1001/subscribed_apps", [("app_id", MetaWebhookEmulatorTests.appID)])
            try #require(installed == 200, "\(String(describing: answer))")
        }
    }

    /// A callback that answers the handshake by echoing the challenge, and deliveries with `statuses` in turn
    /// (200 once they run out).
    static func callbacks(statuses: [Int] = []) -> ScriptedTransport {
        let remaining = LockedStatuses(statuses)
        return ScriptedTransport { request in
            if request.method == .get {
                let challenge = request.queryValue("hub.challenge") ?? ""
                return PlatformHTTPResponse(status: 200, headers: [:], body: Data(challenge.utf8))
            }
            return PlatformHTTPResponse(status: remaining.next(), headers: [:], body: Data())
        }
    }

    @Test("Subscribing performs the hub.challenge handshake with the verify token, and lists the subscription")
    func handshake() async throws {
        let callbacks = Self.callbacks()
        let fixture = try Fixture(callbacks: callbacks)
        try await fixture.subscribe()
        let handshake = try #require(callbacks.requests.first)
        #expect(handshake.method == .get)
        #expect(handshake.queryValue("hub.mode") == "subscribe")
        #expect(handshake.queryValue("hub.verify_token") == "let-me-in")
        #expect(handshake.queryValue("hub.challenge")?.isEmpty == false)
        let (status, json) = try await fixture.call(
            .get, "\(Self.appID)/subscriptions", token: "\(Self.appID)|\(Self.secret)")
        #expect(status == 200)
        let subscription = try #require(json?["data"]?.array?.first)
        #expect(subscription["object"]?.string == "ad_account")
        #expect(subscription["callback_url"]?.string == Self.callback)
        #expect(subscription["fields"]?.array?.first?["name"]?.string == "status_changed_ad_objects")
    }

    @Test("A callback that does not echo the challenge, or is not on loopback, is refused; a user token too")
    func refusedHandshake() async throws {
        let wrong = ScriptedTransport { _ in PlatformHTTPResponse(status: 200, headers: [:], body: Data("nope".utf8)) }
        let fixture = try Fixture(callbacks: wrong)
        let form = [
            ("object", "ad_account"), ("callback_url", Self.callback), ("fields", "status_changed_ad_objects"),
            ("verify_token", "t"),
        ]
        let (status, json) = try await fixture.call(
            .post, "\(Self.appID)/subscriptions", form, token: "\(Self.appID)|\(Self.secret)")
        #expect(status == 400)
        #expect(json?["error"]?["code"]?.int64 == 2200)
        let outside = form.map { $0.0 == "callback_url" ? ($0.0, "http://example.com/hook") : $0 }
        let (_, refused) = try await fixture.call(
            .post, "\(Self.appID)/subscriptions", outside, token: "\(Self.appID)|\(Self.secret)")
        #expect(refused?["error"]?["code"]?.int64 == 100)
        let (_, user) = try await fixture.call(.post, "\(Self.appID)/subscriptions", form)
        #expect(user?["error"]?["code"]?.int64 == 15)
        #expect(fixture.webhooks.subscriptions(ofApp: Self.appID).isEmpty)
    }

    @Test("A Graph status change is delivered signed: sha256= HMAC-SHA256 of the raw body under the app secret")
    func signedDelivery() async throws {
        let callbacks = Self.callbacks()
        let fixture = try Fixture(callbacks: callbacks)
        try await fixture.subscribe()
        let (_, created) = try await fixture.call(
            .post, "act_1001/campaigns",
            [
                ("name", "Webhook me"), ("objective", "OUTCOME_SALES"), ("status", "ACTIVE"),
                ("special_ad_categories", "[]"), ("daily_budget", "1000"),
            ])
        let id = try #require(created?["id"]?.string, "\(String(describing: created))")
        let (updated, _) = try await fixture.call(.post, id, [("status", "PAUSED")])
        #expect(updated == 200)
        while await fixture.webhooks.deliverDue(now: fixture.mock.world.now) {}
        let post = try #require(callbacks.requests.last { $0.method == .post })
        let body = try #require(post.body)
        let expected =
            "sha256=" + ContentDigest.hmacSHA256Hex(key: Self.secret, message: String(decoding: body, as: UTF8.self))
        #expect(post.headers["X-Hub-Signature-256"] == expected)
        #expect(post.url.absoluteString == Self.callback)
        let json = try #require(MockJSON.parse(body))
        #expect(json["object"]?.string == "ad_account")
        let entry = try #require(json["entry"]?.array?.first)
        #expect(entry["id"]?.string == "1001")
        #expect(entry["time"]?.int64 == Int64(fixture.mock.world.now.timeIntervalSince1970))
        let change = try #require(entry["changes"]?.array?.first)
        #expect(change["field"]?.string == "status_changed_ad_objects")
        #expect(change["value"]?["id"]?.string == id)
        #expect(change["value"]?["status"]?.string == "PAUSED")
        #expect(change["value"]?["level"]?.string == "CAMPAIGN")
        #expect(fixture.webhooks.deliveries.map(\.state) == [.delivered])
    }

    @Test("Changes are batched: one delivery per 1000 changes, one entry per ad account")
    func batching() async throws {
        let callbacks = Self.callbacks()
        let fixture = try Fixture(callbacks: callbacks)
        try await fixture.subscribe()
        let (installed, _) = try await fixture.call(.post, "act_1002/subscribed_apps", [("app_id", Self.appID)])
        #expect(installed == 200)
        let now = fixture.mock.world.now
        for index in 0..<1_500 {
            let account = index.isMultiple(of: 2) ? "1001" : "1002"
            fixture.webhooks.record(
                account: account, field: MetaWebhooks.statusChangeField,
                value: .object([("id", .string("12021\(index)")), ("status", .string("PAUSED"))]), at: now)
        }
        while await fixture.webhooks.deliverDue(now: now) {}
        let deliveries = fixture.webhooks.deliveries
        #expect(deliveries.map(\.changeCount) == [1_000, 500])
        #expect(deliveries.allSatisfy { $0.state == .delivered })
        let first = try #require(MockJSON.parse(deliveries[0].body))
        #expect(first["entry"]?.array?.compactMap { $0["id"]?.string } == ["1001", "1002"])
        #expect(first["entry"]?.array?.first?["changes"]?.array?.count == 500)
        #expect(callbacks.requests.filter { $0.method == .post }.count == 2)
    }

    @Test("A failing callback is retried at once, then on the virtual clock's schedule, until it answers 2xx")
    func retries() async throws {
        let callbacks = Self.callbacks(statuses: [500, 503])
        let fixture = try Fixture(callbacks: callbacks)
        try await fixture.subscribe()
        let start = fixture.mock.world.now
        fixture.webhooks.record(
            account: "1001", field: MetaWebhooks.statusChangeField,
            value: .object([("id", .string("120210000000001")), ("status", .string("PAUSED"))]), at: start)
        while await fixture.webhooks.deliverDue(now: start) {}
        var delivery = try #require(fixture.webhooks.deliveries.first)
        #expect(delivery.attempts.map(\.status) == [500, 503], "the first retry is immediate")
        #expect(delivery.state == .pending)
        #expect(delivery.nextAttemptAt == start.addingTimeInterval(60))
        #expect(await fixture.webhooks.deliverDue(now: start.addingTimeInterval(59)) == false)
        #expect(fixture.webhooks.deliveries.first?.attempts.count == 2, "not due before the minute")
        let later = fixture.mock.world.advance(by: 60)
        while await fixture.webhooks.deliverDue(now: later) {}
        delivery = try #require(fixture.webhooks.deliveries.first)
        #expect(delivery.attempts.map(\.status) == [500, 503, 200])
        #expect(delivery.state == .delivered)
        let posts = callbacks.requests.filter { $0.method == .post }
        #expect(Set(posts.compactMap(\.body)).count == 1, "every retry sends the same signed body")
    }

    @Test("An unreachable callback is dropped after the 36-hour schedule")
    func dropped() async throws {
        let callbacks = ScriptedTransport { request in
            if request.method == .get {
                return PlatformHTTPResponse(
                    status: 200, headers: [:], body: Data((request.queryValue("hub.challenge") ?? "").utf8))
            }
            throw AdPlatformError(code: .transient, message: "connection refused", httpStatus: nil)
        }
        let fixture = try Fixture(callbacks: callbacks)
        try await fixture.subscribe()
        fixture.webhooks.record(
            account: "1001", field: MetaWebhooks.statusChangeField, value: .object([("id", .string("1"))]),
            at: fixture.mock.world.now)
        let end = fixture.mock.world.advance(by: 0)
        while await fixture.webhooks.deliverDue(now: end) {}
        let far = fixture.mock.world.advance(by: 37 * 3_600)
        while await fixture.webhooks.deliverDue(now: far) {}
        let delivery = try #require(fixture.webhooks.deliveries.first)
        #expect(delivery.state == .dropped)
        #expect(delivery.attempts.count == MetaWebhooks.retryOffsets.count + 1)
        #expect(delivery.attempts.allSatisfy { $0.error != nil })
    }

    @Test("A status change from the control plane (Ads Manager) queues a delivery, and the deliveries are listed")
    func controlPlaneStatus() async throws {
        let callbacks = Self.callbacks()
        let fixture = try Fixture(callbacks: callbacks)
        try await fixture.subscribe()
        let (_, created) = try await fixture.call(
            .post, "act_1001/campaigns",
            [
                ("name", "Ads Manager pause"), ("objective", "OUTCOME_SALES"), ("status", "ACTIVE"),
                ("special_ad_categories", "[]"), ("daily_budget", "1000"),
            ])
        let id = try #require(created?["id"]?.string)
        let control = MockRequest(
            method: "POST", path: "/_mock/meta/entities/\(id)/status", queryString: nil,
            headers: ["content-type": "application/json"], body: Data(#"{"status":"PAUSED"}"#.utf8),
            receivedAt: fixture.mock.world.now)
        let answer = await fixture.mock.respond(to: control, context: nil)
        #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
        #expect(fixture.mock.world.entity("meta", id)?.fields["status"]?.string == "PAUSED")
        let flush = MockRequest(
            method: "POST", path: "/_mock/meta/webhook-deliveries/flush", queryString: nil, headers: [:],
            body: Data(), receivedAt: fixture.mock.world.now)
        _ = await fixture.mock.respond(to: flush, context: nil)
        let list = MockRequest(
            method: "GET", path: "/_mock/meta/webhook-deliveries", queryString: "state=delivered", headers: [:],
            body: Data(), receivedAt: fixture.mock.world.now)
        let listed = try #require(MockJSON.parse(await fixture.mock.respond(to: list, context: nil).body))
        let delivery = try #require(listed.array?.first)
        #expect(delivery["body"]?.string?.contains(id) == true)
        #expect(delivery["signature"]?.string?.hasPrefix("sha256=") == true)
        let unknown = MockRequest(
            method: "POST", path: "/_mock/meta/entities/999/status", queryString: nil, headers: [:],
            body: Data(#"{"status":"PAUSED"}"#.utf8), receivedAt: fixture.mock.world.now)
        #expect(await fixture.mock.respond(to: unknown, context: nil).status == 404)
    }
}

/// Statuses handed out in turn, then 200.
final class LockedStatuses: Sendable {
    private let statuses: Mutex<[Int]>

    init(_ statuses: [Int]) { self.statuses = Mutex(statuses) }

    func next() -> Int { statuses.withLock { $0.isEmpty ? 200 : $0.removeFirst() } }
}
