import Foundation
import Testing

/// `adops campaigns activate|pause|resume|budget` run as a person would, against `adops mock`: the action is stored,
/// an in-process worker runs it, each entity is printed with its old and new value, and exit statuses follow the
/// other commands (0 done, 1 refused or failed, 2 bad input).
@Suite("adops campaigns actions")
struct CampaignActionCommandTests {
    typealias Sandbox = EngineCommandTests.Sandbox

    /// The campaign ids of the sample ticket trafficked to the emulators, by platform.
    static func launch(_ sandbox: Sandbox, environment: [String: String]) throws -> [String: String] {
        try sandbox.addSampleAccounts(environment: environment)
        let traffic = try sandbox.run(
            ["traffic", try sandbox.sampleTicket(), "--platform", "meta,tiktok"], environment: environment)
        try #require(traffic.status == 0, "\(traffic.stdout)\(traffic.stderr)")
        let campaigns = try #require(try sandbox.json(["campaigns", "list"]) as? [[String: Any]])
        var ids: [String: String] = [:]
        for campaign in campaigns {
            if let platform = campaign["platform"] as? String, let id = campaign["id"] as? String { ids[platform] = id }
        }
        return ids
    }

    @Test("activate, pause, budget: progress lines with old and new values, our records follow, exit 0")
    func actions() throws {
        let sandbox = try Sandbox()
        let (mock, base) = try EngineCommandTests.startMock(in: sandbox)
        defer { _ = mock.stop() }
        let environment = ["ADOPS_PLATFORMS_BASE_URL": base]
        let ids = try Self.launch(sandbox, environment: environment)
        let meta = try #require(ids["meta"])
        let tiktok = try #require(ids["tiktok"])

        let activate = try sandbox.run(["campaigns", "activate", meta], environment: environment)
        #expect(activate.status == 0, "\(activate.stdout)\(activate.stderr)")
        let lines = activate.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("activate on meta campaign") == true, "\(activate.stdout)")
        let changes = lines.filter { $0.contains("status PAUSED → ACTIVE") }
        #expect(changes.count == 5, "an ad per ad group, two ad groups, the campaign: \(activate.stdout)")
        #expect(changes.first?.hasPrefix("  ad ") == true && changes.last?.hasPrefix("  campaign") == true)
        #expect(lines.last == "Done: 5 changes made.")
        let shown = try #require(try sandbox.json(["campaigns", "show", meta]) as? [String: Any])
        #expect(shown["status"] as? String == "live", "\(shown)")

        let pause = try sandbox.run(["campaigns", "pause", meta, "--json"], environment: environment)
        #expect(pause.status == 0, "\(pause.stderr)")
        let action = try #require(try JSONSerialization.jsonObject(with: Data(pause.stdout.utf8)) as? [String: Any])
        #expect(action["status"] as? String == "DONE" && action["requested_by"] as? String == "cli")
        let step = try #require((action["steps"] as? [[String: Any]])?.first)
        #expect((step["old_value"] as? [String: Any])?["status"] as? String == "ACTIVE")
        #expect((step["new_value"] as? [String: Any])?["status"] as? String == "PAUSED")
        #expect((action["log"] as? [[String: Any]])?.contains { $0["event"] as? String == "changed" } == true)
        #expect((try sandbox.json(["campaigns", "show", meta]) as? [String: Any])?["status"] as? String == "paused")

        let budget = try sandbox.run(
            ["campaigns", "budget", tiktok, "--amount", "250.00", "--level", "adGroup"], environment: environment)
        #expect(budget.status == 0, "\(budget.stdout)\(budget.stderr)")
        #expect(budget.stdout.contains("budget") && budget.stdout.contains("→ 250.00 USD daily"), "\(budget.stdout)")

