import AdPlatformKit
import Foundation
import HTTPTypes
import Testing
import Trafficking

/// The accounts page shows what an operator acts on; the rule pages write, preview, run, switch and delete rules
/// through the automator, and refuse a bad rule with every problem at its path.
@Suite("Console accounts and rules")
struct AccountsAndRulesTests {
    @Test("accounts show status, re-authorisation, token expiry, rate budget use and the last sync")
    func accounts() async throws {
        let harness = try ConsoleHarness()
        let meta = try await harness.account(.meta, name: "Disney+ US — Meta")
        _ = try await harness.account(.google, name: "Hulu — Google")
        _ = try await harness.store.updateAccount(meta.id, AdAccountChanges(status: .requiresReauth))
        try await harness.deliver(try await harness.campaign(named: "Signup", on: meta), days: 1, spend: 100)
        try await harness.run { browser in
            try await browser.signIn()
            let page = try await browser.send(.get, "/accounts")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<tr data-status="REQUIRES_REAUTH">"#))
            #expect(page.body.contains("re-authorise"))
            #expect(page.body.contains("does not expire"))
            #expect(page.body.contains("0% of 5.0/s, burst 10"))
            #expect(page.body.contains(#"<span class="badge succeeded">succeeded</span> 2026-12-07"#))
            #expect(page.body.contains("1–2 of 2"))
        }
    }

    @Test("a bad rule is refused with each problem at its path and the text kept; a good one is saved")
    func writeRules() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signIn()
            let form = try await browser.send(.get, "/rules/new")
            let token = try #require(form.csrfToken)
            let bad = try await browser.send(
                .post, "/rules", form: [("_csrf", token), ("definition", "id: x\nname: <b>x</b>\nactions: 7\n")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("The rule was not saved"))
            #expect(bad.body.contains("actions"))
            #expect(bad.body.contains("name: &lt;b&gt;x&lt;/b&gt;"))
            let good = try await browser.send(
                .post, "/rules",
                form: [
                    ("_csrf", token),
                    (
                        "definition",
                        """
                        id: cpa-guard
                        name: CPA guard <i>
                        scope: {level: adGroup}
                        conditions: {all: [{metric: spend, window: last3Days, op: ">", value: 50}]}
                        actions: [{type: pause}]
                        schedule: {everyMinutes: 15}
                        """
                    ),
                ])
            #expect(good.status == .seeOther)
            #expect(good.headers[.location] == "/rules/cpa-guard?done=rule-saved")
            let list = try await browser.send(.get, "/rules")
            #expect(list.body.contains("CPA guard &lt;i&gt;"))
            let detail = try await browser.send(.get, "/rules/cpa-guard?done=rule-saved")
            #expect(detail.body.contains("Rule saved."))
            #expect(detail.body.contains(#"name="version" value="1""#))
            let duplicate = try await browser.send(
                .post, "/rules",
                form: [
                    ("_csrf", token),
                    ("definition", try #require(detail.body.textareaText)),
                ])
            #expect(duplicate.status == .conflict)
        }
    }

    @Test("preview is a dry run; disable, enable, a stale edit and delete go through the automator")
    func controlRules() async throws {
        let harness = try ConsoleHarness()
        try await harness.run { browser in
            try await browser.signIn()
            let token = try #require(try await browser.send(.get, "/rules/new").csrfToken)
            let definition = """
                {"id": "roas-floor", "name": "ROAS floor", "scope": {"level": "campaign"},
                 "conditions": {"all": [{"metric": "roas", "window": "last7Days", "op": "<", "value": 1}]},
                 "actions": [{"type": "pause"}], "schedule": {"everyMinutes": 60}}
                """
            #expect(
                try await browser.send(.post, "/rules", form: [("_csrf", token), ("definition", definition)]).status
                    == .seeOther)
            let preview = try await browser.send(.post, "/rules/roas-floor/preview", form: [("_csrf", token)])
            #expect(preview.status == .ok)
            #expect(preview.body.contains("0 in scope"))
            #expect(preview.body.contains("Nothing was changed."))
            #expect(
                try await browser.send(.post, "/rules/roas-floor/disable", form: [("_csrf", token)]).status == .seeOther
            )
            #expect(try await harness.store.rule("roas-floor")?.enabled == false)
            #expect(
                try await browser.send(.post, "/rules/roas-floor/enable", form: [("_csrf", token)]).status == .seeOther)
            let stored = try #require(try await harness.store.rule("roas-floor"))
            let stale = try await browser.send(
                .post, "/rules/roas-floor",
                form: [("_csrf", token), ("version", String(stored.version - 1)), ("definition", definition)])
            #expect(stale.status == .conflict)
            let unchanged = try #require(try await harness.store.rule("roas-floor"))
            #expect(unchanged.version == stored.version)
            let noToken = try await browser.send(.post, "/rules/roas-floor/delete", form: [])
            #expect(noToken.status == .forbidden)
            #expect(try await harness.store.rule("roas-floor") != nil)
            #expect(
                try await browser.send(.post, "/rules/roas-floor/delete", form: [("_csrf", token)]).status == .seeOther)
            #expect(try await harness.store.rule("roas-floor") == nil)
            #expect(try await browser.send(.get, "/rules/roas-floor").status == .notFound)
        }
    }
}

extension String {
    /// The text of the first `<textarea>`, unescaped as a browser would.
    var textareaText: String? {
        guard let start = range(of: "spellcheck=\"false\" class=\"mono\">"), let end = range(of: "</textarea>") else {
            return nil
        }
        return String(self[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
