import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

/// Meta's ad-rules library over real sockets: the library's CRUD, preview and execute, schedules on the virtual
/// clock, history with old and new values, error 2703 behind its switch, the 250-rule cap and spec validation.
@Suite("Meta emulator ad rules")
struct MetaAdRulesEmulatorTests {
    typealias Client = MetaTestClient

    /// An ad set rule on lifetime spend, as JSON text for a form field.
    static func spentFilter(_ entity: String = "ADSET", op: String = "GREATER_THAN", spent: Int = 0) -> String {
        #"{"evaluation_type":"SCHEDULE","filters":[{"field":"entity_type","value":"\#(entity)","operator":"EQUAL"},"#
            + #"{"field":"time_preset","value":"LIFETIME","operator":"EQUAL"},"#
            + #"{"field":"spent","value":\#(spent),"operator":"\#(op)"}]}"#
    }

    static let pause = #"{"execution_type":"PAUSE"}"#

    /// Creates a rule through the library edge.
    static func createRule(
        _ client: Client, name: String = "Rule", evaluation: String = spentFilter(), execution: String = pause,
        schedule: String? = nil, status: String? = nil
    ) async throws -> Client.Reply {
        var form = [("name", name), ("evaluation_spec", evaluation), ("execution_spec", execution)]
        if let schedule { form.append(("schedule_spec", schedule)) }
        if let status { form.append(("status", status)) }
        return try await client.post("\(Client.account)/adrules_library", form)
    }

    /// An active campaign without a budget of its own, an active ad set with a $50.00 daily budget and an active ad
    /// (so it delivers), and an active ad set with no ads (so it spends nothing). Returns the two ad set ids.
    static func hierarchy(_ client: Client) async throws -> (delivering: String, idle: String) {
        let campaign = try await client.post(
            "\(Client.account)/campaigns",
            [
                ("name", "Rules campaign"), ("objective", "OUTCOME_SALES"), ("status", "ACTIVE"),
                ("special_ad_categories", "[]"),
            ])
        let hot = try await client.createAdSet(
            campaign: campaign.id, extra: [("name", "Hot"), ("daily_budget", "5000"), ("status", "ACTIVE")])
        let cold = try await client.createAdSet(
            campaign: campaign.id, extra: [("name", "Cold"), ("daily_budget", "5000"), ("status", "ACTIVE")])
        let creative = try await client.createCreative(imageHash: nil)
        let ad = try await client.createAd(adSet: hot.id, creative: creative.id)
        _ = try await client.post(ad.id + "/", [("status", "ACTIVE")])
        #expect(!hot.id.isEmpty && !cold.id.isEmpty && !ad.id.isEmpty, "\(hot.json) \(cold.json) \(ad.json)")
        return (hot.id, cold.id)
    }

    @Test("create, list, read, update and delete a rule in the library")
    func crud() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let created = try await Self.createRule(client, name: "Pause spenders")
            #expect(created.status == 200, "\(created.json)")
            let fields = [
                ("fields", "name,status,evaluation_spec,execution_spec,schedule_spec,account_id,created_time")
            ]
            var read = try await client.get(created.id, fields)
            #expect(read.json["name"]?.string == "Pause spenders")
            #expect(read.json["status"]?.string == "ENABLED")
            #expect(read.json["account_id"]?.string == "1001")
            #expect(read.json["evaluation_spec"]?["evaluation_type"]?.string == "SCHEDULE")
            #expect(read.json["evaluation_spec"]?["filters"]?.array?.count == 3)
            #expect(read.json["execution_spec"]?["execution_type"]?.string == "PAUSE")
            #expect(read.json["schedule_spec"]?["schedule_type"]?.string == "SEMI_HOURLY", "the default schedule")

            let listed = try await client.get(
                "\(Client.account)/adrules_library", [("fields", "name,status"), ("summary", "true")])
            #expect(listed.data.map { $0["id"]?.string } == [created.id])
            #expect(listed.json["summary"]?["total_count"]?.int64 == 1)