        let queued = try sandbox.run(["campaigns", "resume", meta, "--no-wait"], environment: environment)
        #expect(queued.status == 0 && queued.stdout.contains("Queued."), "\(queued.stderr)")
    }

    @Test("refusals exit 1 naming the option and the capability; bad input exits 2")
    func refusals() throws {
        let sandbox = try Sandbox()
        let (mock, base) = try EngineCommandTests.startMock(in: sandbox)
        defer { _ = mock.stop() }
        let environment = ["ADOPS_PLATFORMS_BASE_URL": base]
        let ids = try Self.launch(sandbox, environment: environment)
        let tiktok = try #require(ids["tiktok"])

        let level = try sandbox.run(["campaigns", "budget", tiktok, "--amount", "250.00"], environment: environment)
        #expect(level.status == 1)
        #expect(level.stderr.contains("TikTok holds budgets on the ad group"), "\(level.stderr)")
        #expect(level.stderr.contains("--level") && level.stderr.contains("BudgetRules.placement"))
        let low = try sandbox.run(
            ["campaigns", "budget", tiktok, "--amount", "5.00", "--level", "adGroup"], environment: environment)
        #expect(low.status == 1)
        #expect(low.stderr.contains("--amount") && low.stderr.contains("at least 20.00 USD"), "\(low.stderr)")
        let entity = try sandbox.run(
            ["campaigns", "pause", tiktok, "--level", "ad", "--entity", "1"], environment: environment)
        #expect(entity.status == 1 && entity.stderr.contains("--entity"), "\(entity.stderr)")
        let missing = try sandbox.run(["campaigns", "pause", UUID().uuidString], environment: environment)
        #expect(missing.status == 1 && missing.stderr.contains("no campaign"))

        for (arguments, message) in [
            (["campaigns", "pause", tiktok, "--level", "creative"], "--level: 'creative' is not a level"),
            (["campaigns", "budget", tiktok, "--amount", "12.345"], "--amount:"),
            (["campaigns", "budget", tiktok, "--amount", "10", "--period", "weekly"], "--period:"),
            (["campaigns", "activate", "not-an-id"], "ID: 'not-an-id' is not a campaign id"),
        ] {
            let run = try sandbox.run(arguments, environment: environment)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        let actions = try #require(try sandbox.json(["campaigns", "show", tiktok]) as? [String: Any])
        #expect(actions["status"] as? String == "paused")
    }

    @Test("bid, targeting and archive: values printed, an archived campaign refuses later actions, bad input exits 2")
    func bidTargetingArchive() throws {
        let sandbox = try Sandbox()
        let (mock, base) = try EngineCommandTests.startMock(in: sandbox)
        defer { _ = mock.stop() }
        let environment = ["ADOPS_PLATFORMS_BASE_URL": base]
        let ids = try Self.launch(sandbox, environment: environment)
        let meta = try #require(ids["meta"])
        let tiktok = try #require(ids["tiktok"])

        let bid = try sandbox.run(
            ["campaigns", "bid", meta, "--level", "adGroup", "--cost-cap", "12.00"], environment: environment)
        #expect(bid.status == 0, "\(bid.stdout)\(bid.stderr)")
        #expect(
            bid.stdout.contains("bid costCap 12.00 USD") && bid.stdout.contains("→ costCap 12.00 USD"), "\(bid.stdout)")
        let targeting = try sandbox.run(
            ["campaigns", "targeting", tiktok, "--level", "adGroup", "--country", "CA", "--age", "25-44", "--json"],
            environment: environment)
        #expect(targeting.status == 0, "\(targeting.stderr)")
        let action = try #require(try JSONSerialization.jsonObject(with: Data(targeting.stdout.utf8)) as? [String: Any])
        #expect(action["status"] as? String == "DONE" && action["type"] as? String == "targeting")
        let step = try #require((action["steps"] as? [[String: Any]])?.first)
        #expect(step["field"] as? String == "targeting" && step["old_value_source"] as? String == "platform")

        let refused = try sandbox.run(["campaigns", "archive", tiktok], environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("TikTok") && refused.stderr.contains("status.archive"), "\(refused.stderr)")
        let low = try sandbox.run(
            ["campaigns", "bid", meta, "--level", "adGroup", "--bid-cap", "0"], environment: environment)
        #expect(low.status == 1 && low.stderr.contains("--bid-cap/--cost-cap"), "\(low.stderr)")

        let archive = try sandbox.run(["campaigns", "archive", meta], environment: environment)
        #expect(archive.status == 0, "\(archive.stdout)\(archive.stderr)")
        #expect(archive.stdout.contains("status PAUSED → ARCHIVED"), "\(archive.stdout)")
        #expect((try sandbox.json(["campaigns", "show", meta]) as? [String: Any])?["status"] as? String == "archived")
        let after = try sandbox.run(["campaigns", "resume", meta], environment: environment)
        #expect(after.status == 1 && after.stderr.contains("archived"), "\(after.stderr)")

        for (arguments, message) in [
            (["campaigns", "bid", meta, "--level", "adGroup"], "give exactly one of"),
            (["campaigns", "bid", meta, "--target-roas", "lots"], "--target-roas:"),
            (["campaigns", "targeting", meta, "--age", "old"], "--age:"),
            (["campaigns", "targeting", meta, "--gender", "other"], "--gender:"),
            (["campaigns", "targeting", meta], "give --country"),
        ] {
            let run = try sandbox.run(arguments, environment: environment)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }
}
