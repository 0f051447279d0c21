import Foundation
import Testing

/// `adops rules` run as a person would: rule files in JSON and YAML (and on standard input), every problem listed
/// with its path, optimistic versions, a preview and a run over a launched campaign, and the history they leave.
@Suite("adops rules")
struct RulesCommandTests {
    typealias Sandbox = EngineCommandTests.Sandbox

    /// A rule pausing every Meta campaign that spent anything over the last 7 days: it matches a launched campaign
    /// without any synced metrics.
    static let json = """
        {"id": "spend-guard", "name": "Pause spenders", "scope": {"level": "campaign", "platforms": ["meta"]},
         "conditions": {"all": [{"metric": "spend", "window": "last7Days", "op": ">=", "value": 0}]},
         "actions": [{"type": "pause"}], "schedule": {"everyMinutes": 15}}
        """

    /// The same rule's edit, in YAML, every 5 minutes.
    static let yaml = """
        id: spend-guard
        name: Pause the spenders
        scope: {level: campaign, platforms: [meta]}
        conditions:
          all:
            - {metric: spend, window: last7Days, op: ">=", value: 0}
        actions:
          - type: pause
        schedule: {everyMinutes: 5}
        """

    /// Writes `text` into the sandbox as `name` and returns its path.
    static func write(_ text: String, _ name: String, in sandbox: Sandbox) throws -> String {
        let file = sandbox.directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test("add, list, show, update with a stale version, enable, disable, delete; problems name their paths")
    func manage() throws {
        let sandbox = try Sandbox()
        let file = try Self.write(Self.json, "rule.json", in: sandbox)
        let added = try sandbox.run(["rules", "add", file])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Added rule spend-guard (version 1)."), "\(added.stdout)")
        #expect(added.stdout.contains("schedule   every 15 min"), "\(added.stdout)")

        let again = try sandbox.run(["rules", "add", file])
        #expect(again.status == 1 && again.stderr.contains("ID: a rule with id 'spend-guard' already exists"))

        let list = try sandbox.run(["rules", "list"])
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("id") == true && lines.first?.contains("next run") == true, "\(list.stdout)")
        let row = try #require(lines.first { $0.hasPrefix("spend-guard") }, "\(list.stdout)")
        #expect(
            row.contains("Pause spenders") && row.contains("yes") && row.contains("15 min") && row.contains("due now"))
        let listed = try #require(try sandbox.json(["rules", "list"]) as? [[String: Any]])
        #expect(listed.first?["version"] as? Int == 1)
        let none = try sandbox.run(["rules", "list", "--disabled"])
        #expect(none.stdout.contains("No rules match"), "\(none.stdout)")
        let both = try sandbox.run(["rules", "list", "--enabled", "--disabled"])
        #expect(both.status == 2 && both.stderr.contains("--enabled and --disabled cannot be combined"))

