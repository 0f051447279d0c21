import AdOpsConsole
import Foundation
import HTTPTypes
import Testing

/// Sign-in takes an API key and leaves a signed session cookie; every page needs it, and every form that changes
/// something needs the session's CSRF token.
@Suite("Console sign-in, sessions and CSRF")
struct SignInTests {
    @Test("a page asks for sign-in first, and sign-in goes back to it with an HttpOnly, SameSite=Strict cookie")
    func signInRoundTrip() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            let before = try await browser.send(.get, "/campaigns?status=live")
            #expect(before.status == .seeOther)
            #expect(before.headers[.location] == "/sign-in?next=%2Fcampaigns%3Fstatus%3Dlive")
            let signedIn = try await browser.signIn(next: "/campaigns?status=live")
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/campaigns?status=live")
            let cookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("adops_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"))
            let page = try await browser.send(.get, "/campaigns?status=live")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>Campaigns</h1>"))
        }
    }

    @Test("cookies are Secure when the console is served over TLS")
    func secureCookies() async throws {
        let harness = try ConsoleHarness()
        try await harness.run(configure: { $0.secureCookies = true }) { browser in
            let signedIn = try await browser.signIn()
            let cookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("adops_session=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test("a wrong key, a missing key and a forged sign-in form are refused, and nothing is signed in")
    func refusedSignIns() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            let wrong = try await browser.signIn(key: "not-the-key")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("That API key is not accepted."))
            let blank = try await browser.signIn(key: "")
            #expect(blank.status == .badRequest)
            let forged = try await browser.send(
                .post, "/sign-in", form: [("_csrf", "0000"), ("next", "/"), ("key", ConsoleHarness.apiKey)])
            #expect(forged.status == .forbidden)
            #expect(try await browser.send(.get, "/").status == .seeOther)
        }
    }

    @Test("sign-in never sends anyone to another site")
    func nextStaysHere() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            for next in ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"] {
                browser.forgetCookies()
                let signedIn = try await browser.signIn(next: next)
                #expect(signedIn.headers[.location] == "/", "\(next)")
            }
        }
    }

    @Test("a form without this session's CSRF token is refused with 403 and changes nothing")
    func csrfRequired() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signIn()
            let missing = try await browser.send(.post, "/sign-out", form: [])
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("_csrf"))
            let wrong = try await browser.send(.post, "/sign-out", form: [("_csrf", String(repeating: "a", count: 64))])
            #expect(wrong.status == .forbidden)
            #expect(try await browser.send(.get, "/").status == .ok)
            let page = try await browser.send(.get, "/")
            let signedOut = try await browser.send(.post, "/sign-out", form: [("_csrf", try #require(page.csrfToken))])
            #expect(signedOut.status == .seeOther)
            #expect(try await browser.send(.get, "/").status == .seeOther)
        }
    }

    @Test("every page carries a strict CSP with no inline script, and is not cached or framed")
    func securityHeaders() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signIn()
            for path in ["/", "/campaigns", "/sign-in", "/campaigns?sort=nothing"] {
                let page = try await browser.send(.get, path)
                let policy = try #require(page.headers[.contentSecurityPolicy], "\(path)")
                #expect(policy.contains("script-src 'self'"))
                #expect(!policy.contains("unsafe-inline"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(policy.contains("frame-src http://127.0.0.1:4010"))
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
                #expect(page.headers[.cacheControl] == "no-store")
                #expect(!page.body.contains("<script>"), "\(path) has an inline script")
                #expect(!page.body.contains(" style=\""), "\(path) has an inline style")
            }
        }
    }

    @Test("an unknown page is the console's 404 in HTML; an unknown API path keeps the API's JSON answer")
    func unknownPaths() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signIn()
            let page = try await browser.send(.get, "/nowhere/<b>deeper</b>")
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.body.contains("path: there is no page at /nowhere/"))
            #expect(!page.body.contains("<b>deeper</b>"))
            #expect(page.headers[.contentSecurityPolicy] != nil)
            let api = try await browser.send(.get, "/api/v1/nowhere")
            #expect(api.status == .unauthorized || api.status == .notFound)
            #expect(api.headers[.contentType]?.contains("json") == true)
        }
    }

    @Test("assets are served with their version for a year, revalidated otherwise")
    func assets() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            let page = try await browser.signIn(next: "/")
            _ = page
            let overview = try await browser.send(.get, "/")
            let href = try #require(
                overview.body.range(of: #"/assets/console.css\?v=[0-9a-f]+"#, options: .regularExpression).map {
                    String(overview.body[$0])
                })
            let versioned = try await browser.send(.get, href)
            #expect(versioned.status == .ok)
            #expect(versioned.headers[.contentType] == "text/css; charset=utf-8")
            #expect(versioned.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let plain = try await browser.send(.get, "/assets/console.css")
            #expect(plain.headers[.cacheControl] == "no-cache")
            let etag = try #require(plain.headers[.eTag])
            let again = try await browser.send(.get, "/assets/console.css", headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(try await browser.send(.get, "/assets/missing.js").status == .notFound)
        }
    }
}
