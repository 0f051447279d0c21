import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

/// The Meta emulator over real sockets: Graph's encodings, hierarchy, paging, status, validation errors, insights,
/// batch, token exchange, faults, rate limits and bad input, each checked against reference §1 and §6.
@Suite("Meta emulator")
struct MetaEmulatorTests {
    typealias Client = MetaTestClient
    static let account = MetaTestClient.account

    /// Creates campaign → ad set → image → creative → ad (all paused); returns their ids and the image hash.
    static func hierarchy(
        _ client: Client
    ) async throws -> (
        campaign: String, adSet: String, hash: String, creative: String, ad: String
    ) {
        let campaign = try await client.createCampaign("Winter launch [ao-1a2b]")
        #expect(campaign.status == 200, "\(campaign.json)")
        let adSet = try await client.createAdSet(campaign: campaign.id)
        #expect(adSet.status == 200, "\(adSet.json)")
        let image = try await client.upload([("filename", "hero.png", Client.png())])
        #expect(image.status == 200, "\(image.json)")
        let hash = try #require(image.json["images"]?["hero.png"]?["hash"]?.string)
        let creative = try await client.createCreative(imageHash: hash)
        #expect(creative.status == 200, "\(creative.json)")
        let ad = try await client.createAd(adSet: adSet.id, creative: creative.id)
        #expect(ad.status == 200, "\(ad.json)")
        return (campaign.id, adSet.id, hash, creative.id, ad.id)
    }

    // MARK: - Hierarchy, reads and paging

    @Test("creates the hierarchy with Graph's ids and reads it back with fields")
    func hierarchyAndReads() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let ids = try await Self.hierarchy(client)
            for id in [ids.campaign, ids.adSet, ids.creative, ids.ad] {
                #expect(id.count == 18 && id.hasPrefix("1202") && id.allSatisfy(\.isNumber), "\(id)")
            }
            #expect(ids.hash.count == 32 && ids.hash.allSatisfy(\.isHexDigit))

            let campaign = try await client.get(
                ids.campaign, [("fields", "name,status,daily_budget,objective,account_id")])
            #expect(campaign.status == 200)
            #expect(campaign.json["name"]?.string == "Winter launch [ao-1a2b]")
            #expect(campaign.json["daily_budget"] == .string("1000"), "budgets are strings in minor units")
            #expect(campaign.json["account_id"]?.string == "1001")
            #expect(campaign.json["id"]?.string == ids.campaign, "Graph always returns the id")
            let stored = try #require(running.mock.world.entity("meta", ids.campaign))
            #expect(stored.dailyBudgetMicros == 10_000_000, "$10.00 in micros")

            let bare = try await client.get(ids.campaign)
            #expect(bare.json == .object([("id", .string(ids.campaign))]), "without fields Graph returns the id only")

            let adSet = try await client.get(ids.adSet + "/", [("fields", "campaign_id,targeting,campaign{name}")])
            #expect(adSet.json["campaign_id"]?.string == ids.campaign)
            #expect(adSet.json["targeting"]?["geo_locations"]?["countries"] == .array([.string("US")]))
            #expect(adSet.json["campaign"]?["name"]?.string == "Winter launch [ao-1a2b]")

            let ad = try await client.get(ids.ad, [("fields", "adset_id,campaign_id,creative,effective_status")])
            #expect(ad.json["creative"]?["id"]?.string == ids.creative)
            #expect(ad.json["campaign_id"]?.string == ids.campaign)
            #expect(ad.json["effective_status"]?.string == "PAUSED")
            let storedAd = try #require(running.mock.world.entity("meta", ids.ad))
            #expect(storedAd.role == .leaf && storedAd.landingURL == "https://example.com/signup?utm_source=facebook")

