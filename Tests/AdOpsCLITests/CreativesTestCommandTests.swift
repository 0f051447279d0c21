import AdPlatformKit
import Foundation
import Testing
import Trafficking

/// `adops creatives test` run as a person would, on a database holding a launched Meta campaign with one ad group
/// of two ads and their synced figures: a table per ad group, `--json` as the REST API gives it, `--apply
/// --no-wait` storing the loser's pause, and refusals naming the option.
@Suite("adops creatives test")
struct CreativesTestCommandTests {
    typealias Sandbox = EngineCommandTests.Sandbox

    /// Writes into the sandbox's database, as a launch and a sync would have, a live Meta campaign (c1) with ad
    /// group g1 and ads a1 and a2, and 5 days ending yesterday (by the system clock the child processes read) of
    /// 1,000 impressions a day each: a1 with 20 clicks a day, a2 with `clicks`. Returns the store and the campaign's
    /// id.
    static func seed(_ sandbox: Sandbox, clicks: Int64) async throws -> (SQLiteTraffickingStore, UUID) {
        let store = try SQLiteTraffickingStore.open(
            path: sandbox.database,
            cipher: try CredentialCipher(key: try SecretKeySource.parse(sandbox.key, source: "the sandbox key")),
            clock: .system)
        let account = try await store.createAccount(
            NewAdAccount(
                platform: .meta, platformAccountID: "act_1001", name: "Meta US", currency: .usd,
                settings: ["page_id": "1000000001"], credentials: PlatformCredentials(accessToken: "cli-test-token")))
        let request = try TraffickingRequestDecoder().decode(
            Data(contentsOf: URL(fileURLWithPath: EngineCommandTests.sampleTicket)))
        let now = store.clock.now
        let job = try #require(
            try await store.enqueue([
                NewCampaignJob(
                    id: .timeOrdered(at: now), accountID: account.id, platform: .meta, request: request,
                    batchID: UUID())
            ]).first)
        _ = try await store.claimJobs(owner: "cli-test", limit: 1, lease: .seconds(60), now: now)
        for (key, kind, id, parent) in [
            ("campaign", EntityKind.campaign, "c1", "act_1001"), ("adGroup/families", .adGroup, "g1", "c1"),
            ("ad/0/families/social-hero", .ad, "a1", "g1"), ("ad/1/families/social-alternate", .ad, "a2", "g1"),
        ] {
            try await store.startStep(job: job.id, key: key, kind: kind, marker: nil, calls: [], at: now)
            try await store.completeStep(
                job: job.id, key: key,
                entities: [
                    PlatformEntity(
                        platform: .meta, kind: kind, id: id, name: id, status: .active, parentID: parent)
                ],
                media: nil, calls: [], at: now)
        }
        try await store.finish(job: job.id, owner: "cli-test", outcome: .success(platformCampaignID: "c1"))
        let campaign = try #require(try await store.campaign(job: job.id))
        let days = (-5 ... -1).map { CalendarDay(now).adding($0).description }
        let rows = days.flatMap { day in
            [("a1", Int64(20)), ("a2", clicks)].map { ad, clicks in
                DailyMetric(
                    campaignID: campaign.id, level: .ad, platformID: ad, date: day,
                    attributionWindow: "7d_click_1d_view",
                    totals: MetricTotals(
                        impressions: 1000, clicks: clicks, spend: Money(minorUnits: 1000, currency: .usd),
                        conversions: 1, conversionValue: Money(minorUnits: 3000, currency: .usd)),
                    syncedAt: now)
            }
        }
        let start = try await store.startSyncRun(
            SyncRun(
                id: .timeOrdered(at: now), accountID: account.id, platform: .meta, kind: .full, campaignID: nil,
                since: days[0], until: days[4], startedAt: now),
            staleAfter: .seconds(600))
        _ = try await store.recordSyncChunk(
            SyncChunk(
                runID: start.run.id, campaigns: [campaign.id], since: days[0], until: days[4], rows: rows,
                observations: [], calls: [], syncedAt: now))
        var finished = start.run
        finished.status = .succeeded
        finished.finishedAt = now
        try await store.finishSyncRun(finished)
        return (store, campaign.id)
    }

    @Test("a table per ad group with the winner and the loser; --json; --apply --no-wait queues the loser's pause")
    func winnerAndLoser() async throws {
        let sandbox = try Sandbox()
        let (store, campaign) = try await Self.seed(sandbox, clicks: 40)
        let id = campaign.uuidString

        let dry = try sandbox.run(["creatives", "test", id, "--days", "7"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let lines = dry.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Creative test (dry run) of Disney+ Signup") == true, "\(dry.stdout)")
        #expect(lines.first?.contains("on click-through rate") == true)
        #expect(lines.contains("Ad group g1 (g1):"), "\(dry.stdout)")
        #expect(lines.contains { $0.hasPrefix("ad") && $0.contains("impressions") && $0.contains("CTR") })
        let loser = try #require(lines.first { $0.hasPrefix("a1 ") }, "\(dry.stdout)")
        #expect(loser.contains("5000") && loser.contains("2.00%") && loser.contains("LOSER"), "\(loser)")
        #expect(loser.contains("would pause"), "\(loser)")
        let winner = try #require(lines.first { $0.hasPrefix("a2 ") })
        #expect(winner.contains("4.00%") && winner.contains("WINNER"), "\(winner)")
        #expect(lines.contains { $0.hasPrefix("Winner a2: winner a2: click-through rate 4.0% beats") }, "\(dry.stdout)")
        #expect(loser.contains("5.86") && loser.contains("<0.0001"), "\(loser)")

        let json = try #require(try sandbox.json(["creatives", "test", id, "--days", "7"]) as? [String: Any])
        #expect(json["mode"] as? String == "dry_run" && json["metric"] as? String == "ctr")
        let test = try #require((json["tests"] as? [[String: Any]])?.first)
        #expect(test["winner_ad_id"] as? String == "a2" && test["outcome"] as? String == "winner")

        let applied = try sandbox.run(["creatives", "test", id, "--days", "7", "--apply", "--no-wait", "--json"])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stderr.contains("Queued 1 pause(s)."), "\(applied.stderr)")
        let run = try #require(try JSONSerialization.jsonObject(with: Data(applied.stdout.utf8)) as? [String: Any])
        let actions = try #require(run["action_ids"] as? [String])
        #expect(actions.count == 1 && run["mode"] as? String == "apply")
        let actionID = try #require(UUID(uuidString: actions[0]))
        let action = try #require(try await store.action(actionID))
        #expect(action.status == .pending && action.kind == .pause && action.level == .ad)
        #expect(action.targets == ["a1"] && action.requestedBy == "optimizer:creative-test")
        let stored = try await store.creativeTests(campaign: campaign, page: PageRequest())
        #expect(stored.total == 3 && stored.items.first?.arms.first?.actionID == action.id)
    }

    @Test("2.0% against 2.1%: keep testing, with the impressions still needed; --metric cvr")
    func keepTesting() async throws {
        let sandbox = try Sandbox()
        let id = try await Self.seed(sandbox, clicks: 21).1.uuidString
        let run = try sandbox.run(["creatives", "test", id, "--days", "7"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix("a1 ") && $0.contains("keep testing") })
        let needed = try #require(
            run.stdout.split(separator: "\n").first { $0.hasPrefix("Keep testing: about ") }, "\(run.stdout)")
        #expect(needed.hasSuffix("more impressions per ad before significance."), "\(needed)")
        let cvr = try sandbox.run(["creatives", "test", id, "--days", "7", "--metric", "cvr"])
        #expect(cvr.status == 0, "\(cvr.stderr)")
        #expect(cvr.stdout.contains("on conversion rate") && cvr.stdout.contains("CVR"), "\(cvr.stdout)")
    }

    @Test("bad options are named, with exit status 2; an unknown campaign is 1")
    func refusals() throws {
        let sandbox = try Sandbox()
        let campaign = UUID().uuidString
        for (arguments, status, message) in [
            (["creatives", "test", campaign, "--metric", "roas"], Int32(2), "--metric: 'roas' is not ctr or cvr"),
            (["creatives", "test", campaign, "--days", "0"], 2, "--days: 0 is not a number of days from 1 to 366"),
            (["creatives", "test", campaign, "--dry-run", "--apply"], 2, "--dry-run and --apply cannot be combined"),
            (["creatives", "test", campaign, "--no-wait"], 2, "--no-wait only goes with --apply"),
            (["creatives", "test", "nope"], 2, "CAMPAIGN: 'nope' is not a campaign id"),
            (["creatives", "test", campaign], 1, "CAMPAIGN: no campaign \(campaign)"),
        ] {
            let run = try sandbox.run(arguments)
            #expect(run.status == status, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }
}
