import AdPlatformKit
import Automation
import Crypto
import Foundation
import Testing
import Trafficking

/// A notify action becomes one signed webhook per run and URL, which a receiver can verify.
@Suite("Rule notifications")
struct RuleNotificationTests {
    typealias F = AutomationFixtures

    static let secret = Data("whsec_test".utf8)
    static let rule = Rule(
        id: "alert", name: "Alert on expensive ad groups", scope: RuleScope(level: .adGroup),
        conditions: .compare(Comparison(.cpa, over: .last3Days, ">", 50)),
        actions: [.notify(url: "https://hooks.example.com/adops")])

    @Test("The matched entities go out in one webhook signed with HMAC-SHA256 of the body")
    func signedWebhook() throws {
        let entities = [F.entity("a"), F.entity("b"), F.entity("cheap")]
        let rows =
            F.rows("a", spend: 9_000, conversions: 1) + F.rows("b", spend: 6_000, conversions: 1)
            + F.rows("cheap", spend: 100, conversions: 1)
        let runner = F.runner(entities: entities, rows: rows, signer: WebhookSigner(secret: Self.secret))
        var history = ChangeHistory()
        let plan = try F.run(Self.rule, runner, history: &history)
        #expect(plan.requests.isEmpty)
        let delivery = try #require(plan.notifications.first)
        #expect(plan.notifications.count == 1)
        #expect(delivery.url == "https://hooks.example.com/adops")

        let expected = HMAC<SHA256>.authenticationCode(for: delivery.body, using: SymmetricKey(data: Self.secret))
        let hex = expected.map { String(format: "%02x", $0) }.joined()
        #expect(delivery.headers["X-AdOps-Signature-256"] == "sha256=\(hex)")
        #expect(WebhookSigner(secret: Self.secret).isValid("sha256=\(hex)", for: delivery.body))
        #expect(!WebhookSigner(secret: Data("other".utf8)).isValid("sha256=\(hex)", for: delivery.body))
        var tampered = delivery.body
        tampered.append(contentsOf: Array(" ".utf8))
        #expect(!WebhookSigner(secret: Self.secret).isValid("sha256=\(hex)", for: tampered))

        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let payload = try decoder.decode(RuleNotification.self, from: delivery.body)
        #expect(payload.ruleID == "alert")
        #expect(payload.firedAt == F.now)
        #expect(payload.entities.map(\.platformID) == ["a", "b"])
        #expect(payload.entities.first?.values == [ObservedValue(metric: .cpa, window: .last3Days, value: 90)])
        #expect(delivery.headers["X-AdOps-Delivery"] == payload.deliveryID)

        // The notification starts the cooldown: the next run sends nothing.
        let again = try F.run(Self.rule, runner, history: &history, at: F.now.addingTimeInterval(1_800))
        #expect(again.notifications.isEmpty)
    }

    @Test("Without a signing secret a notification errors rather than going out unsigned")
    func noSecret() throws {
        let runner = F.runner(entities: [F.entity("a")], rows: F.rows("a", spend: 9_000, conversions: 1))
        var history = ChangeHistory()
        let plan = try F.run(Self.rule, runner, history: &history)
        #expect(plan.notifications.isEmpty)
        #expect(plan.results.map(\.outcome) == [.errored])
    }

    @Test("The hand-written body decodes to the same notification, awkward strings and missing values included")
    func bodyRoundTrips() throws {
        let notification = RuleNotification(
            deliveryID: "d1", ruleID: "r\"1\\", ruleName: "Ünïcode / \"quotes\"\n\ttabs \u{1}",
            firedAt: F.now,
            entities: [
                RuleNotification.Entity(
                    campaignID: F.campaignID, level: .adGroup, platform: .meta, platformID: "a/1", name: "😀 ad set",
                    values: [
                        ObservedValue(metric: .cpa, window: .last3Days, value: 61.5),
                        ObservedValue(metric: .roas, window: .last7DaysIncludingToday, value: nil),
                        ObservedValue(target: "cpa", value: 40),
                        ObservedValue(metric: .ctr, window: .yesterday, value: 0.000_012_5),
                    ]),
                RuleNotification.Entity(
                    campaignID: F.campaignID, level: .campaign, platform: .google, platformID: "c", name: "",
                    values: []),
            ])
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(RuleNotification.self, from: notification.jsonBody()) == notification)
        #expect(try JSONSerialization.jsonObject(with: notification.jsonBody()) is [String: Any])
    }
}