        let shown = try #require(try sandbox.json(["rules", "show", "spend-guard"]) as? [String: Any])
        #expect(
            shown["every_minutes"] as? Int == 15
                && (shown["rule"] as? [String: Any])?["name"] as? String == "Pause spenders")
        let asYAML = try sandbox.run(["rules", "show", "spend-guard", "--yaml"])
        #expect(asYAML.status == 0 && asYAML.stdout.contains("id: spend-guard"), "\(asYAML.stdout)")

        let edit = try Self.write(Self.yaml, "rule.yaml", in: sandbox)
        let updated = try sandbox.run(["rules", "update", edit, "--version", "1"])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.contains("Updated rule spend-guard to version 2."), "\(updated.stdout)")
        let stale = try sandbox.run(["rules", "update", edit, "--version", "1"])
        #expect(stale.status == 1, "\(stale.stdout)")
        #expect(stale.stderr.contains("--version:"), "\(stale.stderr)")
        let piped = try sandbox.run(["rules", "update", "-"], input: Data(Self.json.utf8))
        #expect(piped.status == 0 && piped.stdout.contains("version 3"), "\(piped.stdout)\(piped.stderr)")

        let disabled = try sandbox.run(["rules", "disable", "spend-guard"])
        #expect(disabled.status == 0 && disabled.stdout.contains("Disabled rule spend-guard"), "\(disabled.stderr)")
        let onlyDisabled = try #require(try sandbox.json(["rules", "list", "--disabled"]) as? [[String: Any]])
        #expect(onlyDisabled.count == 1)
        let enabled = try sandbox.run(["rules", "enable", "spend-guard"])
        #expect(enabled.status == 0 && enabled.stdout.contains("Enabled rule spend-guard"), "\(enabled.stderr)")

        let deleted = try sandbox.run(["rules", "delete", "spend-guard"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        for arguments in [
            ["rules", "show", "spend-guard"], ["rules", "delete", "spend-guard"], ["rules", "run", "spend-guard"],
        ] {
            let missing = try sandbox.run(arguments)
            #expect(missing.status == 1, "\(arguments): \(missing.stdout)")
            #expect(missing.stderr.contains("ID: no rule 'spend-guard'"), "\(arguments): \(missing.stderr)")
        }
    }

    @Test("a refused rule lists every problem with its path and exits 2, stored nowhere")
    func refused() throws {
        let sandbox = try Sandbox()
        let invalid = """
            id: broken
            name: Broken
            scope: {level: campaign, platforms: [meta]}
            conditions:
              all:
                - {metric: cpx, window: last3Days, op: ">", value: 5}
                - {left: 1, op: ">", right: 2}
            actions: [{type: pause}]
            schedule: {everyMinutes: 0}
            """
        let file = try Self.write(invalid, "broken.yml", in: sandbox)
        let refused = try sandbox.run(["rules", "add", file])
        #expect(refused.status == 2, "\(refused.stdout)")
        for line in [
            "the rule has 3 problems:", "conditions.all[0].metric: unknown metric 'cpx'",
            "conditions.all[1]: compares no metric", "schedule.everyMinutes: must be at least 1 minute; got 0",
        ] {
            #expect(refused.stderr.contains(line), "\(line) in \(refused.stderr)")
        }
        #expect(refused.stderr.contains(file), "the file is named: \(refused.stderr)")

        let malformed = try Self.write(
            #"{"id": "x", "name": "x", "scope": {"level": "campaign"}, "conditions": {"all": [{"metric": "spend", "value": 1}]}, "actions": []}"#,
            "malformed", in: sandbox)
        let parse = try sandbox.run(["rules", "add", malformed])
        #expect(parse.status == 2 && parse.stderr.contains("conditions.all[0]:"), "\(parse.stderr)")
        let stdin = try sandbox.run(["rules", "add", "-"], input: Data("not: [a rule".utf8))
        #expect(stdin.status == 2 && stdin.stderr.contains("standard input:"), "\(stdin.stderr)")
        let listed = try #require(try sandbox.json(["rules", "list"]) as? [[String: Any]])
        #expect(listed.isEmpty)
    }

    @Test("preview and run over a launched campaign: a table per entity, a lifecycle action, a line of history")
    func previewAndRun() throws {
        let sandbox = try Sandbox()
        let (mock, base) = try EngineCommandTests.startMock(in: sandbox)
        defer { _ = mock.stop() }
        let environment = ["ADOPS_PLATFORMS_BASE_URL": base]
        let ids = try CampaignActionCommandTests.launch(sandbox, environment: environment)
        let meta = try #require(ids["meta"])
        let activate = try sandbox.run(["campaigns", "activate", meta], environment: environment)
        try #require(activate.status == 0, "\(activate.stdout)\(activate.stderr)")

        let file = try Self.write(Self.json, "rule.json", in: sandbox)
        let draft = try sandbox.run(["rules", "preview", "--file", file])
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stdout.contains("Preview of rule spend-guard"), "\(draft.stdout)")
        let lines = draft.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains { $0.hasPrefix("entity") && $0.contains("outcome") && $0.contains("action") },
            "\(draft.stdout)")
        let row = try #require(lines.first { $0.contains("matched") && $0.contains("meta") }, "\(draft.stdout)")
        #expect(
            row.contains("campaign") && row.contains("spend over last7Days = 0") && row.contains("→ PAUSED"), "\(row)")

        #expect(try sandbox.run(["rules", "add", file]).status == 0)
        let plan = try #require(try sandbox.json(["rules", "preview", "spend-guard"]) as? [String: Any])
        #expect((plan["counts"] as? [String: Any])?["matched"] as? Int == 1, "\(plan)")
        let neither = try sandbox.run(["rules", "preview"])
        #expect(neither.status == 2 && neither.stderr.contains("give a rule's ID or --file FILE"))

        let run = try sandbox.run(["rules", "run", "spend-guard"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Run of rule spend-guard"), "\(run.stdout)")
        #expect(run.stdout.contains("Requested 1 lifecycle action(s)"), "\(run.stdout)")

        let history = try sandbox.run(["rules", "history", "spend-guard"])
        #expect(history.status == 0, "\(history.stderr)")
        let entry = try #require(
            history.stdout.split(separator: "\n").first { $0.contains("spend-guard") }, "\(history.stdout)")
        #expect(entry.contains("pause") && entry.contains("PENDING") && entry.contains("→ PAUSED"), "\(entry)")
        let json = try #require(try sandbox.json(["rules", "history", "--campaign", meta]) as? [[String: Any]])
        #expect(json.count == 1 && json.first?["rule_id"] as? String == "spend-guard")
        #expect(try sandbox.run(["rules", "delete", "spend-guard"]).status == 0)
        let kept = try sandbox.run(["rules", "history", "spend-guard"])
        #expect(
            kept.status == 0 && kept.stdout.contains("spend-guard"), "a deleted rule's history stays: \(kept.stderr)")
        let unknown = try sandbox.run(["rules", "history", "no-such-rule"])
        #expect(unknown.status == 1 && unknown.stderr.contains("ID: no rule 'no-such-rule'"), "\(unknown.stderr)")
    }
}
