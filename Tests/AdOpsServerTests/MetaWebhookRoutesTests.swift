import AdOpsServer
import AdPlatformKit
import AdPlatformTesting
import Foundation
import HTTPTypes
import Hummingbird
import Testing
import Trafficking

/// `GET` and `POST /api/v1/webhooks/meta`: the handshake, the signature over the raw body, and deliveries applied at
/// once and once only.
@Suite struct MetaWebhookRoutesTests {
    static let webhook = MetaWebhookConfiguration(appSecret: "receiver-app-secret", verifyToken: "verify-me")
    static let path = "/api/v1/webhooks/meta"

    @Test("the handshake echoes the challenge as text/plain for the configured token, without an API key")
    func handshake() async throws {
        let harness = try APIHarness(metaWebhook: Self.webhook)
        try await harness.run { client in
            let reply = try await client.send(
                .get, "\(Self.path)?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=verify-me",
                authorization: nil)
            #expect(reply.status == .ok)
            #expect(reply.text == "1158201444")
            #expect(reply.headers[.contentType]?.hasPrefix("text/plain") == true)
        }
    }

    @Test("a wrong verify token is a 403 problem; an unconfigured receiver is a 503 naming the settings")
    func refusedHandshake() async throws {
        try await APIHarness(metaWebhook: Self.webhook).run { client in
            let reply = try await client.send(
                .get, "\(Self.path)?hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess", authorization: nil)
            #expect(reply.isProblem(.forbidden))
            #expect(reply.violationFields == ["hub.verify_token"])
        }
        try await APIHarness().run { client in
            let reply = try await client.send(
                .get, "\(Self.path)?hub.mode=subscribe&hub.challenge=1&hub.verify_token=verify-me",
                authorization: nil)
            #expect(reply.isProblem(.serviceUnavailable))
            #expect(reply.text.contains("ADOPS_META_APP_SECRET"))
        }
    }

    @Test("a forged, malformed or missing signature is a 403 problem, and nothing is recorded")
    func forgedSignature() async throws {
        let harness = try APIHarness(metaWebhook: Self.webhook)
        let body = MetaWebhookFixture.body(changes: [.init(id: "120210000000001", status: "ACTIVE")])
        let text = String(decoding: body, as: UTF8.self)
        let forged = MetaWebhookFixture.signature(of: body, secret: "not-the-secret")
        try await harness.run { client in
            for signature in [forged, "sha256=xyz", nil] {
                var headers: HTTPFields = [:]
                if let signature, let name = HTTPField.Name("X-Hub-Signature-256") { headers[name] = signature }
                let reply = try await client.send(
                    .post, Self.path, json: text, authorization: nil, headers: headers)
                #expect(reply.isProblem(.forbidden), "\(reply.text)")
                #expect(reply.violationFields == ["X-Hub-Signature-256"])
            }
        }
        #expect(try await harness.store.webhookReceiptCount(platform: .meta) == 0)
    }

    @Test("a valid batch is applied at once; the same delivery again is processed once")
    func appliedOnce() async throws {
        let harness = try APIHarness(metaWebhook: Self.webhook)
        try await harness.run { client in
            let job = try await JobRoutesTests.submitJob(client)
            try await JobRoutesTests.fail(job, in: harness.store)
            // Meta stamps the entry with the time of the change: after the launch recorded the mapping.
            let time = Int(harness.store.clock.now.timeIntervalSince1970) + 60
            let body = MetaWebhookFixture.body(
                time: time,
                changes: [
                    .init(id: "120210000000001", status: "ACTIVE"), .init(id: "999", status: "PAUSED", level: "AD"),
                ])
            let signature = MetaWebhookFixture.signature(of: body, secret: Self.webhook.appSecret)
            let name = try #require(HTTPField.Name("X-Hub-Signature-256"))
            let first = try await client.send(
                .post, Self.path, json: String(decoding: body, as: UTF8.self), authorization: nil,
                headers: [name: signature])
            #expect(first.status == .ok, "\(first.text)")
            #expect(first.object["received"] as? Int == 2)
            #expect(first.object["duplicates"] as? Int == 0)
            #expect(first.object["applied"] as? Int == 2)
            #expect(first.object["drifts"] as? Int == 1)
            let jobID = try #require(UUID(uuidString: job))
            let campaign = try #require(try await harness.store.campaign(job: jobID))
            #expect(campaign.drifted)

            let replay = try await client.send(
                .post, Self.path, json: String(decoding: body, as: UTF8.self), authorization: nil,
                headers: [name: signature])
            #expect(replay.status == .ok)
            #expect(replay.object["duplicates"] as? Int == 2)
            #expect(replay.object["applied"] as? Int == 0)
        }
        #expect(try await harness.store.webhookReceiptCount(platform: .meta) == 2)
    }

    @Test("a signed body that is not a Graph delivery is a 400 naming the field")
    func malformedDelivery() async throws {
        try await APIHarness(metaWebhook: Self.webhook).run { client in
            let body = Data(#"{"object":"ad_account","entry":[{"id":"1","changes":[]}]}"#.utf8)
            let name = try #require(HTTPField.Name("X-Hub-Signature-256"))
            let reply = try await client.send(
                .post, Self.path, json: String(decoding: body, as: UTF8.self), authorization: nil,
                headers: [name: MetaWebhookFixture.signature(of: body, secret: Self.webhook.appSecret)])
            #expect(reply.isProblem(.badRequest))
            #expect(reply.violationFields == ["entry[0].time"])
        }
    }
}
