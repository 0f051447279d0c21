import AdOpsServer
import AdPlatformKit
import AdPlatformTesting
import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import Trafficking

/// A Meta stand-in that can change statuses, budgets, bids and targeting and archive, with a daily minimum of 1 USD
/// and Meta's lifecycle capabilities (bids and targeting on ad sets). The API never calls a platform (the worker
/// does), so every call only says it should not have been reached.
struct FakeActingMeta: AdPlatform, StatusChanging, BudgetChanging, BidChanging, TargetingChanging, Archiving {
    static let id: PlatformID = .meta

    var capabilities: PlatformCapabilities {
        var capabilities = FakePlatform<FakeMeta>().capabilities
        capabilities.displayName = "Meta"
        capabilities.budget = BudgetRules(
            unit: .micros, placement: .campaign, dailyMinimumMicros: 1_000_000, supportsLifetime: false,
            minimumSource: "test")
        let statuses: Set<StatusAction> = [.activate, .pause, .resume, .archive, .remove]
        capabilities.lifecycle = LifecycleCapabilities(
            campaign: .init(statusActions: statuses, budgetPeriods: [.daily]),
            adGroup: .init(
                statusActions: statuses, bidStrategies: [.automatic, .bidCap, .costCap],
                targetingFields: [.countries, .ageRange, .genders]),
            ad: .init(statusActions: statuses),
            archive: .archivedState("ARCHIVED", reversible: false, explanation: "Meta's ARCHIVED"),
            ageLimits: AgeRange(minimum: 13, maximum: 65))
        return capabilities
    }

    static let refusal = AdPlatformError(code: .unsupported, message: "the API must not call platforms")

    func createCampaign(_ spec: CampaignSpec, in account: AccountContext) async throws -> PlatformEntity {
        throw Self.refusal
    }

    func createAdGroup(
        _ spec: AdGroupSpec, under campaign: PlatformEntity, in account: AccountContext
    ) async throws -> PlatformEntity { throw Self.refusal }

    func createAd(
        _ spec: AdSpec, under adGroup: PlatformEntity, in account: AccountContext
    ) async throws -> [PlatformEntity] { throw Self.refusal }

    func setStatus(_ status: DeliveryStatus, of entity: PlatformEntity, in account: AccountContext) async throws {
        throw Self.refusal
    }

    func setBudget(_ budget: Budget, of entity: PlatformEntity, in account: AccountContext) async throws {
        throw Self.refusal
    }

    func bid(of entity: PlatformEntity, in account: AccountContext) async throws -> BidStrategy { throw Self.refusal }

    func setBid(_ bid: BidStrategy, of entity: PlatformEntity, in account: AccountContext) async throws {
        throw Self.refusal
    }

    func targeting(of entity: PlatformEntity, in account: AccountContext) async throws -> Targeting {
        throw Self.refusal
    }

    func changeTargeting(
        _ change: TargetingChange, of entity: PlatformEntity, in account: AccountContext
    ) async throws { throw Self.refusal }

    func archive(_ entity: PlatformEntity, in account: AccountContext) async throws { throw Self.refusal }
}

/// `POST /api/v1/campaigns/{id}/actions`, `GET /api/v1/campaigns/{id}/actions` and `GET /api/v1/actions/{id}`.
@Suite struct ActionRoutesTests {
    /// An engine whose Meta module can act and whose TikTok module cannot, on an in-memory store.
    struct Harness {
        let store: SQLiteTraffickingStore
        let engine: TraffickingEngine

        init() throws {
            store = try SQLiteTraffickingStore.inMemory(
                cipher: try CredentialCipher(key: CredentialCipher.generateKey()),
                clock: ManualWallClock.fromEnvironment().clock)
            engine = TraffickingEngine(
                store: store,
                registry: PlatformRegistry(
                    transport: ScriptedTransport(),
                    [
                        RegisteredPlatform { _ in FakeActingMeta() },
                        RegisteredPlatform { _ in FakePlatform<FakeTikTok>() },
                    ]))
        }

        func run<Value: Sendable>(_ body: @Sendable (APIHarness.Client) async throws -> Value) async throws -> Value {
            var logger = Logger(label: "action-routes-tests")
            logger.logLevel = .critical
            let router = AdOpsAPI.router(
                engine: engine,
                configuration: AdOpsServerConfiguration(
                    apiKeyHashes: [AdOpsServerConfiguration.hash(apiKey: APIHarness.apiKey)]),
                logger: logger)
            return try await Application(router: router, logger: logger).test(.router) { client in
                try await body(APIHarness.Client(client: client))
            }
        }

