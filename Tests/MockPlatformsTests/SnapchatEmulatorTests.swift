import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

/// The Snapchat emulator over real sockets, with requests built by hand from the reference (§3): envelopes,
/// validation, state, stats, faults, rate limits and bad input.
@Suite("Snapchat emulator")
struct SnapchatEmulatorTests {
    /// Runs a body against a fresh emulator.
    private func withSnap(_ body: (SnapchatTestClient) async throws -> Void) async throws {
        try await MockPlatforms.withRunning { running in
            try await body(SnapchatTestClient(running: running))
        }
    }

    /// Snap's error shape: `request_status` ERROR, a request id, both messages and the code.
    private func expectError(
        _ answer: SnapchatTestClient.Answer, status: Int, code: String?, mentioning text: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(answer.status == status, sourceLocation: sourceLocation)
        let json = answer.json
        #expect(json?["request_status"]?.string == "ERROR", sourceLocation: sourceLocation)
        #expect((json?["request_id"]?.string ?? "").isEmpty == false, sourceLocation: sourceLocation)
        #expect(json?["display_message"]?.string != nil, sourceLocation: sourceLocation)
        #expect(json?["error_code"]?.string == code, sourceLocation: sourceLocation)
        if let text {
            let message = json?["debug_message"]?.string ?? ""
            #expect(message.contains(text), "\(message)", sourceLocation: sourceLocation)
        }
    }

    /// A batch whose only entry failed: HTTP 400, overall ERROR, the entry's ERROR and reason.
    private func expectItemError(
        _ answer: SnapchatTestClient.Answer, _ plural: String, mentioning text: String, code: String = "E2002",
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectError(answer, status: 400, code: code, mentioning: text, sourceLocation: sourceLocation)
        let item = answer.json?[plural]?.array?.first
        #expect(item?["sub_request_status"]?.string == "ERROR", sourceLocation: sourceLocation)
        let reason = item?["sub_request_error_reason"]?.string ?? ""
        #expect(reason.hasPrefix("Error code: \(code), message: "), sourceLocation: sourceLocation)
        #expect(reason.contains(text), "\(reason)", sourceLocation: sourceLocation)
    }

