import AdOpsConsole
import AdPlatformKit
import AdPlatformTesting
import Foundation
import HTTPTypes
import Testing
import Trafficking

/// The studio: limits counted as each platform counts, every platform's plan on review, a paused launch through the
/// engine, and nothing launched without the session's CSRF token.
@Suite("Console studio")
struct StudioTests {
    /// A 1×1 PNG as a `data:` URI, as the page's script reads a chosen image.
    static let pixel =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

    /// What the wizard's Review button does: the Studio's CSRF token with the draft's fields, posted to review.
    static func review(_ browser: Browser, _ fields: [(String, String)]) async throws -> Browser.Page {
        let token = try #require(try await browser.send(.get, "/studio").csrfToken)
        return try await browser.send(.post, "/studio/review", form: [("_csrf", token)] + fields)
    }

    /// A complete draft for `accounts`, with `changes` applied.
    static func draft(accounts: [AdAccount], _ changes: [String: String] = [:]) -> [(String, String)] {
        var fields: [String: String] = [
            "name": "Winter signup", "objective": "traffic", "budget-amount": "150.00", "period": "daily",
            "start": "2026-12-08", "end": "2027-01-07", "countries": "US", "headline": "Stream every story",
            "headline-2": "Start your plan today", "headline-3": "New films every week",
            "description": "Thousands of shows and films, ad-free.", "description-2": "Cancel any time online.",
            "primary-text": "Your next favourite show is waiting.", "brand": "Disney+",
            "link-url": "https://www.disneyplus.com/", "cta": "signUp", "image-data": pixel,
        ]
        for (name, value) in changes { fields[name] = value }
        return fields.sorted { $0.key < $1.key } + accounts.map { ("account", $0.id.uuidString) }
    }

