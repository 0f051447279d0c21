import AdOpsServer
import AdPlatformKit
import Foundation
import Hummingbird
import Testing
import Trafficking

extension ActionRoutesTests {
    @Test("202 for a bid, a targeting change and an archive, each with its value and the steps' new values")
    func newKinds() async throws {
        let harness = try Harness()
        let campaign = try await harness.campaign(on: .meta)
        try await harness.run { client in
            let bid = try await client.send(
                .post, Self.actions(campaign),
                json: ["type": "bid", "level": "adGroup", "bid": ["strategy": "costCap", "amount": "12.00"]])
            #expect(bid.status == .accepted, "\(bid.text)")
            let set = try #require(bid.object["bid"] as? [String: Any])
            #expect(set["strategy"] as? String == "costCap" && set["amount"] as? String == "12.00")
            #expect(set["currency"] as? String == "USD", "the account's currency by default")
            let step = try #require((bid.object["steps"] as? [[String: Any]])?.first)
            #expect(step["field"] as? String == "bid" && step["platform_id"] as? String == "g1")
            #expect(
                ((step["new_value"] as? [String: Any])?["bid"] as? [String: Any])?["strategy"] as? String == "costCap")

            let roas = try await client.send(
                .post, Self.actions(campaign),
                json: ["type": "bid", "level": "adGroup", "bid": ["strategy": "automatic"]])
            #expect(roas.status == .accepted, "\(roas.text)")

            let targeting = try await client.send(
                .post, Self.actions(campaign),
                json: [
                    "type": "targeting", "level": "adGroup",
                    "targeting": [
                        "countries": ["US", "CA"], "ageRange": ["min": 25, "max": 44], "genders": ["female"],
                    ],
                ])
            #expect(targeting.status == .accepted, "\(targeting.text)")
            let fields = try #require(targeting.object["targeting"] as? [String: Any])
            #expect(fields["countries"] as? [String] == ["US", "CA"] && fields["genders"] as? [String] == ["female"])

            let archive = try await client.send(.post, Self.actions(campaign), json: ["type": "archive"])
            #expect(archive.status == .accepted, "\(archive.text)")
            #expect(archive.object["type"] as? String == "archive")
            let archived = try #require((archive.object["steps"] as? [[String: Any]])?.first)
            #expect((archived["new_value"] as? [String: Any])?["status"] as? String == "ARCHIVED")

            // The archive is waiting: anything asked after it would reach an archived campaign.
            let after = try await client.send(.post, Self.actions(campaign), json: ["type": "resume"])
            #expect(after.isProblem(.conflict), "\(after.text)")
            #expect(after.object["type"] as? String == Problem.typePrefix + "campaign-archived")
            #expect(after.violationFields == ["id"])
        }
    }

    @Test("409 for any action on an archived campaign")
    func archivedCampaign() async throws {
        let harness = try Harness()
        let campaign = try await harness.campaign(on: .meta)
        let store = harness.store
        let archive = try await harness.engine.requestAction(
            ActionRequest(campaignID: campaign.id, kind: .archive, requestedBy: "test"))
        _ = try await store.claimActions(owner: "w", limit: 1, lease: .seconds(60), now: store.clock.now)
        _ = try await store.startActionStep(
            archive.id, owner: "w", position: 0, oldValue: .status(.paused), source: .platform, records: .none)
        _ = try await store.completeActionStep(
            archive.id, owner: "w", position: 0, response: "HTTP 200", records: .none)
        try await store.finishAction(archive.id, owner: "w", outcome: .done, records: .none)
        #expect(try await store.campaign(campaign.id)?.status == .archived)
        try await harness.run { client in
            for body in [
                ["type": "pause"], ["type": "archive"], ["type": "budget", "budget": ["amount": "5.00"]],
            ] as [[String: Any]] {
                let reply = try await client.send(.post, Self.actions(campaign), json: body)
                #expect(reply.isProblem(.conflict), "\(body): \(reply.text)")
                #expect(reply.object["type"] as? String == Problem.typePrefix + "campaign-archived")
                #expect((reply.object["detail"] as? String)?.contains("archived") == true)
            }
            let shown = try await client.send(.get, "/api/v1/campaigns/\(campaign.id.uuidString)")
            #expect(shown.object["status"] as? String == "archived")
        }
    }

    @Test("422 naming the field and the capability for a bid, targeting or archive the platform cannot take")
    func newKindRefusals() async throws {
        let harness = try Harness()
        let meta = try await harness.campaign(on: .meta)
        let tiktok = try await harness.campaign(on: .tiktok)
        try await harness.run { client in
            for (body, field, kind) in [
                (["type": "bid", "bid": ["strategy": "bidCap", "amount": "1.50"]], "bid", "action-unsupported"),
                (
                    ["type": "bid", "level": "adGroup", "bid": ["strategy": "targetROAS", "roas": "2.5"]], "bid",
                    "action-unsupported"
                ),
                (
                    ["type": "bid", "level": "adGroup", "bid": ["strategy": "costCap", "amount": "0"]], "bid.amount",
                    "bid-below-minimum"
                ),
                (
                    [
                        "type": "bid", "level": "adGroup",
                        "bid": ["strategy": "costCap", "amount": "1", "currency": "EUR"],
                    ],
                    "bid.currency", "invalid-bid"
                ),
                (
                    ["type": "targeting", "level": "adGroup", "targeting": ["ageRange": ["min": 10, "max": 30]]],
                    "targeting.ageRange", "invalid-targeting"
                ),
                (["type": "targeting", "level": "adGroup", "targeting": [:]], "targeting", "invalid-targeting"),
                (
                    ["type": "targeting", "targeting": ["countries": ["US"]]], "targeting.countries",
                    "action-unsupported"
                ),
            ] as [([String: Any], String, String)] {
                let reply = try await client.send(.post, Self.actions(meta), json: body)
                #expect(reply.isProblem(.unprocessableContent), "\(body): \(reply.text)")
                #expect(reply.violationFields == [field], "\(body): \(reply.text)")
                #expect(reply.object["type"] as? String == Problem.typePrefix + kind, "\(body): \(reply.text)")
                #expect((reply.object["detail"] as? String)?.contains("Meta") == true, "\(body): \(reply.text)")
            }
            let low = try await client.send(
                .post, Self.actions(meta),
                json: ["type": "bid", "level": "adGroup", "bid": ["strategy": "bidCap", "amount": "-1"]])
            let violation = try #require((low.object["violations"] as? [[String: Any]])?.first)
            #expect(violation["limit"] as? String == "at least 0.01 USD", "\(low.text)")

            let archive = try await client.send(.post, Self.actions(tiktok), json: ["type": "archive"])
            #expect(archive.isProblem(.unprocessableContent) && archive.violationFields == ["type"], "\(archive.text)")
            #expect((archive.object["detail"] as? String)?.contains("status.archive") == true, "\(archive.text)")
        }
        #expect(try await harness.store.actions(campaign: meta.id, page: PageRequest()).total == 0)
    }

    @Test("400 naming the field for a bid or targeting body that is not one")
    func malformedNewKinds() async throws {
        let harness = try Harness()
        let meta = try await harness.campaign(on: .meta)
        try await harness.run { client in
            for (body, field) in [
                (["type": "bid"], "bid"), (["type": "targeting"], "targeting"),
                (["type": "bid", "bid": ["strategy": "costCap"]], "bid.amount"),
                (["type": "bid", "bid": ["strategy": "targetROAS"]], "bid.roas"),
                (["type": "bid", "bid": ["strategy": "automatic", "amount": "1"]], "bid.amount"),
                (["type": "bid", "bid": ["strategy": "targetROAS", "roas": "lots"]], "bid.roas"),
                (["type": "archive", "bid": ["strategy": "automatic"]], "bid"),
                (["type": "budget", "budget": ["amount": "1"], "targeting": ["countries": ["US"]]], "targeting"),
            ] as [([String: Any], String)] {
                let reply = try await client.send(.post, Self.actions(meta), json: body)
                #expect(reply.isProblem(.badRequest), "\(body): \(reply.text)")
                #expect(reply.violationFields == [field], "\(body): \(reply.text)")
            }
            let precise = try await client.send(
                .post, Self.actions(meta), json: ["type": "bid", "bid": ["strategy": "targetROAS", "roas": "2.12345"]])
            #expect(precise.isProblem(.unprocessableContent) && precise.violationFields == ["bid.roas"])
            // A JSON number finer than Decimal holds is finer than any minor unit: a broken rule, not a bad body.
            for (body, field) in [
                (["type": "budget", "budget": ["amount": -Double.leastNonzeroMagnitude]], "budget.amount"),
                (
                    ["type": "bid", "bid": ["strategy": "bidCap", "amount": Double.leastNonzeroMagnitude]], "bid.amount"
                ),
            ] as [([String: Any], String)] {
                let reply = try await client.send(.post, Self.actions(meta), json: body)
                #expect(reply.isProblem(.unprocessableContent), "\(body): \(reply.text)")
                #expect(reply.violationFields == [field], "\(body): \(reply.text)")
            }
        }
    }
}
