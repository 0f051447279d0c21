import Foundation
import Testing

/// `adops optimize` run as a person would, against `adops mock`: a dry run by default that prints a table of
/// decisions, `--json` with the same resource as the REST API, `--apply`, and refusals naming the option.
@Suite("adops optimize")
struct OptimizeCommandTests {
    typealias Sandbox = EngineCommandTests.Sandbox

    @Test("a dry run prints a decision per live campaign; --json and --apply agree; bad options are named")
    func optimize() throws {
        let sandbox = try Sandbox()
        let (mock, base) = try EngineCommandTests.startMock(in: sandbox)
        defer { _ = mock.stop() }
        let environment = ["ADOPS_PLATFORMS_BASE_URL": base]
        let ids = try CampaignActionCommandTests.launch(sandbox, environment: environment)
        let meta = try #require(ids["meta"])

        let empty = try sandbox.run(["optimize"], environment: environment)
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.contains("No live campaign to decide on."), "\(empty.stdout)")

        let activate = try sandbox.run(["campaigns", "activate", meta], environment: environment)
        try #require(activate.status == 0, "\(activate.stdout)\(activate.stderr)")
        let dry = try sandbox.run(["optimize"], environment: environment)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Optimisation (dry run)"), "\(dry.stdout)")
        let lines = dry.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasPrefix("campaign") && $0.contains("platform") && $0.contains("ROAS") && $0.contains("confidence")
            }, "\(dry.stdout)")
        let row = try #require(lines.first { $0.contains("BUDGET_MAINTAIN") }, "\(dry.stdout)")
        #expect(row.contains("meta") && row.contains("200.00 USD → 200.00 USD") && row.contains("still learning"))
        #expect(row.contains("0.50"), "the learning confidence: \(row)")

        let json = try #require(try sandbox.json(["optimize"], environment: environment) as? [String: Any])
        #expect(json["mode"] as? String == "dry_run")
        #expect((json["action_ids"] as? [Any])?.isEmpty == true)
        let decisions = try #require(json["decisions"] as? [[String: Any]])
        #expect(decisions.count == 1)
        #expect(decisions.first?["campaign_id"] as? String == meta)
        #expect(decisions.first?["action"] as? String == "BUDGET_MAINTAIN")
        #expect(decisions.first?["platform"] as? String == "meta")

        let applied = try #require(
            try sandbox.json(["optimize", "--apply", "--account", "act_1001"], environment: environment)
                as? [String: Any])
        #expect(applied["mode"] as? String == "apply")
        #expect((applied["action_ids"] as? [Any])?.isEmpty == true, "a maintain asks for no action")

        for (arguments, status, message) in [
            (["optimize", "--dry-run", "--apply"], Int32(2), "--dry-run and --apply cannot be combined"),
            (["optimize", "--no-wait"], 2, "--no-wait only goes with --apply"),
            (["optimize", "--account", "act_9999"], 1, "--account: no ad account 'act_9999'"),
        ] {
            let run = try sandbox.run(arguments, environment: environment)
            #expect(run.status == status, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }
}

extension OptimizeCommandTests {
    @Test("settings shows, changes and clears a campaign's bounds and automatic optimisation; refusals name the option")
    func settings() throws {
        let sandbox = try Sandbox()
        let (mock, base) = try EngineCommandTests.startMock(in: sandbox)
        defer { _ = mock.stop() }
        let environment = ["ADOPS_PLATFORMS_BASE_URL": base]
        let ids = try CampaignActionCommandTests.launch(sandbox, environment: environment)
        let meta = try #require(ids["meta"])

        let shown = try sandbox.run(["optimize", "settings", meta], environment: environment)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("auto optimize   on"), "\(shown.stdout)")
        #expect(shown.stdout.contains("least budget    none"), "\(shown.stdout)")

        let changed = try sandbox.run(
            ["optimize", "settings", meta, "--auto", "off", "--min", "50", "--max", "400.00"], environment: environment)
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("Optimisation settings changed."), "\(changed.stdout)")
        #expect(changed.stdout.contains("auto optimize   off"), "\(changed.stdout)")
        #expect(changed.stdout.contains("least budget    50.00 USD"), "\(changed.stdout)")
        #expect(changed.stdout.contains("most budget     400.00 USD"), "\(changed.stdout)")

        // The optimiser now leaves the campaign alone, and says why.
        let activate = try sandbox.run(["campaigns", "activate", meta], environment: environment)
        try #require(activate.status == 0, "\(activate.stdout)\(activate.stderr)")
        let dry = try sandbox.run(["optimize"], environment: environment)
        #expect(dry.stdout.contains("automatic optimisation is off for this campaign"), "\(dry.stdout)")

        let json = try #require(
            try sandbox.json(["optimize", "settings", meta, "--max", "none", "--json"], environment: environment)
                as? [String: Any])
        #expect(json["campaign_id"] as? String == meta)
        #expect(json["auto_optimize"] as? Bool == false)
        #expect((json["budget_minimum"] as? [String: Any])?["amount"] as? String == "50.00")
        #expect(json["budget_maximum"] == nil, "a removed bound is left out: \(json)")

        for (arguments, status, message) in [
            (["optimize", "settings", meta, "--min", "500", "--max", "400"], Int32(2), "--min: the least budget"),
            (["optimize", "settings", meta, "--min=-1"], 2, "--min: must not be negative"),
            (["optimize", "settings", meta, "--max", "1.001"], 2, "--max: "),
            (["optimize", "settings", meta, "--auto", "maybe"], 2, "--auto: 'maybe' is not on or off"),
            (["optimize", "settings", "not-an-id"], 2, "is not a campaign id"),
            (["optimize", "settings", UUID().uuidString], 1, "ID: no campaign"),
        ] {
            let run = try sandbox.run(arguments, environment: environment)
            #expect(run.status == status, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        let unchanged = try sandbox.run(["optimize", "settings", meta], environment: environment)
        #expect(
            unchanged.stdout.contains("least budget    50.00 USD"), "a refusal changes nothing: \(unchanged.stdout)")
    }
}