        /// A campaign on `platform`, launched (campaign c1, ad group g1, ad a1) unless `launched` is false.
        func campaign(on platform: PlatformID, launched: Bool = true) async throws -> Campaign {
            let account = try await store.createAccount(
                NewAdAccount(
                    platform: platform, platformAccountID: "act_\(Int.random(in: 1000...9999))", name: "Disney+",
                    currency: .usd, credentials: PlatformCredentials(accessToken: "secret")))
            let request = try TraffickingRequestDecoder().decode(
                JSONSerialization.data(withJSONObject: APIHarness.request()))
            let jobs = try await store.enqueue([
                NewCampaignJob(
                    id: .timeOrdered(at: store.clock.now), accountID: account.id, platform: platform,
                    request: request, batchID: UUID())
            ])
            let job = try #require(jobs.first)
            if launched {
                _ = try await store.claimJobs(owner: "w", limit: 1, lease: .seconds(60), now: store.clock.now)
                var parent = "act"
                for (key, kind, id) in [
                    ("campaign", EntityKind.campaign, "c1"), ("adGroup/families", .adGroup, "g1"),
                    ("ad/0/families/social-hero", .ad, "a1"),
                ] {
                    try await store.startStep(
                        job: job.id, key: key, kind: kind, marker: nil, calls: [], at: store.clock.now)
                    try await store.completeStep(
                        job: job.id, key: key,
                        entities: [PlatformEntity(platform: platform, kind: kind, id: id, name: id, parentID: parent)],
                        media: nil, calls: [], at: store.clock.now)
                    parent = id
                }
                try await store.finish(job: job.id, owner: "w", outcome: .success(platformCampaignID: "c1"))
            }
            return try #require(try await store.campaign(job: job.id))
        }
    }

    static func actions(_ campaign: Campaign) -> String { "/api/v1/campaigns/\(campaign.id.uuidString)/actions" }

    @Test("202 with the action, its steps and Location; GET shows it with its log and who asked")
    func accepted() async throws {
        let harness = try Harness()
        let campaign = try await harness.campaign(on: .meta)
        try await harness.run { client in
            let reply = try await client.send(.post, Self.actions(campaign), json: ["type": "activate"])
            #expect(reply.status == .accepted, "\(reply.text)")
            let id = try #require(reply.object["id"] as? String)
            #expect(reply.headers[.location] == "/api/v1/actions/\(id)")
            #expect(reply.object["status"] as? String == "PENDING" && reply.object["type"] as? String == "activate")
            let key = SHA256.hash(data: Data(APIHarness.apiKey.utf8)).map { String(format: "%02x", $0) }.joined()
            #expect(reply.object["requested_by"] as? String == "api:\(key.prefix(12))")
            let steps = try #require(reply.object["steps"] as? [[String: Any]])
            #expect(steps.compactMap { $0["platform_id"] as? String } == ["a1", "g1", "c1"])
            #expect((steps.first?["new_value"] as? [String: Any])?["status"] as? String == "ACTIVE")
            #expect((steps.first?["old_value"] as? [String: Any])?["status"] as? String == "PAUSED")

            let shown = try await client.send(.get, "/api/v1/actions/\(id)")
            #expect(shown.status == .ok)
            let log = try #require(shown.object["log"] as? [[String: Any]])
            #expect(log.first?["event"] as? String == "requested")
            let listed = try await client.send(.get, Self.actions(campaign))
            #expect(((listed.object["data"] as? [[String: Any]])?.first?["id"] as? String) == id)

            let budget = try await client.send(
                .post, Self.actions(campaign), json: ["type": "budget", "budget": ["amount": "250.00"]])
            #expect(budget.status == .accepted, "\(budget.text)")
            let set = try #require(budget.object["budget"] as? [String: Any])
            #expect(set["amount"] as? String == "250.00" && set["currency"] as? String == "USD")
            #expect(set["period"] as? String == "daily", "the campaign's period by default")
        }
    }

    @Test("404 for an unknown campaign or action, 409 for a campaign whose launch has not finished")
    func notFoundAndConflict() async throws {
        let harness = try Harness()
        let draft = try await harness.campaign(on: .meta, launched: false)
        try await harness.run { client in
            let unknown = try await client.send(
                .post, "/api/v1/campaigns/\(UUID().uuidString)/actions", json: ["type": "pause"])
            #expect(unknown.isProblem(.notFound) && unknown.violationFields == ["id"])
            #expect(try await client.send(.get, "/api/v1/actions/\(UUID().uuidString)").isProblem(.notFound))
            let budgetUnknown = try await client.send(
                .post, "/api/v1/campaigns/\(UUID().uuidString)/actions",
                json: ["type": "budget", "budget": ["amount": "5.00"]])
            #expect(budgetUnknown.isProblem(.notFound))
            let early = try await client.send(.post, Self.actions(draft), json: ["type": "pause"])
            #expect(early.isProblem(.conflict), "\(early.text)")
            #expect(early.object["type"] as? String == Problem.typePrefix + "campaign-not-launched")
        }
        #expect(try await harness.store.actions(campaign: draft.id, page: PageRequest()).total == 0)
    }

