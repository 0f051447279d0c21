import AdOpsServer
import AdPlatformKit
import Foundation
import Hummingbird
import Testing
import Trafficking

/// `/api/v1/rules` and `/api/v1/rule_executions`: automation rules stored, read, replaced with optimistic versions,
/// switched on and off, previewed, run and deleted, and their history; every problem of a refused rule at its path.
@Suite struct RuleRoutesTests {
    /// A rule that pauses the Meta campaigns that spent more than 50 over the last 7 days.
    static func rule(id: String = "spend-guard", everyMinutes: Int = 15) -> [String: Any] {
        [
            "id": id, "name": "Pause big spenders",
            "scope": ["level": "campaign", "platforms": ["meta"]],
            "conditions": ["all": [["metric": "spend", "window": "last7Days", "op": ">", "value": 50]]],
            "actions": [["type": "pause"]],
            "schedule": ["everyMinutes": everyMinutes],
        ]
    }

    @Test("create, list, show, replace with versions, switch off and on, preview, run, history, delete")
    func lifecycle() async throws {
        let harness = try ActionRoutesTests.Harness()
        let campaign = try await OptimizationRoutesTests.deliveringCampaign(in: harness)
        try await harness.run { api in
            let created = try await api.send(.post, "/api/v1/rules", json: Self.rule())
            #expect(created.status == .created, "\(created.text)")
            #expect(created.headers[.location] == "/api/v1/rules/spend-guard")
            #expect(created.headers[.eTag] == "\"1\"")
            #expect(created.object["version"] as? Int == 1 && created.object["every_minutes"] as? Int == 15)
            #expect(created.object["enabled"] as? Bool == true && created.object["next_run_at"] is NSNull)
            let definition = try #require(created.object["rule"] as? [String: Any])
            #expect(definition["id"] as? String == "spend-guard")
            #expect((definition["scope"] as? [String: Any])?["level"] as? String == "campaign")

            let duplicate = try await api.send(.post, "/api/v1/rules", json: Self.rule())
            #expect(duplicate.isProblem(.conflict), "\(duplicate.text)")
            #expect(duplicate.violationFields == ["id"])

            let list = try await api.send(.get, "/api/v1/rules")
            #expect(list.status == .ok, "\(list.text)")
            #expect((list.object["data"] as? [[String: Any]])?.map { $0["id"] as? String } == ["spend-guard"])
            #expect((list.object["pagination"] as? [String: Any])?["total"] as? Int == 1)
            let disabledOnly = try await api.send(.get, "/api/v1/rules?enabled=false")
            #expect((disabledOnly.object["data"] as? [Any])?.isEmpty == true, "\(disabledOnly.text)")
            let badFilter = try await api.send(.get, "/api/v1/rules?enabled=maybe")
            #expect(badFilter.isProblem(.badRequest) && badFilter.violationFields == ["enabled"])

            let shown = try await api.send(.get, "/api/v1/rules/spend-guard")
            #expect(shown.status == .ok && shown.headers[.eTag] == "\"1\"", "\(shown.text)")
            #expect(shown.object["name"] as? String == "Pause big spenders")

            var edit = Self.rule(everyMinutes: 5)
            edit["name"] = "Pause the biggest spenders"
            let replaced = try await api.send(
                .put, "/api/v1/rules/spend-guard", json: edit, headers: [.ifMatch: "\"1\""])
            #expect(replaced.status == .ok, "\(replaced.text)")
            #expect(replaced.object["version"] as? Int == 2 && replaced.headers[.eTag] == "\"2\"")
            #expect(replaced.object["every_minutes"] as? Int == 5)
            let stale = try await api.send(.put, "/api/v1/rules/spend-guard", json: edit, headers: [.ifMatch: "\"1\""])
            #expect(stale.isProblem(.conflict), "\(stale.text)")
            #expect(stale.violationFields == ["If-Match"])
            let staleQuery = try await api.send(.put, "/api/v1/rules/spend-guard?version=1", json: edit)
            #expect(staleQuery.isProblem(.conflict) && staleQuery.violationFields == ["version"], "\(staleQuery.text)")
            let disagreeing = try await api.send(
                .put, "/api/v1/rules/spend-guard?version=2", json: edit, headers: [.ifMatch: "3"])
            #expect(disagreeing.isProblem(.conflict), "\(disagreeing.text)")
            let malformed = try await api.send(
                .put, "/api/v1/rules/spend-guard", json: edit, headers: [.ifMatch: "version-2"])
            #expect(malformed.isProblem(.badRequest) && malformed.violationFields == ["If-Match"])
            let renamed = try await api.send(.put, "/api/v1/rules/spend-guard", json: Self.rule(id: "other"))
            #expect(renamed.isProblem(.unprocessableContent), "\(renamed.text)")
            #expect(renamed.violationFields == ["id"])

            let disabled = try await api.send(.post, "/api/v1/rules/spend-guard/disable")
            #expect(disabled.status == .ok && disabled.object["enabled"] as? Bool == false, "\(disabled.text)")
            #expect((disabled.object["rule"] as? [String: Any])?["enabled"] as? Bool == false)
            let onlyDisabled = try await api.send(.get, "/api/v1/rules?enabled=false")
            #expect((onlyDisabled.object["data"] as? [Any])?.count == 1)
            let enabled = try await api.send(.post, "/api/v1/rules/spend-guard/enable")
            #expect(enabled.status == .ok && enabled.object["enabled"] as? Bool == true, "\(enabled.text)")

            let preview = try await api.send(.post, "/api/v1/rules/spend-guard/preview")
            #expect(preview.status == .ok, "\(preview.text)")
            #expect(preview.object["preview"] as? Bool == true && preview.object["rule_id"] as? String == "spend-guard")
            let results = try #require(preview.object["results"] as? [[String: Any]])
            let matched = try #require(results.first { $0["platform_id"] as? String == "c1" }, "\(preview.text)")
            #expect(
                matched["outcome"] as? String == "matched"
                    && matched["campaign_id"] as? String == campaign.id.uuidString)
            let value = try #require((matched["values"] as? [[String: Any]])?.first)
            #expect(value["metric"] as? String == "spend" && value["value"] as? Double == 70)
            let action = try #require((matched["actions"] as? [[String: Any]])?.first)
            #expect(action["result"] as? String == "planned")
            #expect((action["new_value"] as? [String: Any])?["status"] as? String == "PAUSED")
            #expect((preview.object["requests"] as? [[String: Any]])?.first?["type"] as? String == "pause")
            #expect(
                (try await harness.store.ruleExecutions(rule: nil, campaign: nil, since: nil, page: PageRequest()))
                    .total == 0, "a preview records nothing")