            let images = try await client.get(
                "\(Self.account)/adimages", [("hashes", #"["\#(ids.hash)"]"#), ("fields", "hash,name,width,height")])
            #expect(images.data.count == 1)
            #expect(images.data.first?["id"]?.string == "1001:\(ids.hash)")
            #expect(images.data.first?["width"] == .number("1080"))

            let unknownField = try await client.get(ids.campaign, [("fields", "name,colour")])
            #expect(unknownField.status == 400 && unknownField.code == 100)
            #expect(unknownField.message.contains("nonexisting field (colour)"))

            let missing = try await client.get("120200000000099999")
            #expect(missing.status == 400 && missing.code == 100 && missing.subcode == 33)
            #expect(missing.error?["type"]?.string == "GraphMethodException")
        }
    }

    @Test("pages through campaigns with cursors; next only while more remain; summary counts")
    func paging() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            var created: [String] = []
            for index in 0..<7 { created.append(try await client.createCampaign("Paging \(index)").id) }
            var seen: [String] = []
            var after: String?
            var pages = 0
            repeat {
                var query = [("fields", "name"), ("limit", "3"), ("summary", "true")]
                if let after { query.append(("after", after)) }
                let page = try await client.get("\(Self.account)/campaigns", query)
                #expect(page.status == 200)
                #expect(page.json["summary"]?["total_count"] == .number("7"))
                seen += page.data.compactMap { $0["id"]?.string }
                after = page.hasNext ? page.after : nil
                pages += 1
                if pages == 3 { #expect(!page.hasNext, "the last page has no next link") }
            } while after != nil && pages < 10
            #expect(seen == created, "every campaign once, in creation order")
            #expect(pages == 3)

            let first = try await client.get("\(Self.account)/campaigns", [("limit", "3")])
            let next = try #require(first.json["paging"]?["next"]?.string)
            #expect(next.hasPrefix(running.baseURL.absoluteString + "/v21.0/\(Self.account)/campaigns?"))
            #expect(next.contains("after=") && next.contains("access_token=TEST"))

            // Deleting an item already paged past does not shift the next page.
            _ = try await client.delete(created[1])
            let second = try await client.get(
                "\(Self.account)/campaigns", [("limit", "3"), ("after", first.after ?? "")])
            #expect(second.data.compactMap { $0["id"]?.string } == Array(created[3..<6]))

            let filtered = try await client.get(
                "\(Self.account)/campaigns",
                [("filtering", #"[{"field":"name","operator":"CONTAIN","value":"paging 4"}]"#), ("fields", "name")])
            #expect(filtered.data.compactMap { $0["name"]?.string } == ["Paging 4"])

            let badFilter = try await client.get(
                "\(Self.account)/campaigns", [("filtering", #"[{"field":"name","operator":"LIKE","value":"x"}]"#)])
            #expect(badFilter.status == 400 && badFilter.code == 100)
        }
    }

    // MARK: - State

    @Test("status changes show on read and in effective status; delete hides from lists and cascades")
    func statusAndDelete() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let ids = try await Self.hierarchy(client)
            let updated = try await client.post(ids.adSet + "/", [("status", "ACTIVE")])
            #expect(updated.json == .object([("success", .bool(true))]))
            let adSet = try await client.get(ids.adSet, [("fields", "status,effective_status")])
            #expect(adSet.json["status"]?.string == "ACTIVE")
            #expect(adSet.json["effective_status"]?.string == "CAMPAIGN_PAUSED")
            #expect(running.mock.world.entity("meta", ids.adSet)?.isActive == true)

            _ = try await client.post(ids.campaign + "/", [("status", "ACTIVE"), ("daily_budget", "2500")])
            let campaign = try await client.get(ids.campaign, [("fields", "status,daily_budget")])
            #expect(campaign.json["status"]?.string == "ACTIVE" && campaign.json["daily_budget"]?.string == "2500")
            #expect(running.mock.world.entity("meta", ids.campaign)?.dailyBudgetMicros == 25_000_000)

            let switchType = try await client.post(ids.campaign + "/", [("lifetime_budget", "100000")])
            #expect(switchType.status == 400 && switchType.code == 100)
            let tooLow = try await client.post(ids.campaign + "/", [("daily_budget", "99")])
            #expect(tooLow.subcode == 1_885_272)

            let deleted = try await client.delete(ids.campaign)
            #expect(deleted.json == .object([("success", .bool(true))]))
            let read = try await client.get(ids.campaign, [("fields", "status")])
            #expect(read.json["status"]?.string == "DELETED")
            let list = try await client.get("\(Self.account)/campaigns")
            #expect(list.data.isEmpty)
            let withDeleted = try await client.get("\(Self.account)/campaigns", [("effective_status", #"["DELETED"]"#)])
            #expect(withDeleted.data.count == 1)
            let ads = try await client.get("\(Self.account)/ads")
            #expect(ads.data.isEmpty, "deleting a campaign deletes its ads")
            let editDeleted = try await client.post(ids.campaign + "/", [("name", "again")])
            #expect(editDeleted.status == 400 && editDeleted.code == 100)
        }
    }

    // MARK: - Validation

    @Test("validation answers with Meta's error objects and codes")
    func validation() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let path = "\(Self.account)/campaigns"

            let noName = try await client.post(path, [("objective", "OUTCOME_SALES"), ("special_ad_categories", "[]")])
            #expect(noName.status == 400 && noName.code == 100)
            #expect(noName.message == "(#100) The parameter name is required")
            #expect(noName.error?["type"]?.string == "OAuthException")
            #expect(noName.error?["fbtrace_id"]?.string?.count == 11)

            let noCategories = try await client.post(path, [("name", "x"), ("objective", "OUTCOME_SALES")])
            #expect(noCategories.message == "(#100) The parameter special_ad_categories is required")

            let badEnum = try await client.post(
                path, [("name", "x"), ("objective", "CLICKS_PLEASE"), ("special_ad_categories", "[]")])
            #expect(badEnum.code == 100 && badEnum.message.hasPrefix("(#100) param objective must be one of {"))
            let badStatus = try await client.createCampaign(extra: [("status", "RUNNING")])
            #expect(badStatus.code == 100 && badStatus.message.contains("param status must be one of"))

            let lowBudget = try await client.createCampaign(extra: [("daily_budget", "99")])
            #expect(lowBudget.status == 400 && lowBudget.code == 100 && lowBudget.subcode == 1_885_272)
            #expect(lowBudget.error?["error_user_title"]?.string == "Your Budget Is Too Low")

            let legacy = try await client.post(
                path, [("name", "legacy"), ("objective", "LINK_CLICKS"), ("special_ad_categories", "NONE")])
            #expect(legacy.status == 200, "legacy objectives are still in the enum")

            let unknownCampaign = try await client.createAdSet(
                campaign: "120200000000000099", extra: [("daily_budget", "1000")])
            #expect(unknownCampaign.code == 100 && unknownCampaign.subcode == 33)

            let campaign = try await client.createCampaign()
            let noGeo = try await client.post(
                "\(Self.account)/adsets",
                [
                    ("name", "x"), ("campaign_id", campaign.id), ("billing_event", "IMPRESSIONS"),
                    ("targeting", #"{"age_min":18}"#),
                ])
            #expect(noGeo.code == 100 && noGeo.error?["error_user_title"]?.string == "Location Required")
            let doubleBudget = try await client.createAdSet(campaign: campaign.id, extra: [("daily_budget", "1000")])
            #expect(doubleBudget.code == 100, "a CBO campaign's ad sets have no budget of their own")
            let badBilling = try await client.createAdSet(campaign: campaign.id, extra: [("billing_event", "SHOUTING")])
            #expect(badBilling.message.contains("param billing_event must be one of"))

            let plain = try await client.post(
                path, [("name", "no budget"), ("objective", "OUTCOME_TRAFFIC"), ("special_ad_categories", "[]")])
            let noBudget = try await client.createAdSet(campaign: plain.id)
            #expect(noBudget.code == 100 && noBudget.error?["error_user_title"]?.string == "Budget Required")
            let lowSetBudget = try await client.createAdSet(campaign: plain.id, extra: [("daily_budget", "50")])
            #expect(lowSetBudget.subcode == 1_885_272)
            let lifetimeNoEnd = try await client.createAdSet(campaign: plain.id, extra: [("lifetime_budget", "50000")])
            #expect(lifetimeNoEnd.error?["error_user_title"]?.string == "End Time Required")
            let adSet = try await client.createAdSet(campaign: plain.id, extra: [("daily_budget", "500")])
            #expect(adSet.status == 200)
            #expect(running.mock.world.entity("meta", adSet.id)?.dailyBudgetMicros == 5_000_000)

            let noPage = try await client.post(
                "\(Self.account)/adcreatives", [("object_story_spec", #"{"link_data":{"link":"https://x.test"}}"#)])
            #expect(noPage.message == "(#100) The parameter object_story_spec[page_id] is required")
            let noLink = try await client.post(
                "\(Self.account)/adcreatives", [("object_story_spec", #"{"page_id":"1","link_data":{"message":"hi"}}"#)]
            )
            #expect(noLink.message == "(#100) The parameter object_story_spec[link_data][link] is required")
            let badHash = try await client.createCreative(imageHash: "0123456789abcdef0123456789abcdef")
            #expect(badHash.code == 100 && badHash.error?["error_user_title"]?.string == "Image Not Found")
            let longText = String(repeating: "Stream everything. ", count: 600)
            let long = try await client.post(
                "\(Self.account)/adcreatives",
                [
                    (
                        "object_story_spec",
                        MockJSON.object([
                            ("page_id", .string("1")),
                            (
                                "link_data",
                                .object([("link", .string("https://x.test")), ("message", .string(longText))])
                            ),
                        ]).serialized
                    )
                ])
            #expect(long.status == 200, "Meta has no hard text limits")

            let creative = try await client.createCreative(imageHash: nil)
            let unknownAdSet = try await client.createAd(adSet: "120200000000000098", creative: creative.id)
            #expect(unknownAdSet.code == 100 && unknownAdSet.subcode == 33)
            let unknownCreative = try await client.createAd(adSet: adSet.id, creative: "120200000000000097")
            #expect(unknownCreative.code == 100 && unknownCreative.subcode == 33)

            _ = try await client.delete(plain.id)
            let underDeleted = try await client.createAdSet(campaign: plain.id, extra: [("daily_budget", "500")])
            #expect(underDeleted.code == 100 && underDeleted.subcode == 33)
            #expect(underDeleted.error?["error_user_title"]?.string == "Object Deleted")
            let adUnderDeleted = try await client.createAd(adSet: adSet.id, creative: creative.id)
            #expect(adUnderDeleted.subcode == 33, "the ad set went with its campaign")

            let otherAccount = try await client.post(
                "act_2002/adsets",
                [
                    ("name", "x"), ("campaign_id", campaign.id), ("billing_event", "IMPRESSIONS"),
                    ("targeting", #"{"geo_locations":{"countries":["US"]}}"#),
                ])
            #expect(otherAccount.subcode == 33, "another account's campaign is not found")
        }
    }

    @Test("tokens: missing is 104, empty or malformed 190, expired 190/463; Bearer headers are accepted")
    func tokens() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let missing = try await client.get("\(Self.account)/campaigns", token: nil)
            #expect(missing.status == 400 && missing.code == 104)
            #expect(missing.message == "An access token is required to request this resource.")
            #expect(missing.header("WWW-Authenticate")?.hasPrefix("OAuth") == true)
            let empty = try await client.get("\(Self.account)/campaigns", token: "")
            #expect(empty.status == 400 && empty.code == 190 && empty.subcode == nil)
            let expired = try await client.createCampaign(extra: [("access_token", "EXPIRED-1")])
            #expect(expired.code == 190 && expired.subcode == 463)

            let url = try #require(URL(string: running.baseURL.absoluteString + "/v21.0/\(Self.account)/campaigns"))
            let bearer = try await client.transport.send(
                PlatformHTTPRequest(method: .get, url: url, headers: ["Authorization": "Bearer TEST"]))
            #expect(bearer.status == 200)

            let exchange = try await client.get(
                "oauth/access_token",
                [
                    ("grant_type", "fb_exchange_token"), ("client_id", "42"), ("client_secret", "s"),
                    ("fb_exchange_token", "SHORT"),
                ], token: nil)
            #expect(exchange.status == 200)
            #expect(exchange.json["token_type"]?.string == "bearer")
            #expect(exchange.json["expires_in"] == .number("5183944"))
            #expect(exchange.json["access_token"]?.string?.hasPrefix("EAAM") == true)
            let again = try await client.get(
                "oauth/access_token",
                [
                    ("grant_type", "fb_exchange_token"), ("client_id", "42"), ("client_secret", "s"),
                    ("fb_exchange_token", "SHORT"),
                ], token: nil)
            #expect(again.json["access_token"] == exchange.json["access_token"], "deterministic from the seed")
            let noClient = try await client.get(
                "oauth/access_token", [("grant_type", "fb_exchange_token"), ("fb_exchange_token", "SHORT")], token: nil)
            #expect(noClient.code == 101)
        }
    }

    // MARK: - Insights

    @Test("insights report delivery after the clock moves: strings, dollars, days, pixel conversions")
    func insights() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let world = running.mock.world
            // Start at noon UTC so the first and last days both have delivery, whenever the test runs.
            let midnight = (world.now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
            world.setClock(Date(timeIntervalSince1970: midnight + 86_400 + 43_200))
            let ids = try await Self.hierarchy(client)
            for id in [ids.campaign, ids.adSet, ids.ad] { _ = try await client.post(id + "/", [("status", "ACTIVE")]) }
            let since = Self.day(world.now)
            world.advance(by: 2 * 86_400)
            let click = try #require(world.mintClick(platform: "meta", adID: ids.ad))
            world.recordPixelEvent(
                platform: "meta", event: "CompleteRegistration", page: "/landing/disneyplus/",
                parameters: ["fbclid": click.clickID], valueMicros: 12_340_000)
            world.recordPixelEvent(
                platform: "meta", event: "PageView", page: "/landing/disneyplus/",
                parameters: ["fbclid": click.clickID], valueMicros: nil)
            let until = Self.day(world.now)

            let report = try await client.get(
                "\(Self.account)/insights",
                [
                    ("level", "campaign"),
                    ("fields", "campaign_id,impressions,clicks,spend,cpm,ctr,actions,action_values"),
                    ("time_range", #"{"since":"\#(since)","until":"\#(until)"}"#),
                    ("filtering", #"[{"field":"campaign.id","operator":"IN","value":["\#(ids.campaign)"]}]"#),
                ])
            #expect(report.status == 200, "\(report.json)")
            let row = try #require(report.data.first)
            #expect(report.data.count == 1)
            #expect(row["campaign_id"]?.string == ids.campaign)
            #expect(row["date_start"]?.string == since && row["date_stop"]?.string == until)
            let impressions = try #require(row["impressions"]?.string.flatMap { Int($0) })
            let clicks = try #require(row["clicks"]?.string.flatMap { Int($0) })
            let spend = try #require(row["spend"]?.string.flatMap { Double($0) })
            #expect(impressions > 0 && clicks > 0 && clicks <= impressions)
            #expect(spend > 0 && spend <= 30.00, "within three days of a $10.00 daily budget")
            #expect(row["cpm"]?.string != nil && row["ctr"]?.string != nil)
            let actions = row["actions"]?.array ?? []
            #expect(
                actions.contains {
                    $0["action_type"]?.string == "offsite_conversion.fb_pixel_complete_registration"
                        && $0["value"]?.string == "1"
                })
            #expect(
                row["action_values"]?.array?.first
                    == .object([
                        ("action_type", .string("offsite_conversion.fb_pixel_complete_registration")),
                        ("value", .string("12.34")),
                    ]))

            let totals = world.delivery(
                "meta", entityID: ids.campaign, from: world.now.addingTimeInterval(-4 * 86_400), to: world.now)
            #expect(String(totals.impressions) == row["impressions"]?.string)

            let daily = try await client.get(
                ids.ad + "/insights",
                [("fields", "ad_id,impressions,spend"), ("time_increment", "1"), ("date_preset", "maximum")])
            #expect(daily.data.count == 3, "one row per day with delivery: \(daily.json)")
            #expect(daily.data.allSatisfy { $0["date_start"] == $0["date_stop"] && $0["ad_id"]?.string == ids.ad })

            let badField = try await client.get(ids.campaign + "/insights", [("fields", "impressions,happiness")])
            #expect(badField.code == 100 && badField.message.contains("happiness is not valid for fields param"))
            let badPreset = try await client.get(ids.campaign + "/insights", [("date_preset", "last_century")])
            #expect(badPreset.code == 100)

            let started = try await client.post(ids.campaign + "/insights", [("fields", "impressions,spend")])
            let runID = try #require(started.json["report_run_id"]?.string)
            let run = try await client.get(runID, [("fields", "async_status,async_percent_completion")])
            #expect(run.json["async_status"]?.string == "Job Completed")
            let results = try await client.get(runID + "/insights")
            #expect(results.status == 200 && results.data.count == 1)
        }
    }

    @Test("insights pages walk the rows their first page read; a cursor of rows no longer kept pages them anew")
    func insightsPaging() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let world = running.mock.world
            let ids = try await Self.hierarchy(client)
            for id in [ids.campaign, ids.adSet, ids.ad] { _ = try await client.post(id + "/", [("status", "ACTIVE")]) }
            world.advance(by: 4 * 86_400)
            let query = [("fields", "ad_id,impressions,spend"), ("time_increment", "1"), ("date_preset", "maximum")]
            let whole = try await client.get(ids.ad + "/insights", query + [("limit", "100")])
            #expect(whole.data.count >= 4, "\(whole.json)")
            var paged: [MockJSON] = []
            var after: String?
            repeat {
                let page = try await client.get(
                    ids.ad + "/insights", query + [("limit", "1")] + (after.map { [("after", $0)] } ?? []))
                #expect(page.status == 200)
                paged += page.data
                after = page.hasNext ? page.after : nil
                // Delivery goes on between pages; the pages still walk the rows of the first one.
                world.advance(by: 3_600)
            } while after != nil && paged.count < 50
            #expect(paged == whole.data)

            // A cursor without a kept snapshot (as after a restart) pages through the rows computed again.
            let second = try #require(whole.data.dropFirst().first)
            let plainCursor = Data("row:0".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            let fromPlain = try await client.get(
                ids.ad + "/insights", query + [("limit", "1"), ("after", plainCursor)])
            #expect(fromPlain.data.first?["date_start"] == second["date_start"])
        }
    }

    // MARK: - Batch

    @Test("batch runs each call in order, fills in references, and reports each answer")
    func batch() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let body = "name=Batched&objective=OUTCOME_TRAFFIC&special_ad_categories=%5B%5D&status=PAUSED"
            let requests = MockJSON.array([
                .object([
                    ("method", .string("POST")), ("relative_url", .string("\(Self.account)/campaigns")),
                    ("body", .string(body)), ("name", .string("first")),
                ]),
                .object([("method", .string("GET")), ("relative_url", .string("{result=first:$.id}?fields=name"))]),
                .object([("method", .string("GET")), ("relative_url", .string("v21.0/120200000000000042"))]),
            ])
            let reply = try await client.post("", [("batch", requests.serialized)])
            #expect(reply.status == 200)
            let items = try #require(reply.json.array)
            #expect(items.count == 3)
            #expect(items[0] == .null, "a referenced request's own answer is omitted")
            #expect(items[1]["code"] == .number("200"))
            let read = try #require(items[1]["body"]?.string.flatMap { MockJSON.parse($0) })
            #expect(read["name"]?.string == "Batched")
            #expect(items[2]["code"] == .number("400"))
            let failure = try #require(items[2]["body"]?.string.flatMap { MockJSON.parse($0) })
            #expect(failure["error"]?["error_subcode"] == .number("33"))

            let tooMany = MockJSON.array(
                Array(repeating: .object([("method", .string("GET")), ("relative_url", .string("me"))]), count: 51))
            let rejected = try await client.post("", [("batch", tooMany.serialized)])
            #expect(rejected.status == 400 && rejected.error != nil)
        }
    }

    // MARK: - Faults and rate limits

    @Test("injected faults answer in Graph's error shape: status, code/subcode, dropped connection")
    func faults() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            func rule(
                _ kind: FaultRule.Kind, status: Int? = nil, code: String? = nil, subcode: String? = nil
            )
                -> FaultRule
            {
                FaultRule(
                    platform: "meta", path: "/v*/act_*/campaigns", kind: kind, status: status, code: code,
                    subcode: subcode, remaining: 1)
            }
            running.mock.faults.add(rule(.status, status: 503))
            let unavailable = try await client.get("\(Self.account)/campaigns")
            #expect(unavailable.status == 503 && unavailable.code == 2)
            #expect(unavailable.error?["is_transient"] == .bool(true))

            running.mock.faults.add(rule(.status, status: 500))
            let unknown = try await client.get("\(Self.account)/campaigns")
            #expect(unknown.status == 500 && unknown.code == 1)

            running.mock.faults.add(rule(.platformError, code: "17", subcode: "2446079"))
            let throttled = try await client.get("\(Self.account)/campaigns")
            #expect(throttled.status == 400 && throttled.code == 17 && throttled.subcode == 2_446_079)
            #expect(throttled.message == "(#17) User request limit reached")
            let usage = try #require(throttled.header("X-Business-Use-Case-Usage").flatMap { MockJSON.parse($0) })
            #expect(usage["1001"]?.array?.first?["estimated_time_to_regain_access"] == .number("1"))

            running.mock.faults.add(rule(.platformError, code: "190", subcode: "463"))
            let expired = try await client.get("\(Self.account)/campaigns")
            #expect(expired.status == 400 && expired.code == 190 && expired.subcode == 463)

            running.mock.faults.add(rule(.platformError, code: "100", subcode: "33"))
            let notFound = try await client.get("\(Self.account)/campaigns")
            #expect(notFound.code == 100 && notFound.error?["type"]?.string == "GraphMethodException")

            running.mock.faults.add(rule(.platformError, code: "2"))
            let service = try await client.get("\(Self.account)/campaigns")
            #expect(service.status == 500 && service.code == 2)

            running.mock.faults.add(rule(.drop))
            await #expect(throws: AdPlatformError.self) { _ = try await client.get("\(Self.account)/campaigns") }

            let normal = try await client.get("\(Self.account)/campaigns")
            #expect(normal.status == 200, "each rule fired once")
        }
    }

    @Test("rate-limit budgets: usage headers on every answer, the budget's code when spent")
    func rateLimits() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            running.mock.rateLimits.set(
                RateLimitBudget(platform: "meta", account: Self.account, limit: 2, windowSeconds: 60, code: "80004"))
            let first = try await client.get("\(Self.account)/campaigns")
            #expect(first.status == 200)
            let accountUsage = try #require(first.header("X-Ad-Account-Usage").flatMap { MockJSON.parse($0) })
            #expect(accountUsage["acc_id_util_pct"] == .number("50"))
            #expect(accountUsage["ads_api_access_tier"]?.string == "standard_access")
            let business = try #require(first.header("X-Business-Use-Case-Usage").flatMap { MockJSON.parse($0) })
            #expect(business["1001"]?.array?.first?["type"]?.string == "ads_management")
            #expect(business["1001"]?.array?.first?["call_count"] == .number("50"))
            #expect(first.header("X-App-Usage").flatMap { MockJSON.parse($0) }?["call_count"] == .number("50"))
            _ = try await client.get("\(Self.account)/campaigns")
            let spent = try await client.get("\(Self.account)/campaigns")
            #expect(spent.status == 400 && spent.code == 80_004)
            let regain = spent.header("X-Business-Use-Case-Usage").flatMap { MockJSON.parse($0) }?["1001"]?.array?
                .first?["estimated_time_to_regain_access"]?.int64
            #expect((regain ?? 0) >= 1)

            running.mock.rateLimits.set(RateLimitBudget(platform: "meta", limit: 0, windowSeconds: 60))
            let defaultCode = try await client.get("act_3003/campaigns")
            #expect(defaultCode.code == 17 && defaultCode.subcode == 2_446_079)
        }
    }

    // MARK: - Bad input

    @Test("bad input gets Graph's error shape, never a crash")
    func badInput() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let path = "\(Self.account)/campaigns"

            let badJSON = try await client.send(
                "POST", path, body: Data("{\"name\": ".utf8), contentType: "application/json")
            #expect(badJSON.status == 400 && badJSON.code == 100)
            let json = try await client.send(
                "POST", path,
                body: Data(#"{"name":"json","objective":"OUTCOME_TRAFFIC","special_ad_categories":[]}"#.utf8),
                contentType: "application/json")
            #expect(json.status == 200, "Graph also takes JSON bodies")

            let garbledForm = try await client.send(
                "POST", path, body: Data("%%%&&==name&objective=%ZZ".utf8),
                contentType: "application/x-www-form-urlencoded")
            #expect(garbledForm.status == 400 && garbledForm.code == 100)

            let wrongType = try await client.createCampaign(extra: [("daily_budget", "ten dollars")])
            #expect(wrongType.code == 100 && wrongType.message.contains("daily_budget"))
            let negative = try await client.createCampaign(extra: [("daily_budget", "-5")])
            #expect(negative.code == 100)
            let categoriesObject = try await client.post(
                path, [("name", "x"), ("objective", "OUTCOME_SALES"), ("special_ad_categories", #"{"a":1}"#)])
            #expect(categoriesObject.code == 100)
            let campaign = try await client.createCampaign()
            let brokenTargeting = try await client.createAdSet(campaign: campaign.id, extra: [("targeting", "{oops")])
            #expect(brokenTargeting.code == 100 && brokenTargeting.message.contains("targeting"))

            let big = Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 10)
            let tooBig = try await client.send(
                "POST", path, body: big, contentType: "application/x-www-form-urlencoded")
            #expect(tooBig.status == 413 && tooBig.code == 100)
            let hugeImage = Client.png(padding: (10 << 20) + 10)
            let tooBigUpload = try await client.upload([("filename", "huge.png", hugeImage)])
            #expect(tooBigUpload.status == 413 && tooBigUpload.code == 100)
            let largeImage = Client.png(padding: 2 << 20)
            let largeUpload = try await client.upload([("filename", "large.png", largeImage)])
            #expect(largeUpload.status == 200, "uploads may exceed 1 MiB")
            let notImage = try await client.upload([("filename", "notes.txt", Data("hello".utf8))])
            #expect(notImage.code == 100 && notImage.error?["error_user_title"]?.string == "Invalid Image")
            let brokenMultipart = try await client.send(
                "POST", "\(Self.account)/adimages", body: Data("--x\r\nnonsense".utf8),
                contentType: "multipart/form-data; boundary=x")
            #expect(brokenMultipart.status == 400 && brokenMultipart.code == 100)

            let unknownEdge = try await client.get("\(Self.account)/widgets")
            #expect(unknownEdge.code == 100 && unknownEdge.message.contains("nonexisting field (widgets)"))
            let deepPath = try await client.get("\(Self.account)/campaigns/extra/parts")
            #expect(deepPath.code == 2500)
            let alias = try await client.get("no-such-page")
            #expect(alias.status == 404 && alias.code == 803)
            let oldVersion = try await client.get("/v17.0/\(Self.account)/campaigns")
            #expect(oldVersion.status == 400 && oldVersion.code == 2635)
            let futureVersion = try await client.get("/v99.0/\(Self.account)/campaigns")
            #expect(futureVersion.code == 2635)
            let put = try await client.send("PUT", path, body: Data("name=x".utf8))
            #expect(put.status == 400 && put.code == 100)
            let garbageCursor = try await client.get(path, [("after", "!!!")])
            #expect(garbageCursor.code == 100)
            let badLimit = try await client.get(path, [("limit", "lots")])
            #expect(badLimit.code == 100)
            let batchNotList = try await client.post("", [("batch", "{}")])
            #expect(batchNotList.code == 100)
        }
    }

    @Test("bytes uploads and image listing; the same bytes give the same hash")
    func images() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let png = Client.png(width: 600, height: 314)
            let first = try await client.post(
                "\(Self.account)/adimages", [("bytes", png.base64EncodedString()), ("name", "card.png")])
            let hash = try #require(first.json["images"]?["card.png"]?["hash"]?.string)
            let again = try await client.upload([("source0", "card.png", png)])
            #expect(again.json["images"]?["card.png"]?["hash"]?.string == hash)
            let list = try await client.get("\(Self.account)/adimages", [("fields", "hash,width,height,name")])
            #expect(list.data.count == 1)
            #expect(list.data.first?["width"] == .number("600") && list.data.first?["height"] == .number("314"))
            let removed = try await client.delete("\(Self.account)/adimages", [("hash", hash)])
            #expect(removed.json == .object([("success", .bool(true))]))
            #expect(try await client.get("\(Self.account)/adimages").data.isEmpty)
        }
    }

    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