    private static var isoMillis: Regex<Substring> { #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/# }
    private static var uuid: Regex<Substring> {
        #/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/#
    }

    // MARK: - Hierarchy and reads

    @Test("the whole hierarchy is created, read back and listed in Snap's envelopes")
    func hierarchy() async throws {
        try await withSnap { snap in
            let ids = try await snap.hierarchy()
            for id in [ids.campaign, ids.adSquad, ids.media, ids.creative, ids.ad] {
                #expect(id.wholeMatch(of: Self.uuid) != nil, "\(id)")
            }
            let campaign = try await snap.send(.get, "/v1/campaigns/\(ids.campaign)")
            #expect(campaign.status == 200)
            #expect(campaign.json?["request_status"]?.string == "SUCCESS")
            let item = campaign.json?["campaigns"]?.array?.first
            #expect(item?["sub_request_status"]?.string == "SUCCESS")
            let entity = try #require(item?["campaign"])
            #expect(entity["id"]?.string == ids.campaign)
            #expect(entity["ad_account_id"]?.string == snap.account)
            #expect(entity["objective"]?.string == "WEB_CONVERSION")
            #expect(entity["created_at"]?.string?.wholeMatch(of: Self.isoMillis) != nil)
            #expect(entity["updated_at"]?.string?.wholeMatch(of: Self.isoMillis) != nil)

            let squad = try await snap.send(.get, "/v1/adsquads/\(ids.adSquad)").entities("adsquads", "adsquad")
            #expect(squad.first?["daily_budget_micro"] == .int(50_000_000))
            #expect(squad.first?["campaign_id"]?.string == ids.campaign)

            let media = try await snap.send(.get, "/v1/media/\(ids.media)").entities("media", "media")
            #expect(media.first?["media_status"]?.string == "READY")
            #expect(media.first?["file_name"]?.string == "hero.png")
            #expect(media.first?["download_link"]?.string?.hasPrefix("https://") == true)

            let creative = try await snap.send(.get, "/v1/creatives/\(ids.creative)").entities("creatives", "creative")
            #expect(creative.first?["top_snap_media_id"]?.string == ids.media)

            let ad = try await snap.send(.get, "/v1/ads/\(ids.ad)").entities("ads", "ad")
            #expect(ad.first?["creative_id"]?.string == ids.creative)
            #expect(["PENDING", "APPROVED"].contains(ad.first?["review_status"]?.string ?? ""))

            let underCampaign = try await snap.send(.get, "/v1/campaigns/\(ids.campaign)/adsquads")
            #expect(underCampaign.entities("adsquads", "adsquad").map { $0["id"]?.string } == [ids.adSquad])
            let underSquad = try await snap.send(.get, "/v1/adsquads/\(ids.adSquad)/ads?limit=50")
            #expect(underSquad.entities("ads", "ad").map { $0["id"]?.string } == [ids.ad])
            #expect(underSquad.json?["paging"] == nil)
            for plural in ["campaigns", "adsquads", "creatives", "ads", "media"] {
                let list = try await snap.send(.get, "/v1/adaccounts/\(snap.account)/\(plural)")
                #expect(list.status == 200)
                #expect(list.json?[plural]?.array?.count == 1, "\(plural)")
            }

            let world = snap.running.mock.world
            let stored = try #require(world.entity("snapchat", ids.ad))
            #expect(stored.role == .leaf)
            #expect(stored.parentID == ids.adSquad)
            #expect(stored.landingURL == "https://example.test/signup?utm_source=snapchat")
            #expect(world.entity("snapchat", ids.adSquad)?.dailyBudgetMicros == 50_000_000)
        }
    }

    @Test("lists page with limit and cursor; next_link only while more remain, and points at the request's host")
    func paging() async throws {
        try await withSnap { snap in
            var created: [String] = []
            for batch in 0..<3 {
                let entries = (0..<40).map { snap.campaign(name: "Campaign \(batch * 40 + $0)") }
                let answer = try await snap.send(
                    .post, "/v1/adaccounts/\(snap.account)/campaigns", json: .object([("campaigns", .array(entries))]))
                #expect(answer.status == 200)
                created += answer.entities("campaigns", "campaign").compactMap { $0["id"]?.string }
            }
            #expect(created.count == 120)
            var seen: [String] = []
            var next: String? = "/v1/adaccounts/\(snap.account)/campaigns?limit=50"
            var pages = 0
            while let link = next {
                let page = try await snap.send(.get, link)
                #expect(page.status == 200)
                seen += page.entities("campaigns", "campaign").compactMap { $0["id"]?.string }
                next = page.json?["paging"]?["next_link"]?.string
                if let next {
                    #expect(next.hasPrefix(snap.running.baseURL.absoluteString + "/v1/adaccounts/"))
                    #expect(next.contains("cursor=") && next.contains("limit=50"))
                }
                pages += 1
            }
            #expect(pages == 3)
            #expect(seen == created)

            for bad in ["49", "1001", "ten"] {
                let answer = try await snap.send(.get, "/v1/adaccounts/\(snap.account)/campaigns?limit=\(bad)")
                expectError(answer, status: 400, code: "E2002", mentioning: "limit")
            }
            let cursor = try await snap.send(.get, "/v1/adaccounts/\(snap.account)/campaigns?limit=50&cursor=%%%")
            expectError(cursor, status: 400, code: "E2002", mentioning: "cursor")
        }
    }

    // MARK: - State

    @Test("status and budget changes are visible on read and in delivery; deletes hide from lists")
    func stateBehaves() async throws {
        try await withSnap { snap in
            let ids = try await snap.hierarchy()
            let world = snap.running.mock.world
            #expect(world.entity("snapchat", ids.campaign)?.isActive == true)

            var paused = snap.campaign(status: "PAUSED").setting("id", .string(ids.campaign))
            paused = paused.setting("delivery_status", .array([.string("VALID")]))
            let update = try await snap.send(
                .put, "/v1/adaccounts/\(snap.account)/campaigns", json: SnapchatTestClient.envelope("campaigns", paused)
            )
            #expect(update.status == 200)
            #expect(update.entities("campaigns", "campaign").first?["status"]?.string == "PAUSED")
            let read = try await snap.send(.get, "/v1/campaigns/\(ids.campaign)").entities("campaigns", "campaign")
            #expect(read.first?["status"]?.string == "PAUSED")
            #expect(read.first?["delivery_status"] == .array([.string("VALID")]))
            #expect(world.entity("snapchat", ids.campaign)?.isActive == false)

            let lifetime = snap.adSquad(campaignID: ids.campaign).setting("id", .string(ids.adSquad))
                .setting("daily_budget_micro", .null).setting("lifetime_budget_micro", .int(750_000_000))
                .setting("end_time", .string("2099-01-01T00:00:00.000Z"))
            let budget = try await snap.send(
                .put, "/v1/campaigns/\(ids.campaign)/adsquads", json: SnapchatTestClient.envelope("adsquads", lifetime))
            #expect(budget.status == 200, "\(budget.json?.serialized ?? "")")
            let squad = try #require(world.entity("snapchat", ids.adSquad))
            #expect(squad.lifetimeBudgetMicros == 750_000_000)
            #expect(squad.dailyBudgetMicros == nil)
            let squadRead = try await snap.send(.get, "/v1/adsquads/\(ids.adSquad)").entities("adsquads", "adsquad")
            #expect(squadRead.first?["lifetime_budget_micro"] == .int(750_000_000))

            let unknown = snap.campaign().setting("id", .string("00000000-0000-4000-8000-000000000000"))
            let missing = try await snap.send(
                .put, "/v1/adaccounts/\(snap.account)/campaigns",
                json: SnapchatTestClient.envelope("campaigns", unknown))
            expectItemError(missing, "campaigns", mentioning: "can not be found", code: "E3003")

            let deleted = try await snap.send(.delete, "/v1/ads/\(ids.ad)")
            #expect(deleted.status == 200)
            #expect(deleted.entities("ads", "ad").first?["id"]?.string == ids.ad)
            let ads = try await snap.send(.get, "/v1/adaccounts/\(snap.account)/ads")
            #expect(ads.json?["ads"]?.array?.isEmpty == true)
            let afterDelete = try await snap.send(.get, "/v1/ads/\(ids.ad)").entities("ads", "ad")
            #expect(afterDelete.first?["deleted"] == .bool(true))
            #expect(world.entity("snapchat", ids.ad)?.isActive == false)
            let again = try await snap.send(.delete, "/v1/ads/\(ids.ad)")
            expectError(again, status: 404, code: "E3003", mentioning: "can not be found")

            let campaignGone = try await snap.send(.delete, "/v1/campaigns/\(ids.campaign)")
            #expect(campaignGone.status == 200)
            let squads = try await snap.send(.get, "/v1/campaigns/\(ids.campaign)/adsquads")
            #expect(squads.json?["adsquads"]?.array?.isEmpty == true)
        }
    }

    // MARK: - Validation

    @Test("validation answers Snap's error shape: required, enum, minimum budget, text limits, parents, token")
    func validation() async throws {
        try await withSnap { snap in
            let ids = try await snap.hierarchy()
            let campaigns = "/v1/adaccounts/\(snap.account)/campaigns"
            func campaign(_ entry: MockJSON) async throws -> SnapchatTestClient.Answer {
                try await snap.send(.post, campaigns, json: SnapchatTestClient.envelope("campaigns", entry))
            }
            expectItemError(
                try await campaign(snap.campaign().setting("name", .null)), "campaigns", mentioning: "name is required")
            expectItemError(
                try await campaign(snap.campaign(status: "RUNNING")), "campaigns", mentioning: "Invalid value 'RUNNING'"
            )
            expectItemError(
                try await campaign(snap.campaign().setting("objective", .string("AWARENESS"))), "campaigns",
                mentioning: "objective")
            expectItemError(
                try await campaign(snap.campaign(name: String(repeating: "n", count: 376))), "campaigns",
                mentioning: "at most 375")
            expectItemError(
                try await campaign(snap.campaign().setting("start_time", .string("tomorrow"))), "campaigns",
                mentioning: "start_time")
            #expect(try await campaign(snap.campaign(name: String(repeating: "n", count: 375))).status == 200)

            let squads = "/v1/campaigns/\(ids.campaign)/adsquads"
            func squad(_ entry: MockJSON) async throws -> SnapchatTestClient.Answer {
                try await snap.send(.post, squads, json: SnapchatTestClient.envelope("adsquads", entry))
            }
            let low = try await squad(snap.adSquad(campaignID: ids.campaign, dailyBudget: 4_999_999))
            expectItemError(low, "adsquads", mentioning: "minimum daily budget of 5000000")
            #expect(try await squad(snap.adSquad(campaignID: ids.campaign, dailyBudget: 5_000_000)).status == 200)
            let both = snap.adSquad(campaignID: ids.campaign).setting("lifetime_budget_micro", .int(100_000_000))
            expectItemError(try await squad(both), "adsquads", mentioning: "Only one of")
            expectItemError(
                try await squad(snap.adSquad(campaignID: ids.campaign).setting("billing_event", .string("CLICK"))),
                "adsquads", mentioning: "billing_event")
            expectItemError(
                try await squad(snap.adSquad(campaignID: ids.campaign).setting("targeting", .object([]))), "adsquads",
                mentioning: "targeting.geos")
            let maxBid = snap.adSquad(campaignID: ids.campaign)
                .setting("bid_strategy", .string("LOWEST_COST_WITH_MAX_BID"))
            expectItemError(try await squad(maxBid), "adsquads", mentioning: "bid_micro is required")

            let creatives = "/v1/adaccounts/\(snap.account)/creatives"
            func creative(_ entry: MockJSON) async throws -> SnapchatTestClient.Answer {
                try await snap.send(.post, creatives, json: SnapchatTestClient.envelope("creatives", entry))
            }
            expectItemError(
                try await creative(snap.creative(mediaID: ids.media, brand: String(repeating: "b", count: 33))),
                "creatives", mentioning: "brand_name must be at most 32")
            #expect(
                try await creative(snap.creative(mediaID: ids.media, brand: String(repeating: "b", count: 32))).status
                    == 200)
            expectItemError(
                try await creative(snap.creative(mediaID: ids.media, headline: String(repeating: "h", count: 35))),
                "creatives", mentioning: "headline must be at most 34")
            let noURL = snap.creative(mediaID: ids.media).setting("web_view_properties", .null)
            expectItemError(try await creative(noURL), "creatives", mentioning: "web_view_properties.url")
            let noProfile = snap.creative(mediaID: ids.media).setting("profile_properties", .object([]))
            expectItemError(try await creative(noProfile), "creatives", mentioning: "profile_id")
            let pending = try await snap.send(
                .post, "/v1/adaccounts/\(snap.account)/media",
                json: SnapchatTestClient.envelope(
                    "media",
                    .object([
                        ("name", .string("later.png")), ("type", .string("IMAGE")),
                        ("ad_account_id", .string(snap.account)),
                    ])))
            #expect(pending.entities("media", "media").first?["media_status"]?.string == "PENDING_UPLOAD")
            let notReady = try await creative(snap.creative(mediaID: pending.firstID("media", "media")))
            expectItemError(notReady, "creatives", mentioning: "hasn't been uploaded")
            let noMedia = try await creative(snap.creative(mediaID: "00000000-0000-4000-8000-000000000000"))
            expectItemError(noMedia, "creatives", mentioning: "can not be found", code: "E3003")

            let ads = "/v1/adsquads/\(ids.adSquad)/ads"
            let mismatch = try await snap.send(
                .post, ads,
                json: SnapchatTestClient.envelope(
                    "ads", snap.ad(adSquadID: ids.adSquad, creativeID: ids.creative, type: "SNAP_AD")))
            expectItemError(mismatch, "ads", mentioning: "requires a SNAP_AD creative")
            let noCreative = try await snap.send(
                .post, ads,
                json: SnapchatTestClient.envelope(
                    "ads", snap.ad(adSquadID: ids.adSquad, creativeID: "00000000-0000-4000-8000-000000000000")))
            expectItemError(noCreative, "ads", mentioning: "can not be found", code: "E3003")

            let orphan = try await snap.send(
                .post, "/v1/campaigns/00000000-0000-4000-8000-000000000000/adsquads",
                json: SnapchatTestClient.envelope("adsquads", snap.adSquad(campaignID: ids.campaign)))
            expectError(orphan, status: 404, code: "E3003", mentioning: "can not be found")

            #expect(try await snap.send(.delete, "/v1/campaigns/\(ids.campaign)").status == 200)
            let underDeleted = try await squad(snap.adSquad(campaignID: ids.campaign))
            expectItemError(underDeleted, "adsquads", mentioning: "is deleted")
            let adUnderDeleted = try await snap.send(
                .post, ads,
                json: SnapchatTestClient.envelope("ads", snap.ad(adSquadID: ids.adSquad, creativeID: ids.creative)))
            expectItemError(adUnderDeleted, "ads", mentioning: "is deleted")

            for token in [nil, "", "  "] as [String?] {
                let answer = try await snap.send(.get, "/v1/campaigns/\(ids.campaign)", token: token)
                expectError(answer, status: 401, code: "E1001", mentioning: "Unauthorized")
                #expect(answer.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
            }
        }
    }