            let draft = try await api.send(.post, "/api/v1/rule_previews", json: Self.rule(id: "draft"))
            #expect(draft.status == .ok && draft.object["rule_id"] as? String == "draft", "\(draft.text)")
            #expect(try await api.send(.get, "/api/v1/rules/draft").isProblem(.notFound), "a preview stores nothing")

            let run = try await api.send(.post, "/api/v1/rules/spend-guard/run")
            #expect(run.status == .accepted, "\(run.text)")
            let actionIDs = try #require(run.object["action_ids"] as? [String])
            #expect(actionIDs.count == 1 && (run.object["refusals"] as? [Any])?.isEmpty == true)
            let ranPlan = try #require(run.object["plan"] as? [String: Any])
            #expect(ranPlan["preview"] as? Bool == false)
            #expect((ranPlan["counts"] as? [String: Any])?["matched"] as? Int == 1)
            let requested = try await api.send(.get, "/api/v1/actions/\(actionIDs[0])")
            #expect(requested.object["requested_by"] as? String == "rule:spend-guard", "\(requested.text)")

            let history = try await api.send(.get, "/api/v1/rules/spend-guard/history")
            #expect(history.status == .ok, "\(history.text)")
            let line = try #require((history.object["data"] as? [[String: Any]])?.first)
            #expect(line["action"] as? String == "pause" && line["action_id"] as? String == actionIDs[0])
            #expect(line["entity_id"] as? String == "c1" && line["action_status"] as? String == "PENDING")
            #expect((line["inputs"] as? [[String: Any]])?.first?["value"] as? Double == 70)
            #expect((line["new_value"] as? [String: Any])?["status"] as? String == "PAUSED")
            #expect((line["rule_action"] as? [String: Any])?["type"] as? String == "pause")
            let byCampaign = try await api.send(.get, "/api/v1/rule_executions?campaign_id=\(campaign.id.uuidString)")
            #expect((byCampaign.object["data"] as? [Any])?.count == 1, "\(byCampaign.text)")
            let otherCampaign = try await api.send(.get, "/api/v1/rule_executions?campaign_id=\(UUID().uuidString)")
            #expect((otherCampaign.object["data"] as? [Any])?.isEmpty == true)

