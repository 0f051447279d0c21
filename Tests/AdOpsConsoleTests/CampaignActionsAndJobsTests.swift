import AdPlatformKit
import Foundation
import HTTPTypes
import Testing
import Trafficking

/// The campaign page, its actions (confirm, request, progress) and the jobs pages, over the harness's engine: actions
/// are only requested (no worker runs), so the tests assert on what the store holds.
@Suite("Console campaign page, actions and jobs")
struct CampaignActionsAndJobsTests {
    @Test("the campaign page shows the hierarchy with every platform id, daily metrics by level and the forms")
    func campaignPage() async throws {
        let harness = try ConsoleHarness()
        let meta = try await harness.account(.meta, name: "Disney+ US — Meta")
        let campaign = try await harness.launch(
            try await harness.campaign(named: "Signup", on: meta), adName: "Hero video")
        try await harness.deliver(campaign, days: 3, spend: 10_000)
        try await harness.run { browser in
            try await browser.signIn()
            let page = try await browser.send(.get, "/campaigns/\(campaign.id.uuidString)?days=7")
            #expect(page.status == .ok)
            #expect(page.body.contains("<title>Signup · meta · AdOps Lab</title>"))
            for text in ["<code>c1</code>", "<code>g1</code>", "<code>a1</code>", "Hero video", "Families"] {
                #expect(page.body.contains(text))
            }
            // Campaign > ad set > ad, nested.
            #expect(
                page.body.contains(
                    "<code>a1</code> <span class=\"badge neutral\">PAUSED</span></li></ul></li></ul></li>"))
            #expect(page.body.contains(#"<section id="metrics""#))
            #expect(page.body.contains(#"<table id="metrics-table">"#))
            #expect(page.body.contains("100.00 USD"))
            #expect(page.body.contains("300.00 USD"))
            #expect(page.body.contains(#"<polyline class="line series-1""#))
            for id in [
                "action-activate", "action-pause", "action-budget", "action-bid", "action-targeting", "action-sync",
            ] {
                #expect(page.body.contains(#"id="\#(id)""#))
            }
            // No ad-level rows were synced.
            let ads = try await browser.send(.get, "/campaigns/\(campaign.id.uuidString)?level=ad")
            #expect(ads.body.contains("No synced delivery at this level"))
            let badLevel = try await browser.send(.get, "/campaigns/\(campaign.id.uuidString)?level=creative")
            #expect(badLevel.status == .badRequest)
            #expect(badLevel.body.contains("level: &#39;creative&#39; is not a level"))
            let unknown = try await browser.send(.get, "/campaigns/\(UUID().uuidString)")
            #expect(unknown.status == .notFound)
            #expect(unknown.body.contains("id: no campaign"))
            let malformed = try await browser.send(.get, "/campaigns/not-an-id")
            #expect(malformed.status == .badRequest)
            #expect(malformed.body.contains("id: &#39;not-an-id&#39; is not a campaign id"))
        }
    }

    @Test("confirm, then request: the confirmation names each change, and posting it twice stores one action")
    func confirmRequestProgress() async throws {
        let harness = try ConsoleHarness()
        let (_, campaign, path) = try await harness.launchedSignup()
        try await harness.run { browser in
            try await browser.signIn()
            let page = try await browser.send(.get, path)
            let fields = page.hiddenFields(ofForm: "action-pause")
            #expect(fields.map(\.0) == ["_csrf", "type"])
            let confirm = try await browser.send(
                .post, "\(path)/actions/confirm", form: fields + [("level", "campaign")])
            #expect(confirm.status == .ok)
            #expect(confirm.body.contains("Confirm: pause"))
            #expect(confirm.body.contains(#"<span class="platform">meta</span>"#))
            #expect(confirm.body.contains("<code>c1</code>"))
            #expect(confirm.body.contains("<strong>PAUSED</strong>"))
            #expect(confirm.body.contains(#"id="confirm""#))
            #expect(try await harness.store.actions(campaign: campaign.id, page: PageRequest(limit: 10)).total == 0)

            let final = confirm.hiddenFields(ofForm: "confirm-form")
            #expect(final.contains { $0.0 == "request" })
            let first = try await browser.send(.post, "\(path)/actions", form: final)
            let second = try await browser.send(.post, "\(path)/actions", form: final)
            #expect(first.status == .seeOther)
            #expect(second.status == .seeOther)
            let location = try #require(first.headers[.location])
            #expect(location == second.headers[.location])
            #expect(location.hasPrefix("/actions/"))
            let stored = try await harness.store.actions(campaign: campaign.id, page: PageRequest(limit: 10))
            #expect(stored.total == 1)
            let action = try #require(stored.items.first)
            #expect(action.kind == .pause && action.requestedBy == "console")
            #expect(location == "/actions/\(action.id.uuidString)?done=action-requested")

            let progress = try await browser.send(.get, location)
            #expect(progress.status == .ok)
            #expect(progress.body.contains(#"<section id="action-progress" data-status="PENDING" data-refresh="1000""#))
            #expect(progress.body.contains("Requested. The worker carries it out"))
            try await harness.failAction(action.id, message: "the ad set is locked")
            let ended = try await browser.send(.get, "/actions/\(action.id.uuidString)")
            #expect(ended.body.contains(#"<section id="action-progress" data-status="FAILED" aria-live"#))
            #expect(ended.body.contains("the ad set is locked"))
            #expect(ended.body.contains(#"id="campaign-now""#))
            // The campaign page lists it.
            let after = try await browser.send(.get, path)
            #expect(after.body.contains(#"<tr data-status="FAILED"><td><a href="/actions/\#(action.id.uuidString)">"#))
        }
    }

    @Test("budget, bid and targeting changes are confirmed entity by entity; a malformed value names the field")
    func budgetConfirmation() async throws {
        let harness = try ConsoleHarness()
        let (_, campaign, path) = try await harness.launchedSignup()
        try await harness.run { browser in
            try await browser.signIn()
            let page = try await browser.send(.get, path)
            let token = try #require(page.csrfToken)
            let budget = try await browser.send(
                .post, "\(path)/actions/confirm",
                form: [("_csrf", token), ("type", "budget"), ("level", "campaign"), ("amount", "250")])
            #expect(budget.body.contains("Confirm: budget 250.00 USD daily"))
            #expect(budget.body.contains("<td>200.00 USD daily</td><td><strong>250.00 USD daily</strong></td>"))
            let bid = try await browser.send(
                .post, "\(path)/actions/confirm",
                form: [
                    ("_csrf", token), ("type", "bid"), ("level", "adGroup"), ("strategy", "costCap"),
                    ("amount", "2.50"),
                ])
            #expect(bid.body.contains("<code>g1</code>"))
            #expect(bid.body.contains("<strong>costCap 2.50 USD</strong>"))
            let targeting = try await browser.send(
                .post, "\(path)/actions/confirm",
                form: [
                    ("_csrf", token), ("type", "targeting"), ("level", "adGroup"), ("countries", "us, ca"),
                    ("genders", "female"),
                ])
            #expect(targeting.body.contains("<strong>countries=US,CA genders=female</strong>"))
            let halfAge = try await browser.send(
                .post, "\(path)/actions/confirm",
                form: [("_csrf", token), ("type", "targeting"), ("level", "adGroup"), ("age-min", "25")])
            #expect(halfAge.status == .badRequest)
            #expect(halfAge.body.contains("age-max: an age range needs both"))
            let roasWithAmount = try await browser.send(
                .post, "\(path)/actions/confirm",
                form: [("_csrf", token), ("type", "bid"), ("strategy", "targetROAS"), ("amount", "2")])
            #expect(roasWithAmount.body.contains("amount: a targetROAS bid takes a roas, not an amount"))
            #expect(try await harness.store.actions(campaign: campaign.id, page: PageRequest(limit: 10)).total == 0)
            let bad = try await browser.send(
                .post, "\(path)/actions/confirm",
                form: [("_csrf", token), ("type", "budget"), ("level", "campaign"), ("amount", "12.345")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("amount: "))
            let missing = try await browser.send(
                .post, "\(path)/actions/confirm", form: [("_csrf", token), ("type", "budget"), ("level", "campaign")])
            #expect(missing.body.contains("amount: a budget change needs an amount"))
            let unknown = try await browser.send(
                .post, "\(path)/actions/confirm", form: [("_csrf", token), ("type", "explode")])
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.contains("type: &#39;explode&#39; is not an action"))
        }
    }

    @Test("a post without the CSRF token is refused with 403 and stores nothing")
    func csrfRequired() async throws {
        let harness = try ConsoleHarness()
        let (_, campaign, path) = try await harness.launchedSignup()
        try await harness.run { browser in
            try await browser.signIn()
            let request = [("request", UUID().uuidString), ("type", "pause"), ("level", "campaign")]
            let refused = try await browser.send(.post, "\(path)/actions", form: request)
            #expect(refused.status == .forbidden)
            let forged = try await browser.send(.post, "\(path)/actions", form: request + [("_csrf", "forged")])
            #expect(forged.status == .forbidden)
            let confirm = try await browser.send(.post, "\(path)/actions/confirm", form: [("type", "pause")])
            #expect(confirm.status == .forbidden)
            let sync = try await browser.send(.post, "\(path)/sync", form: [])
            #expect(sync.status == .forbidden)
            #expect(try await harness.store.actions(campaign: campaign.id, page: PageRequest(limit: 10)).total == 0)
            #expect(try await harness.store.syncRuns(account: nil, page: PageRequest(limit: 10)).total == 0)
        }
    }

    @Test("an action on a campaign not launched yet is refused, naming the field, and stores nothing")
    func refusedWhenNotLaunched() async throws {
        let harness = try ConsoleHarness()
        let meta = try await harness.account(.meta, name: "Disney+ US — Meta")
        let campaign = try await harness.campaign(named: "Draft", on: meta)
        let path = "/campaigns/\(campaign.id.uuidString)"
        try await harness.run { browser in
            try await browser.signIn()
            let page = try await browser.send(.get, path)
            let token = try #require(page.csrfToken)
            #expect(page.body.contains("Nothing on the platform yet"))
            #expect(!page.body.contains(#"id="hierarchy""#))
            let refused = try await browser.send(
                .post, "\(path)/actions",
                form: [("_csrf", token), ("request", UUID().uuidString), ("type", "pause"), ("level", "campaign")])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("campaign: campaign \(campaign.id.uuidString) is not launched yet"))
            #expect(try await harness.store.actions(campaign: campaign.id, page: PageRequest(limit: 10)).total == 0)
            let sync = try await browser.send(.post, "\(path)/sync", form: [("_csrf", token)])
            #expect(sync.status == .conflict)
            #expect(sync.body.contains("campaign: the campaign is draft"))
        }
    }

    @Test("sync now queues an entity sync of the campaign's account and comes back with a notice")
    func syncNow() async throws {
        let harness = try ConsoleHarness()
        let (meta, campaign, path) = try await harness.launchedSignup()
        try await harness.run { browser in
            try await browser.signIn()
            let page = try await browser.send(.get, path)
            let answer = try await browser.send(.post, "\(path)/sync", form: page.hiddenFields(ofForm: "action-sync"))
            #expect(answer.status == .seeOther)
            #expect(answer.headers[.location] == "\(path)?done=sync-queued")
            let runs = try await harness.store.syncRuns(account: meta.id, page: PageRequest(limit: 10))
            #expect(runs.total == 1)
            #expect(runs.items.first?.kind == .entity && runs.items.first?.campaignID == campaign.id)
            #expect(runs.items.first?.status == .queued)
            let back = try await browser.send(.get, "\(path)?done=sync-queued")
            #expect(back.body.contains("Metrics sync queued"))
        }
    }

    @Test("jobs filter by status and by submission, refresh while one runs, and a failed job is retried")
    func jobsFilterAndRetry() async throws {
        let harness = try ConsoleHarness()
        let meta = try await harness.account(.meta, name: "Disney+ US — Meta")
        let done = try await harness.launch(try await harness.campaign(named: "Launched one", on: meta))
        let failed = try await harness.campaign(named: "Broken one", on: meta)
        try await harness.fail(failed, message: "invalid page id")
        let waiting = try await harness.campaign(named: "Waiting one", on: meta)
        try await harness.run { browser in
            try await browser.signIn()
            let all = try await browser.send(.get, "/jobs")
            #expect(all.status == .ok)
            #expect(all.body.contains("1–3 of 3"))
            #expect(all.body.contains(#"<section id="jobs" aria-labelledby="job-count" data-refresh="1500">"#))
            #expect(all.body.contains(#"<tr data-status="PENDING">"#))
            let onlyFailed = try await browser.send(.get, "/jobs?status=FAILED")
            #expect(onlyFailed.body.contains("Broken one"))
            #expect(!onlyFailed.body.contains("Launched one") && !onlyFailed.body.contains("Waiting one"))
            #expect(!onlyFailed.body.contains("data-refresh"))
            #expect(onlyFailed.body.contains("invalid page id"))
            let batch = try await browser.send(.get, "/jobs?batch=\(done.batchID.uuidString)")
            #expect(batch.body.contains("1–1 of 1"))
            #expect(batch.body.contains("Launched one") && !batch.body.contains("Broken one"))
            let emptyBatch = try await browser.send(.get, "/jobs?batch=\(waiting.batchID.uuidString)&status=SUCCESS")
            #expect(emptyBatch.body.contains("No job matches"))
            let badStatus = try await browser.send(.get, "/jobs?status=sleeping")
            #expect(badStatus.status == .badRequest)
            #expect(badStatus.body.contains("status: &#39;sleeping&#39; is not a status"))
            let badBatch = try await browser.send(.get, "/jobs?batch=nope")
            #expect(badBatch.status == .badRequest)

            let job = try await browser.send(.get, "/jobs/\(failed.jobID.uuidString)")
            #expect(job.status == .ok)
            #expect(job.body.contains(#"id="retry""#))
            let retried = try await browser.send(
                .post, "/jobs/\(failed.jobID.uuidString)/retry", form: job.hiddenFields(ofForm: "retry-form"))
            #expect(retried.status == .seeOther)
            #expect(retried.headers[.location] == "/jobs/\(failed.jobID.uuidString)?done=job-retried")
            #expect(try await harness.store.job(failed.jobID)?.status == .pending)
            let again = try await browser.send(.get, "/jobs/\(failed.jobID.uuidString)?done=job-retried")
            #expect(again.body.contains("The job is queued again."))
            #expect(again.body.contains(#"data-refresh="1500""#))
            #expect(!again.body.contains(#"id="retry""#))

            let launched = try await browser.send(.get, "/jobs/\(done.jobID.uuidString)")
            #expect(launched.body.contains("<code>campaign</code>"))
            #expect(!launched.body.contains(#"id="retry""#))
            let token = try #require(launched.csrfToken)
            let refused = try await browser.send(
                .post, "/jobs/\(done.jobID.uuidString)/retry", form: [("_csrf", token)])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("status: the job is SUCCESS"))
            let noCSRF = try await browser.send(.post, "/jobs/\(done.jobID.uuidString)/retry", form: [])
            #expect(noCSRF.status == .forbidden)
            let unknown = try await browser.send(.get, "/jobs/\(UUID().uuidString)")
            #expect(unknown.status == .notFound)
        }
    }

    @Test("markup in a campaign name, an ad name and an action's error is shown as text on every page")
    func escapesEverything() async throws {
        let harness = try ConsoleHarness()
        let meta = try await harness.account(.meta, name: "Disney+ US — Meta")
        let campaign = try await harness.launch(
            try await harness.campaign(named: "<script>alert('name')</script>", on: meta),
            adName: #"<img src=x onerror="alert(2)">"#)
        let path = "/campaigns/\(campaign.id.uuidString)"
        try await harness.run { browser in
            try await browser.signIn()
            let page = try await browser.send(.get, path)
            let confirm = try await browser.send(
                .post, "\(path)/actions/confirm", form: page.hiddenFields(ofForm: "action-pause") + [("level", "ad")])
            #expect(confirm.status == .ok)
            let requested = try await browser.send(
                .post, "\(path)/actions", form: confirm.hiddenFields(ofForm: "confirm-form"))
            let location = try #require(requested.headers[.location])
            let action = try #require(
                try await harness.store.actions(campaign: campaign.id, page: PageRequest(limit: 1)).items.first)
            try await harness.failAction(action.id, message: "<b onmouseover=alert(3)>refused</b>")
            let pages = [
                ("campaign", try await browser.send(.get, path)), ("confirm", confirm),
                ("action", try await browser.send(.get, location)), ("jobs", try await browser.send(.get, "/jobs")),
                ("job", try await browser.send(.get, "/jobs/\(campaign.jobID.uuidString)")),
            ]
            for (name, shown) in pages {
                #expect(shown.status == .ok, "\(name)")
                #expect(!shown.body.contains("<script>alert"), "\(name)")
                #expect(!shown.body.contains("<img src=x"), "\(name)")
                #expect(!shown.body.contains("<b onmouseover"), "\(name)")
            }
            #expect(pages[0].1.body.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"))
            #expect(pages[0].1.body.contains("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;"))
            #expect(pages[0].1.body.contains("&lt;b onmouseover=alert(3)&gt;refused&lt;/b&gt;"))
            #expect(pages[1].1.body.contains("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;"))
            #expect(pages[2].1.body.contains("&lt;b onmouseover=alert(3)&gt;refused&lt;/b&gt;"))
            #expect(pages[3].1.body.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"))
            #expect(pages[4].1.body.contains("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;"))
        }
    }
}