    @Test("a batch with one bad entry creates the good one and answers 400 with each entry's status")
    func partialBatch() async throws {
        try await withSnap { snap in
            let answer = try await snap.send(
                .post, "/v1/adaccounts/\(snap.account)/campaigns",
                json: .object([("campaigns", .array([snap.campaign(name: "Good"), snap.campaign(status: "ON")]))]))
            expectError(answer, status: 400, code: "E2002", mentioning: "status")
            let items = answer.json?["campaigns"]?.array ?? []
            #expect(items.map { $0["sub_request_status"]?.string } == ["SUCCESS", "ERROR"])
            #expect(items.last?["campaign"]?["status"]?.string == "ON")
            let list = try await snap.send(.get, "/v1/adaccounts/\(snap.account)/campaigns")
            #expect(list.entities("campaigns", "campaign").map { $0["name"]?.string } == ["Good"])
        }
    }

    // MARK: - Stats

    @Test("stats report the world's delivery in micros and JSON numbers, within budget, with pixel conversions")
    func stats() async throws {
        try await withSnap { snap in
            let ids = try await snap.hierarchy(dailyBudget: 20_000_000)
            let world = snap.running.mock.world
            let start = world.now
            // No modelled conversions, so the pixel's are the only ones.
            try world.setPerformance(
                PerformanceTruth(from: start, conversionRate: 0), platform: "snapchat", entityID: ids.campaign)
            world.advance(by: 2 * 86_400)
            let click = try #require(world.mintClick(platform: "snapchat", adID: ids.ad))
            #expect(click.url.contains("ScCid="))
            world.recordPixelEvent(
                platform: "snapchat", event: "SIGN_UP", page: click.url, parameters: ["ScCid": click.clickID],
                valueMicros: nil)
            world.recordPixelEvent(
                platform: "snapchat", event: "PURCHASE", page: click.url, parameters: ["ScCid": click.clickID],
                valueMicros: 19_990_000)
            world.advance(by: 3_600)

            let fields = "impressions,swipes,spend,conversion_sign_ups,conversion_purchases,conversion_purchases_value"
            let total = try await snap.send(
                .get, "/v1/campaigns/\(ids.campaign)/stats?granularity=TOTAL&fields=\(fields)")
            #expect(total.status == 200)
            let item = total.json?["total_stats"]?.array?.first
            #expect(item?["sub_request_status"]?.string == "SUCCESS")
            let stat = try #require(item?["total_stat"])
            #expect(stat["type"]?.string == "CAMPAIGN")
            #expect(stat["granularity"]?.string == "TOTAL")
            let stats = try #require(stat["stats"])
            #expect(stats.members?.map(\.0) == fields.split(separator: ",").map(String.init))
            for (_, value) in stats.members ?? [] {
                guard case .number = value else {
                    Issue.record("stats must be JSON numbers: \(stats.serialized)")
                    continue
                }
            }
            let spend = try #require(stats["spend"]?.int64)
            let impressions = try #require(stats["impressions"]?.int64)
            #expect(spend > 0 && impressions > 0)
            #expect(spend <= 3 * 20_000_000)
            #expect(stats["swipes"]?.int64 ?? -1 >= 0)
            #expect(stats["conversion_sign_ups"] == .int(1))
            #expect(stats["conversion_purchases"] == .int(1))
            #expect(stats["conversion_purchases_value"] == .int(19_990_000))
            let expected = world.delivery("snapchat", entityID: ids.campaign, from: start, to: world.now)
            #expect(spend == expected.spendMicros)
            #expect(impressions == expected.impressions)

            let dayStart = Date(timeIntervalSince1970: (start.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
            let dayEnd = dayStart.addingTimeInterval(4 * 86_400)
            let range =
                "start_time=\(Self.iso(dayStart))&end_time=\(Self.iso(dayEnd))"
            let daily = try await snap.send(
                .get, "/v1/ads/\(ids.ad)/stats?granularity=DAY&fields=spend,impressions&\(range)")
            #expect(daily.status == 200, "\(daily.json?.serialized ?? "")")
            let series = try #require(daily.json?["timeseries_stats"]?.array?.first?["timeseries_stat"])
            #expect(series["type"]?.string == "AD")
            let days = series["timeseries"]?.array ?? []
            #expect(days.count == 4)
            #expect(days.compactMap { $0["stats"]?["spend"]?.int64 }.reduce(0, +) == spend)

            let unknownField = try await snap.send(.get, "/v1/ads/\(ids.ad)/stats?fields=impressions,likes")
            expectError(unknownField, status: 400, code: "E2002", mentioning: "likes")
            let misaligned = try await snap.send(
                .get,
                "/v1/ads/\(ids.ad)/stats?granularity=DAY&start_time=\(Self.iso(dayStart.addingTimeInterval(60)))&end_time=\(Self.iso(dayEnd))"
            )
            expectError(misaligned, status: 400, code: "E2002", mentioning: "boundaries")
            let badGranularity = try await snap.send(.get, "/v1/ads/\(ids.ad)/stats?granularity=WEEK")
            expectError(badGranularity, status: 400, code: "E2002", mentioning: "granularity")
            let missing = try await snap.send(.get, "/v1/ads/00000000-0000-4000-8000-000000000000/stats")
            expectError(missing, status: 404, code: "E3003")
            let account = try await snap.send(.get, "/v1/adaccounts/\(snap.account)/stats?fields=spend")
            #expect(account.json?["total_stats"]?.array?.first?["total_stat"]?["stats"]?["spend"]?.int64 == spend)
        }
    }

    private static func iso(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)) + "Z"
    }