            let deleted = try await api.send(.delete, "/api/v1/rules/spend-guard")
            #expect(deleted.status == .noContent, "\(deleted.text)")
            #expect(try await api.send(.get, "/api/v1/rules/spend-guard").isProblem(.notFound))
            let kept = try await api.send(.get, "/api/v1/rules/spend-guard/history")
            #expect(
                kept.status == .ok && (kept.object["data"] as? [Any])?.count == 1, "the history stays: \(kept.text)")
        }
    }

    @Test("a rule breaking the validator is a 422 listing every problem at its path in the rule")
    func invalidRule() async throws {
        try await ActionRoutesTests.Harness().run { api in
            var rule = Self.rule(everyMinutes: 0)
            rule["conditions"] = [
                "all": [
                    ["metric": "cpx", "window": "last3Days", "op": ">", "value": 5],
                    ["left": 1, "op": ">", "right": 2],
                    ["any": [Any]()],
                ]
            ]
            let reply = try await api.send(.post, "/api/v1/rules", json: rule)
            #expect(reply.isProblem(.unprocessableContent), "\(reply.text)")
            #expect(reply.object["type"] as? String == "tag:adops-lab,2026:problem/invalid-rule")
            let fields = reply.violationFields
            for path in [
                "conditions.all[0].metric", "conditions.all[1]", "conditions.all[2].any", "schedule.everyMinutes",
            ] {
                #expect(fields.contains(path), "\(path) in \(fields)")
            }
            let slow = try await api.send(.post, "/api/v1/rules", json: Self.rule(everyMinutes: 1_000_000_000_000_000))
            #expect(slow.isProblem(.unprocessableContent) && slow.violationFields == ["schedule.everyMinutes"])
            let preview = try await api.send(.post, "/api/v1/rule_previews", json: rule)
            #expect(preview.isProblem(.unprocessableContent) && preview.violationFields == fields)
            #expect(try await api.send(.get, "/api/v1/rules/spend-guard").isProblem(.notFound), "nothing is stored")
        }
    }

    @Test("a document that does not read as a rule is a 422 at the path where it breaks; one that is not JSON a 400")
    func malformedRule() async throws {
        try await ActionRoutesTests.Harness().run { api in
            var rule = Self.rule()
            rule["conditions"] = ["all": [["metric": "spend", "window": "last3Days", "value": 5]]]
            let missingOp = try await api.send(.post, "/api/v1/rules", json: rule)
            #expect(missingOp.isProblem(.unprocessableContent), "\(missingOp.text)")
            #expect(missingOp.violationFields == ["conditions.all[0]"])
            rule = Self.rule()
            rule["scope"] = ["level": "adSquad"]
            let badLevel = try await api.send(.post, "/api/v1/rules", json: rule)
            #expect(badLevel.isProblem(.unprocessableContent) && badLevel.violationFields == ["scope.level"])
            rule = Self.rule()
            rule["actions"] = [["type": "explode"]]
            let badAction = try await api.send(.post, "/api/v1/rules", json: rule)
            #expect(badAction.isProblem(.unprocessableContent) && badAction.violationFields == ["actions[0].type"])
            for body in ["not json", "[1, 2]", "\"rule\""] {
                let reply = try await api.send(.post, "/api/v1/rules", json: body)
                #expect(reply.isProblem(.badRequest), "\(body): \(reply.text)")
                #expect(reply.violationFields == ["body"])
            }
        }
    }

    @Test(
        "an unknown rule is a 404 naming id on every route that reads one",
        arguments: [
            (HTTPRequest.Method.get, ""), (.delete, ""), (.post, "/enable"), (.post, "/disable"), (.post, "/preview"),
            (.post, "/run"), (.get, "/history"),
        ])
    func unknownRule(method: HTTPRequest.Method, suffix: String) async throws {
        try await ActionRoutesTests.Harness().run { api in
            let reply = try await api.send(method, "/api/v1/rules/no-such-rule\(suffix)")
            #expect(reply.isProblem(.notFound), "\(method) \(suffix): \(reply.text)")
            #expect(reply.violationFields == ["id"])
            let put = try await api.send(.put, "/api/v1/rules/no-such-rule", json: Self.rule(id: "no-such-rule"))
            #expect(put.isProblem(.notFound) && put.violationFields == ["id"], "\(put.text)")
        }
    }

    @Test("an id with characters a path must encode round-trips through Location")
    func encodedID() async throws {
        try await ActionRoutesTests.Harness().run { api in
            let created = try await api.send(.post, "/api/v1/rules", json: Self.rule(id: "cpa guard/ü"))
            #expect(created.status == .created, "\(created.text)")
            let location = try #require(created.headers[.location])
            #expect(location == "/api/v1/rules/cpa%20guard%2F%C3%BC")
            let shown = try await api.send(.get, location)
            #expect(shown.status == .ok && shown.object["id"] as? String == "cpa guard/ü", "\(shown.text)")
        }
    }
}