    /// The hidden fields of the launch form in a review page.
    static func launchFields(_ body: String) throws -> [(String, String)] {
        let form = try #require(body.range(of: #"action="/studio/launch""#))
        let end = try #require(body.range(of: "</form>", range: form.upperBound..<body.endIndex))
        let text = body[form.upperBound..<end.lowerBound]
        var fields: [(String, String)] = []
        var rest = text[...]
        while let input = rest.range(of: #"<input type="hidden" name=""#) {
            let afterName = rest[input.upperBound...]
            guard let nameEnd = afterName.firstIndex(of: "\""),
                let valueStart = afterName.range(of: #"value=""#)?.upperBound,
                let valueEnd = afterName[valueStart...].firstIndex(of: "\"")
            else { break }
            fields.append((unescape(String(afterName[..<nameEnd])), unescape(String(afterName[valueStart..<valueEnd]))))
            rest = afterName[valueEnd...]
        }
        return fields
    }

    /// HTML entities back to text.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&#x3D;", with: "=")
            .replacingOccurrences(of: "&#x60;", with: "`").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test(
        "check reports a 31-character Google headline with its field, platform and limit, and counts CJK as 2 on TikTok"
    )
    func checkCountsAsEachPlatform() async throws {
        let harness = try ConsoleHarness(withTikTok: true)
        let google = try await harness.account(.google, name: "Hulu — Google")
        try await harness.run { browser in
            try await browser.signIn()
            let page = try await browser.send(.get, "/studio")
            #expect(page.status == .ok)
            let token = try #require(page.csrfToken)
            let headline = String(repeating: "a", count: 31)
            let body = """
                {"fields": {"headline": "\(headline)", "primary-text": "日本語のテキスト", "account": ["\(google.id.uuidString)"],
                "objective": "traffic", "budget-amount": "50", "start": "2026-12-08", "countries": "US",
                "link-url": "https://example.com/"}, "platforms": ["tiktok"]}
                """
            let answer = try await browser.postJSON("/studio/check", body, csrfToken: token)
            #expect(answer.status == .ok)
            struct Check: Decodable {
                struct Count: Decodable {
                    var input: String
                    var platform: String
                    var count: Int
                    var limit: Int
                    var over: Bool
                }
                struct Problem: Decodable {
                    var platform: String?
                    var field: String
                    var input: String?
                    var limit: String?
                    var message: String
                }
                var counts: [Count]
                var violations: [Problem]
            }
            let check = try JSONDecoder().decode(Check.self, from: Data(answer.body.utf8))
            let googleHeadline = try #require(
                check.counts.first { $0.input == "headline" && $0.platform == "google" })
            #expect(googleHeadline.count == 31 && googleHeadline.limit == 30 && googleHeadline.over)
            let violation = try #require(
                check.violations.first { $0.platform == "google" && $0.field == "creatives[0].headlines[0]" })
            #expect(violation.input == "headline")
            #expect(violation.limit?.hasPrefix("30 characters") == true)
            // 8 CJK characters: 16 as TikTok counts them, 8 as Google's primary text is not limited at all.
            let tiktokText = try #require(
                check.counts.first { $0.input == "primary-text" && $0.platform == "tiktok" })
            #expect(tiktokText.count == 16)
            let missing = try await browser.postJSON("/studio/check", body, csrfToken: nil)
            #expect(missing.status == .forbidden)
            let limits = try await browser.send(.get, "/studio/limits")
            #expect(limits.status == .ok)
            #expect(limits.body.contains(#""counting":"cjkAsTwo""#))
            #expect(limits.body.contains("[19968,42191]"))  // U+4E00…U+A4CF, read from LengthCounting
        }
    }

    @Test("the wizard starts tomorrow for 30 days by the store's clock and lists the accounts")
    func wizardDefaults() async throws {
        let harness = try ConsoleHarness()
        let meta = try await harness.account(.meta, name: "Disney+ US — Meta")
        try await harness.run { browser in
            try await browser.signIn()
            let page = try await browser.send(.get, "/studio")
            #expect(page.body.contains(#"<form method="post" action="/studio/review" id="wizard""#))
            #expect(page.body.contains(#"id="start" name="start" value="2026-12-08""#))
            #expect(page.body.contains(#"id="end" name="end" value="2027-01-07""#))
            #expect(page.body.contains(#"name="account" value="\#(meta.id.uuidString)""#))
            #expect(page.body.contains("Disney+ US — Meta (meta)"))
            #expect(page.body.contains(#"id="violations" aria-live="polite""#))
            #expect(page.body.contains("/assets/studio.js?v="))
            #expect(!page.body.contains("style=\""))
        }
    }

    @Test("review shows each platform's plan with the budget in its unit; launch stores one paused job per account")
    func reviewAndLaunch() async throws {
        let harness = try ConsoleHarness()
        let meta = try await harness.account(.meta, name: "Disney+ US — Meta")
        let google = try await harness.account(.google, name: "Hulu — Google")
        try await harness.run { browser in
            try await browser.signIn()
            let review = try await Self.review(browser, Self.draft(accounts: [meta, google]))
            #expect(review.status == .ok)
            #expect(review.body.contains(#"<article class="plan" data-platform="meta">"#))
            #expect(review.body.contains(#"<article class="plan" data-platform="google">"#))
            #expect(review.body.contains("daily 15000 minor units (150.00 USD)"))  // Meta: cents
            #expect(review.body.contains("daily 150000000 micros (150.00 USD)"))  // Google: micros
            #expect(review.body.contains(#"id="launch""#), "\(review.body)")
            let fields = try Self.launchFields(review.body)
            #expect(fields.contains { $0 == ("image-data", Self.pixel) })
            let launched = try await browser.send(.post, "/studio/launch", form: fields)
            #expect(launched.status == .seeOther)
            let location = try #require(launched.headers[.location])
            #expect(location.hasPrefix("/jobs?batch="))
            #expect(location.hasSuffix("&done=launched"))
            let batchText = String(location.dropFirst("/jobs?batch=".count).prefix(36))
            let jobs = try await harness.store.jobs(batch: try #require(UUID(uuidString: batchText)))
            #expect(jobs.count == 2)
            #expect(Set(jobs.map(\.accountID)) == [meta.id, google.id])
            #expect(jobs.allSatisfy { $0.request.status == .paused })
            // The image is stored with the jobs, for the creative of the platforms that show one (not Google's).
            let media = jobs.flatMap { $0.request.creatives.flatMap(\.media) }
            #expect(!media.isEmpty)
            #expect(media.allSatisfy { $0.source.hasPrefix(StoredMedia.sourcePrefix) })
        }
    }

    @Test("launch without the CSRF token is 403 and stores nothing")
    func launchNeedsCSRF() async throws {
        let harness = try ConsoleHarness()
        let meta = try await harness.account(.meta, name: "Disney+ US — Meta")
        try await harness.run { browser in
            try await browser.signIn()
            let refused = try await browser.send(.post, "/studio/launch", form: Self.draft(accounts: [meta]))
            #expect(refused.status == .forbidden)
            let forged = try await browser.send(
                .post, "/studio/launch", form: [("_csrf", "forged")] + Self.draft(accounts: [meta]))
            #expect(forged.status == .forbidden)
            let jobs = try await harness.store.jobs(status: nil, page: PageRequest(limit: 10))
            #expect(jobs.items.isEmpty)
        }
    }

    @Test("a headline too long for Google is listed on review, and launch stays closed")
    func reviewListsViolations() async throws {
        let harness = try ConsoleHarness()
        let google = try await harness.account(.google, name: "Hulu — Google")
        try await harness.run { browser in
            try await browser.signIn()
            let review = try await Self.review(
                browser, Self.draft(accounts: [google], ["headline": String(repeating: "b", count: 31)]))
            #expect(review.status == .ok)
            #expect(review.body.contains(#"<li data-platform="google" data-field="creatives[0].headlines[0]""#))
            #expect(review.body.contains("google 31/30"))
            #expect(!review.body.contains(#"id="launch""#))
        }
    }

    @Test("markup in the name and headline is escaped on review")
    func reviewEscapes() async throws {
        let harness = try ConsoleHarness()
        let meta = try await harness.account(.meta, name: "Disney+ US — Meta")
        try await harness.run { browser in
            try await browser.signIn()
            let review = try await Self.review(
                browser,
                Self.draft(
                    accounts: [meta],
                    ["name": "<script>alert('name')</script>", "headline": #"<img src=x onerror="alert(1)">"#]))
            #expect(review.status == .ok)
            #expect(!review.body.contains("<script>alert"))
            #expect(!review.body.contains("<img src=x"))
            #expect(
                review.body.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;&#x2F;script&gt;")
                    || review.body.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"))
            #expect(review.body.contains("&lt;img src=x onerror="))
        }
    }

    @Test(
        "platform preview asks Meta's module for every format through the account, and Google says it renders locally")
    func platformPreviews() async throws {
        let transport = ScriptedTransport { request in
            let path = request.url.path
            if path.hasSuffix("/adimages") {
                return PlatformHTTPResponse(
                    status: 200, body: Data(#"{"images": {"studio-preview.png": {"hash": "h1"}}}"#.utf8))
            }
            let format = request.url.query?.split(separator: "&").first { $0.hasPrefix("ad_format=") } ?? "none"
            let iframe =
                #"<iframe src=\"http://127.0.0.1:4010/_mock/meta/preview_iframe?"#
                + format + #"&amp;x=1\" width=\"320\" height=\"570\"></iframe>"#
            return PlatformHTTPResponse(status: 200, body: Data(#"{"data": [{"body": "\#(iframe)"}]}"#.utf8))
        }
        let harness = try ConsoleHarness(transport: transport)
        let meta = try await harness.account(.meta, name: "Disney+ US — Meta")
        let google = try await harness.account(.google, name: "Hulu — Google")
        // Slow enough that the preview's calls are still visible as use when they have been made.
        let budget = RateBudget(rates: [.meta: .init(requestsPerSecond: 0.01, burst: 100)])
        try await harness.run(configure: { $0.rateBudget = budget }) { browser in
            try await browser.signIn()
            let token = try #require(try await browser.send(.get, "/studio").csrfToken)
            let fields = Self.draft(accounts: [meta, google])
            var object: [String: [String]] = [:]
            for (name, value) in fields { object[name, default: []].append(value) }
            let json =
                String(
                    decoding: try JSONEncoder().encode(["fields": object]), as: UTF8.self
                ).dropLast() + #", "platforms": ["meta"]}"#
            let answer = try await browser.postJSON("/studio/platform-preview", String(json), csrfToken: token)
            #expect(answer.status == .ok)
            for format in ["DESKTOP_FEED_STANDARD", "MOBILE_FEED_STANDARD", "INSTAGRAM_STANDARD", "INSTAGRAM_STORY"] {
                #expect(answer.body.contains("http://127.0.0.1:4010/_mock/meta/preview_iframe?ad_format=\(format)&x=1"))
            }
            #expect(transport.requests.contains { $0.url.path.hasSuffix("/act_1001/adimages") })
            // The upload and the four formats drew on the worker's budget for the account, as any call does.
            #expect((budget.use(platform: .meta, account: meta.platformAccountID) ?? 0) >= 0.04)
            let googleJSON = String(json).replacingOccurrences(of: #"["meta"]"#, with: #"["google"]"#)
            let local = try await browser.postJSON("/studio/platform-preview", googleJSON, csrfToken: token)
            #expect(local.body.contains("Rendered locally"))
            // Without script, the same button posts the form and the page frames the previews.
            let page = try await browser.send(
                .post, "/studio/platform-preview", form: [("_csrf", token), ("preview-platform", "meta")] + fields)
            #expect(page.status == .ok)
            #expect(
                page.body.contains(
                    #"<iframe src="http://127.0.0.1:4010/_mock/meta/preview_iframe?ad_format&#x3D;INSTAGRAM_STORY&amp;x&#x3D;1""#
                ) || page.body.contains("preview_iframe?ad_format=INSTAGRAM_STORY&amp;x=1"))
        }
    }

    @Test("suggested variations come from the creative generator and fit the chosen platforms")
    func variations() async throws {
        let harness = try ConsoleHarness()
        let google = try await harness.account(.google, name: "Hulu — Google")
        try await harness.run { browser in
            try await browser.signIn()
            let token = try #require(try await browser.send(.get, "/studio").csrfToken)
            let body = """
                {"fields": {"name": "Hulu", "brand": "Hulu", "headline": "Stream every story",
                "description": "Thousands of shows and films", "account": ["\(google.id.uuidString)"]}}
                """
            let answer = try await browser.postJSON("/studio/variations", body, csrfToken: token)
            #expect(answer.status == .ok)
            struct Variation: Decodable {
                var number: Int
                var headlines: [String]
            }
            let variations = try JSONDecoder().decode([Variation].self, from: Data(answer.body.utf8))
            #expect(!variations.isEmpty)
            #expect(variations.allSatisfy { $0.headlines.allSatisfy { $0.count <= 30 } && !$0.headlines.isEmpty })
        }
    }

    @Test("TikTok's plan carries the budget on its ad group, in major units")
    func tiktokPlan() async throws {
        let harness = try ConsoleHarness(withTikTok: true)
        let tiktok = try await harness.account(.tiktok, name: "Disney+ — TikTok")
        try await harness.run { browser in
            try await browser.signIn()
            let review = try await Self.review(browser, Self.draft(accounts: [tiktok]))
            #expect(review.status == .ok)
            #expect(review.body.contains(#"<article class="plan" data-platform="tiktok">"#))
            #expect(review.body.contains("on each ad group"))
            #expect(review.body.contains("daily 150 major units (150.00 USD)"))
        }
    }
}