    // MARK: - Faults and rate limits

    @Test("injected faults answer in Snap's shape: its codes, bare statuses, 429 headers, dropped connections")
    func faults() async throws {
        try await withSnap { snap in
            let ids = try await snap.hierarchy()
            let faults = snap.running.mock.faults
            faults.add(
                FaultRule(
                    platform: "snapchat", path: "/v1/campaigns/*", kind: .platformError, code: "E3003", remaining: 1))
            let notFound = try await snap.send(.get, "/v1/campaigns/\(ids.campaign)")
            expectError(notFound, status: 404, code: "E3003", mentioning: "Resource can not be found")

            faults.add(
                FaultRule(
                    platform: "snapchat", method: "POST", path: "/v1/adaccounts/*", kind: .platformError, code: "E2002",
                    message: "Invalid optimization_goal", remaining: 1))
            let invalid = try await snap.send(
                .post, "/v1/adaccounts/\(snap.account)/campaigns",
                json: SnapchatTestClient.envelope("campaigns", snap.campaign()))
            expectError(invalid, status: 400, code: "E2002", mentioning: "Invalid optimization_goal")

            faults.add(FaultRule(platform: "snapchat", path: "/v1/ads/*", kind: .status, status: 500, remaining: 1))
            let server = try await snap.send(.get, "/v1/ads/\(ids.ad)")
            expectError(server, status: 500, code: "E4001")

            faults.add(FaultRule(platform: "snapchat", path: "/v1/ads/*", kind: .status, status: 429, remaining: 1))
            let limited = try await snap.send(.get, "/v1/ads/\(ids.ad)")
            expectError(limited, status: 429, code: "E1008")
            #expect(limited.headers["Retry-After"] != nil)
            #expect(limited.headers["X-Rate-Limit-Remaining"] == "0")

            faults.add(FaultRule(platform: "snapchat", path: "/v1/ads/*", kind: .status, status: 401, remaining: 1))
            let expired = try await snap.send(.get, "/v1/ads/\(ids.ad)")
            expectError(expired, status: 401, code: "E1001")
            #expect(expired.headers["WWW-Authenticate"] != nil)

            faults.add(FaultRule(platform: "snapchat", path: "/v1/ads/*", kind: .drop, remaining: 1))
            await #expect(throws: (any Error).self) { try await snap.send(.get, "/v1/ads/\(ids.ad)") }
            #expect(try await snap.send(.get, "/v1/ads/\(ids.ad)").status == 200)
        }
    }