    @Test(
        "422 naming the field: an ability the platform lacks, a budget level it does not hold, under its minimum, an unknown entity"
    )
    func unprocessable() async throws {
        let harness = try Harness()
        let meta = try await harness.campaign(on: .meta)
        let tiktok = try await harness.campaign(on: .tiktok)
        try await harness.run { client in
            let unsupported = try await client.send(.post, Self.actions(tiktok), json: ["type": "pause"])
            #expect(unsupported.isProblem(.unprocessableContent), "\(unsupported.text)")
            #expect(unsupported.violationFields == ["type"])
            #expect((unsupported.object["detail"] as? String)?.contains("StatusChanging") == true)

            let level = try await client.send(
                .post, Self.actions(meta), json: ["type": "budget", "level": "adGroup", "budget": ["amount": "50"]])
            #expect(level.isProblem(.unprocessableContent) && level.violationFields == ["level"])
            #expect((level.object["detail"] as? String)?.contains("BudgetRules.placement") == true)

            let low = try await client.send(
                .post, Self.actions(meta), json: ["type": "budget", "budget": ["amount": "0.50"]])
            #expect(low.isProblem(.unprocessableContent) && low.violationFields == ["budget.amount"])
            let violation = try #require((low.object["violations"] as? [[String: Any]])?.first)
            #expect(violation["limit"] as? String == "at least 1.00 USD" && violation["platform"] as? String == "meta")

            let lifetime = try await client.send(
                .post, Self.actions(meta), json: ["type": "budget", "budget": ["amount": "50", "period": "lifetime"]])
            #expect(lifetime.isProblem(.unprocessableContent) && lifetime.violationFields == ["budget.period"])

            let entity = try await client.send(
                .post, Self.actions(meta), json: ["type": "pause", "level": "ad", "entity_ids": ["a1", "a9"]])
            #expect(entity.isProblem(.unprocessableContent) && entity.violationFields == ["entity_ids[1]"])
        }
        #expect(try await harness.store.actions(campaign: meta.id, page: PageRequest()).total == 0)
    }

    @Test(
        "400 naming the field: an unknown type or level, a budget action without a budget, an amount that is not one; 422 for one too precise"
    )
    func malformed() async throws {
        let harness = try Harness()
        let meta = try await harness.campaign(on: .meta)
        try await harness.run { client in
            for (body, field) in [
                (["type": "delete"], "type"), (["type": "pause", "level": "creative"], "level"),
                (["type": "budget"], "budget"), (["type": "budget", "budget": ["amount": "twelve"]], "budget.amount"),
                (["type": "pause", "budget": ["amount": "1"]], "budget"),
            ] as [([String: Any], String)] {
                let reply = try await client.send(.post, Self.actions(meta), json: body)
                #expect(reply.isProblem(.badRequest), "\(body): \(reply.text)")
                #expect(reply.violationFields == [field], "\(body)")
            }
            // More decimals than the currency has is a rule the schema cannot state: 422, as on submissions.
            let precise = try await client.send(
                .post, Self.actions(meta), json: ["type": "budget", "budget": ["amount": "12.345"]])
            #expect(precise.isProblem(.unprocessableContent) && precise.violationFields == ["budget.amount"])
            // Numbers beyond Decimal's range, either way, break a rule too (schemathesis sent the tiny one).
            for (amount, rule) in [(3.579610213463234e-188, "tooPrecise"), (6.168996178967139e+274, "overflow")] {
                let reply = try await client.send(
                    .post, Self.actions(meta), json: ["type": "budget", "budget": ["amount": amount]])
                #expect(reply.isProblem(.unprocessableContent), "\(amount): \(reply.text)")
                #expect(reply.violationFields == ["budget.amount"] && reply.text.contains(rule))
            }
            let badID = try await client.send(.post, "/api/v1/campaigns/nope/actions", json: ["type": "pause"])
            #expect(badID.isProblem(.badRequest) && badID.violationFields == ["id"])
        }
    }

    @Test("the OpenAPI document describes the action routes and schemas; DELETE on them is 405")
    func documented() async throws {
        let harness = try Harness()
        let meta = try await harness.campaign(on: .meta)
        try await harness.run { client in
            let document = try await client.send(.get, "/api/v1/openapi.yaml").text
            for entry in [
                "/api/v1/campaigns/{id}/actions:", "/api/v1/actions/{id}:", "ActionBody:", "ActionDetail:",
                "ActionStep:", "operationId: requestAction",
            ] {
                #expect(document.contains(entry), "\(entry)")
            }
            let wrong = try await client.send(.delete, Self.actions(meta))
            #expect(wrong.isProblem(.methodNotAllowed))
            #expect(wrong.headers[.allow] == "GET, POST" || wrong.headers[.allow] == "POST, GET")
        }
    }
}
