import AdPlatformKit
import Foundation
import Testing

@testable import MockPlatforms

@Suite("Emulator infrastructure")
struct InfrastructureTests {
    @Test(
        "MockJSON parses what JSON allows and rejects what it does not",
        arguments: [
            (#"{"a":[1,2.5,-3e2,"x\u00e9\n",true,null],"b":{}}"#, true), (#"{"a":1,}"#, false), ("[", false),
            (#""\ud83c\udfac""#, true), ("01", false), ("1.", false), (#"{"a" 1}"#, false), ("", false),
            (String(repeating: "[", count: 100) + String(repeating: "]", count: 100), false),
        ])
    func jsonParsing(text: String, valid: Bool) {
        #expect((MockJSON.parse(text) != nil) == valid)
    }

    @Test("MockJSON keeps number text and escapes for HTML-safe output")
    func jsonRoundTrip() throws {
        let value = try #require(MockJSON.parse(#"{"budget":50.10,"id":"120210000000000001","name":"<b>\"x\""}"#))
        #expect(value["budget"] == .number("50.10"))
        #expect(value["budget"]?.decimal == Decimal(string: "50.1"))
        #expect(value.serialized == #"{"budget":50.10,"id":"120210000000000001","name":"\u003cb\u003e\"x\""}"#)
        #expect(MockJSON.parse(#""\ud83c\udfac""#)?.string == "🎬")
    }

    @Test("form decoding handles plus, percent escapes and malformed escapes")
    func forms() {
        let pairs = MockForm.decode("name=Winter+launch&special_ad_categories=%5B%5D&bad=%zz&flag")
        #expect(pairs.map(\.0) == ["name", "special_ad_categories", "bad", "flag"])
        #expect(pairs.map(\.1) == ["Winter launch", "[]", "%zz", ""])
    }

    @Test("multipart bodies are split into fields and files; bodies that break the format are rejected")
    func multipart() throws {
        let body = Data(
            "--B\r\nContent-Disposition: form-data; name=\"advertiser_id\"\r\n\r\n7\r\n--B\r\nContent-Disposition: form-data; name=\"image_file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u{1}\u{2}\r\n--B--\r\n"
                .utf8)
        let parts = try #require(MockMultipart.parse(body, contentType: "multipart/form-data; boundary=B"))
        #expect(parts.map(\.name) == ["advertiser_id", "image_file"])
        #expect(parts[1].fileName == "a.png" && parts[1].data == Data([1, 2]))
        #expect(MockMultipart.parse(Data("garbage".utf8), contentType: "multipart/form-data; boundary=B") == nil)
        #expect(MockMultipart.parse(body, contentType: "application/json") == nil)
    }

    @Test("ids follow each platform's format and the seed")
    func ids() {
        let world = MockWorld(seed: 7, now: Date(timeIntervalSince1970: 1_800_000_000))
        let meta = world.mintID(.meta)
        let tiktok = world.mintID(.tiktok)
        let google = world.mintID(.google)
        let uuid = world.mintID(.uuid)
        #expect(meta.count == 18 && meta.hasPrefix("1202") && meta.allSatisfy(\.isNumber))
        #expect(tiktok.count == 19 && tiktok.hasPrefix("17") && tiktok.allSatisfy(\.isNumber))
        #expect((10...11).contains(google.count) && google.allSatisfy(\.isNumber))
        #expect(UUID(uuidString: uuid) != nil && uuid == uuid.lowercased())
        let again = MockWorld(seed: 7, now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(again.mintID(.meta) == meta)
        #expect(MockWorld(seed: 8, now: Date(timeIntervalSince1970: 1_800_000_000)).mintID(.meta) != meta)
        #expect(world.mintID(.meta) != meta)
    }

    @Test("the journal keeps the newest entries and filters them")
    func journal() {
        let journal = RequestJournal(capacity: 3)
        for index in 0..<5 {
            journal.record(
                time: Date(timeIntervalSince1970: Double(index)), platform: index % 2 == 0 ? "meta" : "tiktok",
                method: "POST", path: "/v21.0/act_1/campaigns/\(index)", status: index == 4 ? 400 : 200,
                durationMicroseconds: 10, account: "act_1", fault: nil)
        }
        #expect(journal.count == 3)
        #expect(journal.query().map(\.sequence) == [3, 4, 5])
        #expect(journal.query(platform: "meta").map(\.sequence) == [3, 5])
        #expect(journal.query(status: "4xx").map(\.sequence) == [5])
        #expect(journal.query(path: "campaigns/3").map(\.sequence) == [4])
        #expect(journal.query(since: Date(timeIntervalSince1970: 3)).map(\.sequence) == [4, 5])
        #expect(journal.query(limit: 1).map(\.sequence) == [5])
    }

    @Test("fault rules match by platform, method and path glob, fire a counted number of times, add latency")
    func faults() {
        let faults = FaultInjector(seed: 1)
        faults.add(
            FaultRule(
                platform: "meta", method: "POST", path: "/v*/act_*/campaigns", kind: .status, status: 500, remaining: 2)
        )
        faults.add(FaultRule(platform: "meta", kind: .latency, latencyMilliseconds: 5))
        #expect(faults.decide(platform: "tiktok", method: "POST", path: "/v21.0/act_1/campaigns").rule == nil)
        #expect(faults.decide(platform: "meta", method: "GET", path: "/v21.0/act_1/campaigns").rule == nil)
        let first = faults.decide(platform: "meta", method: "POST", path: "/v21.0/act_1/campaigns")
        #expect(first.rule?.status == 500 && first.latencyMilliseconds == 5)
        #expect(faults.decide(platform: "meta", method: "POST", path: "/v21.0/act_1/campaigns").rule != nil)
        #expect(faults.decide(platform: "meta", method: "POST", path: "/v21.0/act_1/campaigns").rule == nil)
        #expect(faults.rules.count == 1)
        #expect(FaultRule.glob("/v*/customers/*:mutate", matches: "/v23/customers/123/campaigns:mutate"))
        #expect(!FaultRule.glob("/v*/customers/*:mutate", matches: "/v23/customers/123/googleAds:search"))
    }

    @Test("a probability fires about that often, the same way for the same seed")
    func probability() {
        func fired(seed: UInt64) -> Int {
            let faults = FaultInjector(seed: seed)
            faults.add(FaultRule(kind: .status, status: 503, probability: 0.3))
            return (0..<2_000).filter { _ in faults.decide(platform: "x", method: "GET", path: "/").rule != nil }.count
        }
        let count = fired(seed: 42)
        #expect((500...700).contains(count), "fired \(count) of 2000 at p=0.3")
        #expect(fired(seed: 42) == count)
    }

    @Test("rate-limit budgets count per account and report usage")
    func rateLimits() {
        let limiter = RateLimiter()
        #expect(limiter.consume(platform: "meta", account: "act_1") == nil)
        limiter.set(RateLimitBudget(platform: "meta", limit: 2, windowSeconds: 60, code: "80004"))
        #expect(limiter.consume(platform: "meta", account: "act_1")?.exceeded == false)
        let second = limiter.consume(platform: "meta", account: "act_1")
        #expect(second?.exceeded == false && second?.remaining == 0 && second?.percentUsed == 100)
        #expect(limiter.consume(platform: "meta", account: "act_1")?.exceeded == true)
        #expect(limiter.consume(platform: "meta", account: "act_2")?.exceeded == false)
        #expect(limiter.consume(platform: "tiktok", account: "act_1") == nil)
    }

    @Test("delivery accrues only while the whole chain is active, stays within budget and is reproducible")
    func delivery() {
        func run(seed: UInt64) -> (DeliveryTotals, DeliveryTotals, DeliveryTotals) {
            let start = Date(timeIntervalSince1970: 1_796_083_200)
            let world = MockWorld(seed: seed, now: start)
            var campaign = MockEntity(
                platform: "meta", kind: "campaign", id: "c", accountID: "a", parentID: nil, name: "C",
                fields: .object([]),
                createdAt: start, role: .container, active: true)
            campaign.dailyBudgetMicros = 100_000_000
            world.insert(campaign)
            world.insert(
                MockEntity(
                    platform: "meta", kind: "adset", id: "g", accountID: "a", parentID: "c", name: "G",
                    fields: .object([]), createdAt: start, role: .container, active: true))
            for ad in ["ad1", "ad2"] {
                world.insert(
                    MockEntity(
                        platform: "meta", kind: "ad", id: ad, accountID: "a", parentID: "g", name: ad,
                        fields: .object([]), createdAt: start, role: .leaf, active: true))
            }
            world.advance(by: 86_400)
            let oneDay = world.delivery("meta", entityID: "c", from: start, to: world.now)
            world.update("meta", "g") { entity, now in entity.setActive(false, at: now) }
            world.advance(by: 86_400)
            let paused = world.delivery("meta", entityID: "c", from: start, to: world.now)
            let ad = world.delivery("meta", entityID: "ad1", from: start, to: world.now)
            return (oneDay, paused, ad)
        }
        let (oneDay, paused, ad) = run(seed: 3)
        #expect(oneDay.impressions > 0 && oneDay.clicks > 0 && oneDay.clicks < oneDay.impressions)
        #expect(oneDay.spendMicros > 0 && oneDay.spendMicros <= 100_000_000)
        #expect(paused == oneDay, "nothing accrues while the ad set is paused")
        #expect(ad.spendMicros < oneDay.spendMicros && ad.spendMicros > 0)
        #expect(run(seed: 3).0 == oneDay)
        #expect(run(seed: 4).0 != oneDay)
    }

    @Test("pixel events are attributed by minted click id, else by UTM, and count as conversions")
    func attribution() throws {
        let start = Date(timeIntervalSince1970: 1_796_083_200)
        let world = MockWorld(seed: 1, now: start)
        var ad = MockEntity(
            platform: "tiktok", kind: "ad", id: "ad1", accountID: "a", parentID: nil, name: "A", fields: .object([]),
            createdAt: start, role: .leaf, active: true)
        ad.landingURL = "https://example.test/?utm_source=tiktok&utm_campaign=winter&utm_content=g__c"
        world.insert(ad)
        let click = try #require(world.mintClick(platform: "tiktok", adID: "ad1"))
        #expect(click.url.hasSuffix("&ttclid=\(click.clickID)"))
        let byClick = world.recordPixelEvent(
            platform: "tiktok", event: "CompleteRegistration", page: click.url, parameters: ["ttclid": click.clickID],
            valueMicros: 7_990_000)
        #expect(byClick.attributedAdID == "ad1" && byClick.attribution == "clickID" && byClick.isConversion)
        let byUTM = world.recordPixelEvent(
            platform: "tiktok", event: "Pageview", page: "p",
            parameters: ["utm_source": "tiktok", "utm_campaign": "winter", "utm_content": "g__c"], valueMicros: nil)
        #expect(byUTM.attributedAdID == "ad1" && byUTM.attribution == "utm" && !byUTM.isConversion)
        let stray = world.recordPixelEvent(
            platform: "meta", event: "Purchase", page: "p", parameters: ["fbclid": click.clickID], valueMicros: nil)
        #expect(stray.attributedAdID == nil)
        let totals = world.delivery("tiktok", entityID: "ad1", from: start, to: start.addingTimeInterval(60))
        #expect(totals.conversions == 1 && totals.revenueMicros == 7_990_000)
    }

    @Test("landing pages: by path and by host name, with no way out of the folder")
    func landing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("landing-\(UUID())")
        for (path, body) in [
            ("disneyplus/index.html", "D+"), ("hulu/index.html", "H"), ("shared/pixel-loader.js", "js"),
        ] {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(body.utf8).write(to: file)
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let pages = LandingPages(directory: directory, livePixelIDs: [:])
        #expect(pages.serve(path: "/landing/disneyplus/", query: []).body == Data("D+".utf8))
        #expect(pages.serve(path: "/landing/hulu", query: []).status == 301)
        #expect(pages.serve(path: "/landing/shared/pixel-loader.js", query: []).status == 200)
        #expect(pages.serve(path: "/landing/disneyplus/../../etc/passwd", query: []).status == 404)
        #expect(pages.serve(path: "/landing/shared/%2e%2e/x", query: []).status == 404)
        #expect(pages.site(forHost: "hulu-promo-demo.localhost:4010") == "hulu")
        #expect(pages.site(forHost: "127.0.0.1:4010") == nil)
        #expect(pages.serve(site: "hulu", path: "/", query: []).body == Data("H".utf8))
        let config = String(
            decoding: pages.serve(path: "/landing/shared/pixel-config.js", query: []).body, as: UTF8.self)
        #expect(config.contains(#""mode":"offline""#))
        let html = pages.serve(path: "/landing/disneyplus/", query: [])
        #expect(html.headers.contains { $0.0 == "Content-Security-Policy" && $0.1.contains("script-src 'self';") })
        let live = LandingPages(directory: directory, livePixelIDs: ["meta": "123"])
        let liveConfig = String(
            decoding: live.serve(path: "/landing/shared/pixel-config.js", query: []).body, as: UTF8.self)
        #expect(liveConfig.contains(#""mode":"live""#) && liveConfig.contains(#""meta":"123""#))
    }

    @Test("the pages are built in, byte for byte, so a copied binary serves them from any folder")
    func builtInLandingPages() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let folder = root.appendingPathComponent("LandingPages")
        let builtIn = LandingPages(directory: nil, livePixelIDs: [:])
        for path in ["disneyplus/index.html", "hulu/index.html", "shared/pixel-loader.js", "disneyplus/disneyplus.css"]
        {
            let onDisk = try Data(contentsOf: folder.appendingPathComponent(path))
            #expect(builtIn.files[path] == onDisk, "\(path)")
        }
        #expect(builtIn.serve(site: "hulu", path: "/", query: []).status == 200)
        #expect(try LandingPages.locate(explicit: nil, environment: [:]) == nil)
        #expect(try LandingPages.locate(explicit: folder.path, environment: [:]) == folder.standardizedFileURL)
        let fromEnvironment = try LandingPages.locate(explicit: nil, environment: ["ADOPS_LANDING_PAGES": folder.path])
        #expect(fromEnvironment == folder.standardizedFileURL)
        #expect {
            try LandingPages.locate(explicit: "/no/such/pages", environment: [:])
        } throws: { error in
            "\(error)" == "--landing-pages: /no/such/pages/disneyplus/index.html does not exist; name the "
                + "LandingPages folder of a checkout"
        }
    }

    @Test("the control plane validates fault rules and clock moves, and the state round-trips")
    func controlPlane() async throws {
        try await MockPlatforms.withRunning { running in
            let transport = AsyncHTTPClientTransport()
            func call(_ method: HTTPMethod, _ path: String, _ body: String? = nil) async throws -> (Int, MockJSON?) {
                let url = try #require(URL(string: running.baseURL.absoluteString + path))
                let response = try await transport.send(
                    PlatformHTTPRequest(method: method, url: url, body: body.map { Data($0.utf8) }))
                return (response.status, MockJSON.parse(response.body))
            }
            #expect(try await call(.post, "/_mock/faults", #"{"kind":"bogus"}"#).0 == 400)
            #expect(
                try await call(.post, "/_mock/faults", #"{"kind":"latency"}"#).1?["error"]?["field"]?.string
                    == "latencyMs")
            #expect(try await call(.post, "/_mock/faults", #"{"kind":"status","status":500,"probability":2}"#).0 == 400)
            #expect(try await call(.post, "/_mock/faults", "not json").0 == 400)
            let added = try await call(.post, "/_mock/faults", #"{"kind":"drop","platform":"meta","count":1}"#)
            #expect(added.0 == 201 && added.1?["id"]?.string == "fault-1")
            #expect(try await call(.delete, "/_mock/faults/fault-1").0 == 200)
            #expect(try await call(.delete, "/_mock/faults/fault-1").0 == 404)
            let before = running.mock.world.now
            #expect(try await call(.post, "/_mock/clock", #"{"advance":"36h"}"#).0 == 200)
            #expect(running.mock.world.now.timeIntervalSince(before) == 36 * 3_600)
            #expect(try await call(.post, "/_mock/clock", #"{"now":"2001-01-01T00:00:00Z"}"#).0 == 400)
            #expect(try await call(.post, "/_mock/clock", #"{"advance":"soon"}"#).0 == 400)
            let event = try await call(
                .post, "/_mock/pixel/events",
                #"{"platform":"meta","event":"PageView","page":"p","params":{"fbclid":"x"}}"#)
            #expect(event.0 == 201)
            #expect(try await call(.post, "/_mock/pixel/events", #"{"platform":"myspace","event":"x"}"#).0 == 400)
            let state = try #require(try await call(.get, "/_mock/state").1)
            #expect(try await call(.post, "/_mock/reset").0 == 200)
            #expect(running.mock.world.pixelEvents().isEmpty)
            #expect(try await call(.put, "/_mock/state", state.serialized).0 == 200)
            #expect(running.mock.world.pixelEvents().map(\.event) == ["PageView"])
            #expect(try await call(.get, "/_mock/nope").0 == 404)
            #expect(try await call(.get, "/nowhere").0 == 404)
        }
    }
}