    @Test("a spent rate-limit budget answers 429 with X-Rate-Limit-* and Retry-After, per ad account")
    func rateLimits() async throws {
        try await withSnap { snap in
            let ids = try await snap.hierarchy()
            snap.running.mock.rateLimits.set(
                RateLimitBudget(platform: "snapchat", account: snap.account, limit: 2, windowSeconds: 60))
            let first = try await snap.send(.get, "/v1/adaccounts/\(snap.account)/campaigns")
            #expect(first.status == 200)
            #expect(first.headers["X-Rate-Limit-Limit"] == "2")
            #expect(first.headers["X-Rate-Limit-Remaining"] == "1")
            #expect(Int(first.headers["X-Rate-Limit-Reset"] ?? "") ?? 0 > 0)
            // An entity path counts against the account the entity was created in.
            let second = try await snap.send(.get, "/v1/campaigns/\(ids.campaign)")
            #expect(second.headers["X-Rate-Limit-Remaining"] == "0")
            let third = try await snap.send(.get, "/v1/ads/\(ids.ad)")
            expectError(third, status: 429, code: "E1008", mentioning: "Too many requests")
            #expect(third.headers["X-Rate-Limit-Remaining"] == "0")
            #expect(Int(third.headers["Retry-After"] ?? "") ?? 0 >= 1)
            let other = try await snap.send(.get, "/v1/adaccounts/another-account/campaigns")
            #expect(other.status == 200)
            #expect(other.headers["X-Rate-Limit-Limit"] == nil)
        }
    }