            let renamed = try await client.post(created.id + "/", [("name", "Renamed"), ("status", "DISABLED")])
            #expect(renamed.json["success"]?.bool == true, "\(renamed.json)")
            let custom = #"{"schedule_type":"CUSTOM","schedule":[{"start_minute":0,"end_minute":600,"days":[1,2]}]}"#
            let respecified = try await client.post(
                created.id + "/", [("evaluation_spec", Self.spentFilter(spent: 1000)), ("schedule_spec", custom)])
            #expect(respecified.json["success"]?.bool == true, "\(respecified.json)")
            read = try await client.get(created.id, fields)
            #expect(read.json["name"]?.string == "Renamed" && read.json["status"]?.string == "DISABLED")
            #expect(read.json["evaluation_spec"]?["filters"]?.array?.last?["value"]?.int64 == 1000)
            #expect(read.json["schedule_spec"]?["schedule"]?.array?.first?["end_minute"]?.int64 == 600)

            let deleted = try await client.delete(created.id)
            #expect(deleted.json["success"]?.bool == true)
            let after = try await client.get("\(Client.account)/adrules_library")
            #expect(after.data.isEmpty, "a deleted rule leaves the library")
            read = try await client.get(created.id, [("fields", "status")])
            #expect(read.json["status"]?.string == "DELETED")
            let edit = try await client.post(created.id + "/", [("name", "Back")])
            #expect(edit.code == 100, "a deleted rule cannot be edited: \(edit.json)")
        }
    }

    @Test("preview changes nothing; execute pauses the matching ad sets and records old and new values")
    func previewAndExecute() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let (hot, cold) = try await Self.hierarchy(client)
            running.mock.world.advance(by: 3 * 3_600)
            let rule = try await Self.createRule(client, status: "DISABLED")

            let preview = try await client.post(rule.id + "/preview", [])
            let planned = try #require(preview.json["results"]?.array, "\(preview.json)")
            #expect(planned.map { $0["object_id"]?.string } == [hot])
            let plannedAction = planned.first?["actions"]?.array?.first
            #expect(plannedAction?["action"]?.string == "PAUSED")
            #expect(plannedAction?["old_value"]?.string == "ACTIVE" && plannedAction?["new_value"]?.string == "PAUSED")
            var status = try await client.get(hot, [("fields", "status")])
            #expect(status.json["status"]?.string == "ACTIVE", "a preview changes nothing")
            #expect(try await client.get(rule.id + "/history").data.isEmpty, "nor does it write history")

            let executed = try await client.post(rule.id + "/execute", [])
            #expect(executed.json["success"]?.bool == true, "\(executed.json)")
            status = try await client.get(hot, [("fields", "status,effective_status")])
            #expect(status.json["status"]?.string == "PAUSED")
            let idle = try await client.get(cold, [("fields", "status")])
            #expect(idle.json["status"]?.string == "ACTIVE", "the ad set that spent nothing is left alone")

            let history = try await client.get(rule.id + "/history")
            let entry = try #require(history.data.first, "\(history.json)")
            #expect(history.data.count == 1)
            #expect(entry["is_manual"]?.bool == true)
            #expect(entry["timestamp"]?.string?.hasSuffix("+0000") == true)
            #expect(entry["rule_id"] == nil, "a rule's own history has no rule_id")
            let result = try #require(entry["results"]?.array?.first)
            #expect(result["object_id"]?.string == hot && result["object_type"]?.string == "ADSET")
            let action = result["actions"]?.array?.first
            #expect(action?["action"]?.string == "PAUSED" && action?["field"]?.string == "status")
            #expect(action?["old_value"]?.string == "ACTIVE" && action?["new_value"]?.string == "PAUSED")

            let account = try await client.get("\(Client.account)/adrules_history", [("action", "PAUSED")])
            #expect(account.data.first?["rule_id"]?.string == rule.id, "\(account.json)")
            let other = try await client.get("\(Client.account)/adrules_history", [("object_id", cold)])
            #expect(other.data.isEmpty)
        }
    }

    @Test("a SEMI_HOURLY budget rule runs when the control plane moves the clock past a half hour")
    func scheduleOnTheClock() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let control = ControlClient(baseURL: running.baseURL)
            let (hot, _) = try await Self.hierarchy(client)
            running.mock.world.advance(by: 2 * 3_600)
            let halve =
                #"{"execution_type":"CHANGE_BUDGET","execution_options":["#
                + #"{"field":"change_spec","value":{"amount":-50,"unit":"PERCENTAGE"},"operator":"EQUAL"},"#
                + #"{"field":"execution_count_limit","value":1,"operator":"EQUAL"}]}"#
            let rule = try await Self.createRule(
                client, evaluation: Self.spentFilter(), execution: halve, schedule: #"{"schedule_type":"SEMI_HOURLY"}"#)
            #expect(rule.status == 200, "\(rule.json)")
            #expect(try await client.get(rule.id + "/history").data.isEmpty, "nothing runs before a half hour passes")

            let (moved, _) = try await control.call(.post, "/_mock/clock", #"{"advance":"31m"}"#)
            #expect(moved == 200)
            let history = try await client.get(rule.id + "/history", [("hide_no_changes", "true")])
            let entry = try #require(history.data.last, "\(history.json)")
            #expect(entry["is_manual"]?.bool == false)
            let action = entry["results"]?.array?.first?["actions"]?.array?.first
            #expect(action?["action"]?.string == "CHANGED_BUDGET" && action?["field"]?.string == "daily_budget")
            #expect(action?["old_value"]?.string == "5000" && action?["new_value"]?.string == "2500")
            let budget = try await client.get(hot, [("fields", "daily_budget")])
            #expect(budget.json["daily_budget"]?.string == "2500")

            // The count limit holds: later half hours record NOT_CHANGED, which hide_no_changes hides.
            _ = try await control.call(.post, "/_mock/clock", #"{"advance":"2h"}"#)
            let all = try await client.get(rule.id + "/history")
            #expect(all.data.count >= 4, "\(all.json)")
            let changed = try await client.get(rule.id + "/history", [("hide_no_changes", "true")])
            #expect(changed.data.count == 1)
            #expect(try await client.get(hot, [("fields", "daily_budget")]).json["daily_budget"]?.string == "2500")
        }
    }

    @Test("a clock moved in-process runs a due rule once, on the next Graph request")
    func lazyPass() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            _ = try await Self.hierarchy(client)
            running.mock.world.advance(by: 3_600)
            let notify = #"{"execution_type":"NOTIFICATION"}"#
            let rule = try await Self.createRule(client, execution: notify)
            running.mock.world.advance(by: 6 * 3_600)
            let history = try await client.get(rule.id + "/history")
            #expect(history.data.count == 1, "twelve half hours passed in one jump: one run \(history.json)")
            let action = history.data.first?["results"]?.array?.first?["actions"]?.array?.first
            #expect(action?["action"]?.string == "FACEBOOK_NOTIFICATION_SENT")
        }
    }

    @Test("a rule enabled again waits for its next half hour rather than running for those it missed")
    func reenabled() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let world = running.mock.world
            _ = try await Self.hierarchy(client)
            let rule = try await Self.createRule(
                client, execution: #"{"execution_type":"NOTIFICATION"}"#, status: "DISABLED")
            let halfHour: TimeInterval = 1_800
            let boundary = ((world.now.timeIntervalSince1970 / halfHour).rounded(.down) + 4) * halfHour
            world.setClock(Date(timeIntervalSince1970: boundary + 60))
            let enabled = try await client.post(rule.id + "/", [("status", "ENABLED")])
            #expect(enabled.json["success"]?.bool == true)
            world.setClock(Date(timeIntervalSince1970: boundary + 20 * 60))
            #expect(try await client.get(rule.id + "/history").data.isEmpty, "no half hour since it was enabled")
            world.setClock(Date(timeIntervalSince1970: boundary + halfHour))
            #expect(try await client.get(rule.id + "/history").data.count == 1, "and it runs at the next one")
        }
    }

    @Test("error 2703 for a cost condition on a PAUSE rule, only with the switch on")
    func error2703() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let control = ControlClient(baseURL: running.baseURL)
            let cost =
                #"{"evaluation_type":"SCHEDULE","filters":[{"field":"entity_type","value":"AD","operator":"EQUAL"},"#
                + #"{"field":"time_preset","value":"LAST_3_DAYS","operator":"EQUAL"},"#
                + #"{"field":"cost_per_purchase_fb","value":1000,"operator":"GREATER_THAN"}]}"#
            let accepted = try await Self.createRule(client, evaluation: cost)
            #expect(accepted.status == 200, "off by default: \(accepted.json)")

            let (set, settings) = try await control.call(
                .put, "/_mock/meta/settings", #"{"adRulesRefuseCostPause":true}"#)
            #expect(set == 200 && settings?["adRulesRefuseCostPause"]?.bool == true)
            let refused = try await Self.createRule(client, evaluation: cost)
            #expect(refused.status == 400)
            #expect(refused.code == 2703, "\(refused.json)")
            #expect(refused.message.contains("cost conditions"))
            let update = try await client.post(accepted.id + "/", [("evaluation_spec", cost)])
            #expect(update.code == 2703, "updates are checked too")
            let notify = try await Self.createRule(
                client, evaluation: cost, execution: #"{"execution_type":"NOTIFICATION"}"#)
            #expect(notify.status == 200, "only rules that turn ads off: \(notify.json)")

            _ = try await control.call(.post, "/_mock/reset")
            let (_, after) = try await control.call(.get, "/_mock/meta/settings")
            #expect(after?["adRulesRefuseCostPause"]?.bool == false, "a full reset restores the default")
        }
    }

    @Test("an account holds at most 250 rules; deleting one makes room")
    func cap() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            var first = ""
            for index in 0..<250 {
                let rule = try await Self.createRule(client, name: "Rule \(index)", status: "DISABLED")
                #expect(rule.status == 200, "\(rule.json)")
                if index == 0 { first = rule.id }
            }
            let over = try await Self.createRule(client, name: "One too many")
            #expect(over.code == 100, "\(over.json)")
            #expect(over.json["error"]?["error_user_title"]?.string == "Rule Limit Reached")
            _ = try await client.delete(first)
            let room = try await Self.createRule(client, name: "Fits again")
            #expect(room.status == 200, "\(room.json)")
        }
    }

    static let badSpecs: [(String, String, String, String?, String)] = [
        (
            "no entity_type or id", #"{"evaluation_type":"SCHEDULE","filters":[]}"#, pause, nil,
            "entity_type or an id"
        ),
        (
            "insights filter without time_preset",
            #"{"evaluation_type":"SCHEDULE","filters":[{"field":"entity_type","value":"AD","operator":"EQUAL"},"#
                + #"{"field":"spent","value":100,"operator":"GREATER_THAN"}]}"#, pause, nil, "time_preset"
        ),
        (
            "two time presets",
            #"{"evaluation_type":"SCHEDULE","filters":[{"field":"entity_type","value":"AD","operator":"EQUAL"},"#
                + #"{"field":"time_preset","value":"TODAY","operator":"EQUAL"},"#
                + #"{"field":"time_preset","value":"YESTERDAY","operator":"EQUAL"}]}"#, pause, nil,
            "evaluation_spec[filters][2]"
        ),
        (
            "unknown operator",
            #"{"evaluation_type":"SCHEDULE","filters":[{"field":"entity_type","value":"AD","operator":"EQUAL"},"#
                + #"{"field":"name","value":"x","operator":"LIKE"}]}"#, pause, nil,
            "evaluation_spec[filters][1][operator]"
        ),
        (
            "range without a pair",
            #"{"evaluation_type":"SCHEDULE","filters":[{"field":"entity_type","value":"AD","operator":"EQUAL"},"#
                + #"{"field":"time_preset","value":"TODAY","operator":"EQUAL"},"#
                + #"{"field":"ctr","value":5,"operator":"IN_RANGE"}]}"#, pause, nil,
            "evaluation_spec[filters][2][value]"
        ),
        (
            "unknown field",
            #"{"evaluation_type":"SCHEDULE","filters":[{"field":"entity_type","value":"AD","operator":"EQUAL"},"#
                + #"{"field":"mood","value":"x","operator":"EQUAL"}]}"#, pause, nil,
            "evaluation_spec[filters][1][field]"
        ),
        (
            "custom minute not a half hour", spentFilter(), pause,
            #"{"schedule_type":"CUSTOM","schedule":[{"start_minute":45}]}"#,
            "schedule_spec[schedule][0][start_minute]"
        ),
        (
            "schedule on a trigger rule",
            #"{"evaluation_type":"TRIGGER","filters":[{"field":"entity_type","value":"AD","operator":"EQUAL"},"#
                + #"{"field":"time_preset","value":"TODAY","operator":"EQUAL"}],"#
                + #""trigger":{"type":"STATS_CHANGE","field":"spent","value":100,"operator":"GREATER_THAN"}}"#, pause,
            #"{"schedule_type":"HOURLY"}"#, "schedule_spec"
        ),
        (
            "budget change without change_spec", spentFilter(), #"{"execution_type":"CHANGE_BUDGET"}"#, nil,
            "change_spec"
        ),
        ("budget change on ads", spentFilter("AD"), #"{"execution_type":"CHANGE_BUDGET"}"#, nil, "execution_type"),
        ("spec that is not JSON", "not json", pause, nil, "evaluation_spec"),
        ("no evaluation_type", #"{"filters":[]}"#, pause, nil, "evaluation_spec[evaluation_type]"),
    ]

    @Test("bad specs are refused with Graph's error object naming the field", arguments: badSpecs)
    func badSpec(
        _ name: String, _ evaluation: String, _ execution: String, _ schedule: String?, _ field: String
    )
        async throws
    {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let reply = try await Self.createRule(
                client, evaluation: evaluation, execution: execution, schedule: schedule)
            #expect(reply.status == 400, "\(name): \(reply.json)")
            #expect(reply.code == 100, "\(name): \(reply.json)")
            #expect(reply.error?["type"]?.string == "OAuthException")
            #expect(reply.error?["fbtrace_id"]?.string != nil)
            #expect(reply.message.contains(field), "\(name): \(reply.message)")
            let library = try await client.get("\(Client.account)/adrules_library")
            #expect(library.data.isEmpty)
        }
    }

    @Test("a STATS_CHANGE trigger fires once when its condition becomes true, not again while it stays true")
    func edgeTrigger() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let control = ControlClient(baseURL: running.baseURL)
            let (hot, _) = try await Self.hierarchy(client)
            let trigger =
                #"{"evaluation_type":"TRIGGER","filters":[{"field":"entity_type","value":"ADSET","operator":"EQUAL"},"#
                + #"{"field":"time_preset","value":"LIFETIME","operator":"EQUAL"}],"#
                + #""trigger":{"type":"STATS_CHANGE","field":"impressions","value":0,"operator":"GREATER_THAN"}}"#
            let rule = try await Self.createRule(
                client, evaluation: trigger, execution: #"{"execution_type":"NOTIFICATION"}"#)
            #expect(rule.status == 200, "\(rule.json)")
            _ = try await control.call(.post, "/_mock/clock", #"{"advance":"3h"}"#)
            let history = try await client.get(rule.id + "/history")
            #expect(history.data.count == 1, "\(history.json)")
            #expect(history.data.first?["results"]?.array?.first?["object_id"]?.string == hot)
        }
    }
}