    // MARK: - Bad input

    @Test("malformed bodies, wrong types, oversized bodies and unknown routes get Snap's error shape")
    func badInput() async throws {
        try await withSnap { snap in
            let campaigns = "/v1/adaccounts/\(snap.account)/campaigns"
            let bodies = [
                "{\"campaigns\":[", "[]", "{}", "{\"campaigns\":{}}", "{\"campaigns\":[]}", "{\"campaigns\":[7]}",
            ]
            for body in bodies {
                let answer = try await snap.send(
                    .post, campaigns, body: Data(body.utf8), contentType: "application/json")
                #expect(answer.status == 400, "\(body)")
                #expect(answer.json?["request_status"]?.string == "ERROR", "\(body)")
                #expect(answer.json?["error_code"]?.string == "E2002", "\(body)")
            }
            let empty = try await snap.send(.post, campaigns)
            expectError(empty, status: 400, code: "E2002", mentioning: "required")
            expectItemError(
                try await snap.send(
                    .post, campaigns,
                    json: SnapchatTestClient.envelope("campaigns", snap.campaign().setting("name", .int(7)))),
                "campaigns", mentioning: "name must be a string")
            let campaign = try await snap.send(
                .post, campaigns, json: SnapchatTestClient.envelope("campaigns", snap.campaign()))
            let campaignID = campaign.firstID("campaigns", "campaign")
            let wrongBudget = snap.adSquad(campaignID: campaignID).setting("daily_budget_micro", .string("lots"))
            expectItemError(
                try await snap.send(
                    .post, "/v1/campaigns/\(campaignID)/adsquads",
                    json: SnapchatTestClient.envelope("adsquads", wrongBudget)),
                "adsquads", mentioning: "whole number")

            let big = Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 10)
            let tooBig = try await snap.send(.post, campaigns, body: big, contentType: "application/json")
            expectError(tooBig, status: 413, code: "E2002", mentioning: "too large")

            let media = try await snap.send(
                .post, "/v1/adaccounts/\(snap.account)/media",
                json: SnapchatTestClient.envelope(
                    "media",
                    .object([
                        ("name", .string("big.png")), ("type", .string("IMAGE")),
                        ("ad_account_id", .string(snap.account)),
                    ])))
            let mediaID = media.firstID("media", "media")
            let boundary = "snap-big"
            let twoMiB = SnapchatTestClient.multipart(bytes: Data(count: 2 << 20), boundary: boundary)
            let fits = try await snap.send(
                .post, "/v1/media/\(mediaID)/upload", body: twoMiB,
                contentType: "multipart/form-data; boundary=\(boundary)")
            #expect(fits.status == 200)
            #expect(fits.json?["result"]?["file_size_in_bytes"] == .int(2 << 20))
            let elevenMiB = SnapchatTestClient.multipart(bytes: Data(count: 11 << 20), boundary: boundary)
            let overUploadLimit = try await snap.send(
                .post, "/v1/media/\(mediaID)/upload", body: elevenMiB,
                contentType: "multipart/form-data; boundary=\(boundary)")
            expectError(overUploadLimit, status: 413, code: "E2002", mentioning: "too large")
            let notMultipart = try await snap.send(
                .post, "/v1/media/\(mediaID)/upload", body: Data("x".utf8), contentType: "image/png")
            expectError(notMultipart, status: 400, code: "E2002", mentioning: "multipart")
            let wrongField = try await snap.send(
                .post, "/v1/media/\(mediaID)/upload",
                body: SnapchatTestClient.multipart(field: "image", bytes: Data("x".utf8), boundary: boundary),
                contentType: "multipart/form-data; boundary=\(boundary)")
            expectError(wrongField, status: 400, code: "E2002", mentioning: "\"file\"")

            expectError(
                try await snap.send(.get, "/v1/nothing/here"), status: 404, code: "E3001", mentioning: "Unknown")
            expectError(try await snap.send(.get, "/v1"), status: 404, code: "E3001")
            expectError(
                try await snap.send(.get, "/v1/campaigns/\(campaignID)/nothing"), status: 404, code: "E3001")
            expectError(
                try await snap.send(.patch, "/v1/campaigns/\(campaignID)"), status: 405, code: "E3001",
                mentioning: "not allowed")
            expectError(
                try await snap.send(.delete, "/v1/creatives/\(campaignID)"), status: 405, code: "E3001")
            expectError(try await snap.send(.get, "/v1/campaigns/\(mediaID)"), status: 404, code: "E3003")
        }
    }

    @Test("hostile values in every field of every create answer Snap's error shape, never a crash")
    func hostileValues() async throws {
        try await withSnap { snap in
            let ids = try await snap.hierarchy()
            let hostile: [MockJSON] = [
                .null, .bool(true), .int(-1), .number("1e400"), .number("9223372036854775808"), .string(""),
                .string(String(repeating: "é", count: 5_000)), .array([.null]), .object([("x", .object([]))]),
                .string("9999-99-99T99:99:99Z"),
            ]
            let routes: [(String, String, MockJSON)] = [
                ("/v1/adaccounts/\(snap.account)/campaigns", "campaigns", snap.campaign()),
                ("/v1/campaigns/\(ids.campaign)/adsquads", "adsquads", snap.adSquad(campaignID: ids.campaign)),
                ("/v1/adaccounts/\(snap.account)/creatives", "creatives", snap.creative(mediaID: ids.media)),
                ("/v1/adsquads/\(ids.adSquad)/ads", "ads", snap.ad(adSquadID: ids.adSquad, creativeID: ids.creative)),
            ]
            for (path, plural, valid) in routes {
                for (key, _) in valid.members ?? [] {
                    for value in hostile {
                        let entry = valid.setting(key, value)
                        let answer = try await snap.send(.post, path, json: .object([(plural, .array([entry]))]))
                        #expect([200, 400].contains(answer.status), "\(key)=\(value.serialized.prefix(40))")
                        let status = answer.json?["request_status"]?.string
                        #expect(status == (answer.status == 200 ? "SUCCESS" : "ERROR"), "\(key)")
                    }
                }
            }
            let huge = snap.adSquad(campaignID: ids.campaign, dailyBudget: 1_000_000_000_000_001)
            expectItemError(
                try await snap.send(
                    .post, "/v1/campaigns/\(ids.campaign)/adsquads",
                    json: SnapchatTestClient.envelope("adsquads", huge)),
                "adsquads", mentioning: "above the maximum")
        }
    }

    // MARK: - OAuth

    @Test("the token endpoint refreshes and exchanges codes, and rejects bad grants in OAuth's shape")
    func token() async throws {
        try await withSnap { snap in
            let form = "application/x-www-form-urlencoded"
            func token(_ body: String) async throws -> SnapchatTestClient.Answer {
                try await snap.send(
                    .post, "/login/oauth2/access_token", body: Data(body.utf8), contentType: form, token: nil)
            }
            let refreshed = try await token(
                "grant_type=refresh_token&client_id=id&client_secret=secret&refresh_token=r1")
            #expect(refreshed.status == 200)
            let json = try #require(refreshed.json)
            #expect((json["access_token"]?.string ?? "").isEmpty == false)
            #expect(json["token_type"]?.string == "Bearer")
            #expect(json["expires_in"] == .int(1_800))
            #expect(json["refresh_token"]?.string == "r1")
            #expect(json["scope"]?.string == "snapchat-marketing-api")
            let exchanged = try await token("grant_type=authorization_code&client_id=id&client_secret=s&code=c1")
            #expect(exchanged.status == 200)
            #expect((exchanged.json?["refresh_token"]?.string ?? "").isEmpty == false)

            let missingGrant = try await token("client_id=id&client_secret=s&refresh_token=r")
            #expect(missingGrant.status == 400)
            #expect(missingGrant.json?["error"]?.string == "invalid_request")
            let unsupported = try await token("grant_type=password&client_id=id&client_secret=s")
            #expect(unsupported.json?["error"]?.string == "unsupported_grant_type")
            let noClient = try await token("grant_type=refresh_token&refresh_token=r")
            #expect(noClient.status == 401)
            #expect(noClient.json?["error"]?.string == "invalid_client")
            let noRefresh = try await token("grant_type=refresh_token&client_id=id&client_secret=s")
            #expect(noRefresh.status == 400)
            #expect(noRefresh.json?["error_description"]?.string?.contains("refresh_token") == true)
        }
    }
}
