import AdPlatformKit
import AdPlatformTesting
import Automation
import Foundation
import Logging
import MockPlatforms
import Testing
import Trafficking

/// Automation rules on the Meta emulator, on the virtual clock: ground truth gives campaigns a known cost per
/// conversion, the sync reads it, and the rules are stored, previewed, scheduled and run through the lifecycle
/// actions; every result is read back from the emulator.
@Suite("Automation rules end to end")
struct RulesEndToEndTests {
    /// A rule from its JSON, as a person writes it.
    static func rule(_ json: String) throws -> Rule {
        try RuleCoding.decodeJSON(Data(json.utf8))
    }

    /// Launches campaigns at the conversion rates, moves 9 days on (the flight starts tomorrow; the days before
    /// today are whole days of delivery) and syncs them.
    static func deliveringCampaigns(
        conversionRates: [Double], valuePerConversionMicros: Int64 = 10_000_000, clock: ManualWallClock,
        fixture: EngineFixture
    ) async throws -> [Campaign] {
        let account = try #require(fixture.accounts[.meta])
        var campaigns: [Campaign] = []
        for rate in conversionRates {
            campaigns.append(
                try await DeliveringCampaigns.launch(
                    on: account, in: fixture, conversionRate: rate,
                    valuePerConversionMicros: valuePerConversionMicros))
        }
        MetricsSyncTests.advance(days: 9, clock, fixture)
        let sync = try await MetricsSyncTests.syncer(fixture).sync(account: account.id, kind: .incremental)
        try #require(sync.status == .succeeded, "\(sync.errors)")
        return campaigns
    }

    /// Whether the emulator has the campaign delivering.
    static func isActive(_ campaign: Campaign, in fixture: EngineFixture) throws -> Bool {
        let id = try #require(campaign.platformCampaignID)
        return try #require(LifecycleActionTests.entity(id, on: .meta, in: fixture)).isActive
    }

    /// Runs the worker until every action is over.
    static func finish(_ actions: [UUID], in fixture: EngineFixture) async throws {
        let store = fixture.store
        try await fixture.run {
            for id in actions { guard try await store.action(id)?.status.isTerminal == true else { return false } }
            return true
        }
    }

    @Test("CPA > 50 over the last 3 days pauses exactly the campaigns above it; its preview changed nothing")
    func cpaRulePausesExactlyTheQualifyingCampaigns() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            // Per ad set a day: 200 clicks and 200 × rate conversions, for 100 of spend. CPA 12.5, 25, 50 (not
            // above 50) and 100.
            let campaigns = try await Self.deliveringCampaigns(
                conversionRates: [0.04, 0.02, 0.01, 0.005], clock: clock, fixture: fixture)
            let automator = Automator(engine: fixture.engine)
            let stored = try await automator.add(
                try Self.rule(
                    """
                    {"id": "cpa-guard", "name": "Pause campaigns over 50 a conversion",
                     "scope": {"level": "campaign", "platforms": ["meta"]},
                     "conditions": {"metric": "cpa", "window": "last3Days", "op": ">", "value": 50},
                     "actions": [{"type": "pause"}]}
                    """))
            #expect(stored.version == 1 && stored.everyMinutes == 30 && stored.nextRunAt == nil)

            // The preview lists every campaign in scope, with the CPA it read, and changes nothing.
            let preview = try await automator.preview("cpa-guard")
            #expect(preview.isPreview && preview.evaluated == 4)
            let matched = preview.results(.matched)
            #expect(matched.map(\.entity.campaignID) == [campaigns[3].id])
            #expect(matched.first?.values.first?.value == 100)
            #expect(preview.results(.notMatched).count == 3)
            #expect(preview.requests.count == 1)
            for campaign in campaigns {
                #expect(try await fixture.store.actions(campaign: campaign.id, page: PageRequest()).total == 1)
                #expect(try Self.isActive(campaign, in: fixture))
            }
            #expect(try await automator.history(rule: nil, campaign: nil, page: PageRequest()).total == 0)

            // The scheduler's pass runs the due rule once.
            let scheduler = AutomationScheduler(
                automator: automator, logger: Logger(label: "e2e.rules") { _ in SwiftLogNoOpLogHandler() })
            let reports = try await scheduler.runOnce()
            let report = try #require(reports.first)
            #expect(reports.count == 1 && report.actionIDs.count == 1 && report.refusals.isEmpty)
            try await Self.finish(report.actionIDs, in: fixture)
            #expect(try await scheduler.runOnce().isEmpty, "not due again for 30 minutes")

            for (index, campaign) in campaigns.enumerated() {
                #expect(try Self.isActive(campaign, in: fixture) == (index != 3), "campaign \(index)")
            }
            let history = try await automator.history(rule: "cpa-guard", campaign: nil, page: PageRequest())
            let line = try #require(history.items.first)
            #expect(history.total == 1)
            #expect(line.campaignID == campaigns[3].id && line.action == "pause")
            #expect(line.actionID == report.actionIDs.first && line.actionStatus == .done)
            let execution = try #require(RuleExecution(record: line))
            #expect(execution.oldValue == .status(.active) && execution.newValue == .status(.paused))
            #expect(execution.inputs.first?.value == 100)
            #expect(execution.response?.succeeded == true)
            #expect(line.platformAnswer?.hasPrefix("HTTP 200") == true, "\(line.platformAnswer ?? "none")")
            #expect(execution.response?.message == line.platformAnswer)
            let actionID = try #require(line.actionID)
            let action = try #require(try await fixture.store.action(actionID))
            #expect(action.requestedBy == "rule:cpa-guard")

            // Half an hour on, the rule is due again and finds the campaign already paused.
            _ = clock.advance(by: 30 * 60)
            let next = try await scheduler.runOnce()
            #expect(next.count == 1 && next.first?.actionIDs.isEmpty == true)
            #expect(try await automator.history(rule: "cpa-guard", campaign: nil, page: PageRequest()).total == 1)
        }
    }

    @Test("A cooldown holds back a second change; with no cooldown, Meta's 4 changes an hour stop the fifth")
    func cooldownAndHourlyCap() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let campaigns = try await Self.deliveringCampaigns(
                conversionRates: [0.04], clock: clock, fixture: fixture)
            let campaign = try #require(campaigns.first)
            let rule = try Self.rule(
                """
                {"id": "scale-winners", "name": "Scale cheap conversions",
                 "scope": {"level": "campaign", "platforms": ["meta"]},
                 "conditions": {"metric": "cpa", "window": "yesterday", "op": "<", "value": 20},
                 "actions": [{"type": "changeBudget", "percent": 5}],
                 "schedule": {"everyMinutes": 1}}
                """)

            // The default 6-hour cooldown: the first run changes the budget, the next minute's is held back.
            let automator = Automator(engine: fixture.engine)
            _ = try await automator.add(rule)
            let first = try #require(try await automator.runDue().reports.first)
            #expect(first.actionIDs.count == 1)
            try await Self.finish(first.actionIDs, in: fixture)
            _ = clock.advance(by: 60)
            let second = try #require(try await automator.runDue().reports.first)
            #expect(second.actionIDs.isEmpty)
            #expect(second.plan.results.first?.skipReasons.map(\.kind) == [.cooldown])

            // Without a cooldown and with room for more changes a day, three more changes fit in the hour (four
            // in all) and the fifth is refused by the hourly limit, which no setting can raise above Meta's.
            let eager = Automator(
                engine: fixture.engine,
                guardrails: Guardrails(maxChangesPerDay: 10, maxChangesPerHour: 10, cooldownMinutes: 0))
            var applied = first.actionIDs
            for minute in 2...5 {
                _ = clock.advance(by: 60)
                let report = try #require(try await eager.runDue().reports.first, "minute \(minute)")
                if minute < 5 {
                    #expect(report.actionIDs.count == 1, "minute \(minute): \(report.plan.results)")
                    applied += report.actionIDs
                    try await Self.finish(report.actionIDs, in: fixture)
                } else {
                    #expect(report.actionIDs.isEmpty)
                    #expect(report.plan.results.first?.skipReasons.map(\.kind) == [.changesPerHour])
                }
            }
            #expect(applied.count == 4)

            // Four changes of 5% each, compounded and rounded to the cent, on the emulator: 200 → 210 → 220.50 →
            // 231.53 (231.525, half up) → 243.11.
            let platformID = try #require(campaign.platformCampaignID)
            let entity = try #require(LifecycleActionTests.entity(platformID, on: .meta, in: fixture))
            #expect(entity.dailyBudgetMicros == 243_110_000, "\(String(describing: entity.dailyBudgetMicros))")
            let history = try await eager.history(rule: "scale-winners", campaign: campaign.id, page: PageRequest())
            #expect(history.total == 4)
            #expect(history.items.allSatisfy { $0.actionStatus == .done })
        }
    }

    @Test("A campaign with one day of delivery is learning: a budget rule waits, an emergency rule does not")
    func learningFreezesBudgetChanges() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let account = try #require(fixture.accounts[.meta])
            _ = try await DeliveringCampaigns.launch(
                on: account, in: fixture, conversionRate: 0.04, valuePerConversionMicros: 10_000_000)
            // The flight starts tomorrow: two days on, yesterday is its one day of delivery.
            MetricsSyncTests.advance(days: 2, clock, fixture)
            let sync = try await MetricsSyncTests.syncer(fixture).sync(account: account.id, kind: .incremental)
            try #require(sync.status == .succeeded, "\(sync.errors)")
            let json = """
                {"id": "scale", "name": "Scale cheap", "scope": {"level": "campaign", "platforms": ["meta"]},
                 "conditions": {"metric": "cpa", "window": "yesterday", "op": "<", "value": 20},
                 "actions": [{"type": "changeBudget", "percent": 5}], "emergency": EMERGENCY}
                """
            let automator = Automator(engine: fixture.engine)
            let waiting = try await automator.preview(
                try Self.rule(json.replacingOccurrences(of: "EMERGENCY", with: "false")))
            #expect(waiting.results.first?.skipReasons.map(\.kind) == [.learning], "\(waiting.results)")
            let emergency = try await automator.preview(
                try Self.rule(json.replacingOccurrences(of: "EMERGENCY", with: "true")))
            #expect(emergency.results(.matched).count == 1 && emergency.requests.count == 1)
        }
    }

    @Test("A notify action sends one signed webhook, retried past a 503; the history keeps the receiver's answer")
    func notifyWebhook() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let campaigns = try await Self.deliveringCampaigns(
                conversionRates: [0.04, 0.005], clock: clock, fixture: fixture)
            let receiver = ScriptedTransport()
            receiver.enqueue(PlatformHTTPResponse(status: 503))
            receiver.enqueue(PlatformHTTPResponse(status: 200))
            let secret = Data("whsec_e2e".utf8)
            let automator = Automator(
                engine: fixture.engine, signer: WebhookSigner(secret: secret),
                sender: WebhookSender(transport: receiver, backoff: .zero))
            _ = try await automator.add(
                try Self.rule(
                    """
                    {"id": "cpa-alert", "name": "Tell us about expensive campaigns",
                     "scope": {"level": "campaign", "platforms": ["meta"]},
                     "conditions": {"metric": "cpa", "window": "last7Days", "op": ">", "value": 50},
                     "actions": [{"type": "notify", "url": "http://127.0.0.1:9/hooks/adops"}]}
                    """))
            let report = try #require(try await automator.runDue().reports.first)
            #expect(report.actionIDs.isEmpty)
            #expect(report.deliveries.count == 1 && report.deliveries.first?.response.succeeded == true)

            let sent = receiver.requests
            #expect(sent.count == 2)
            let last = try #require(sent.last)
            let body = try #require(last.body)
            #expect(sent.first?.headers["X-AdOps-Delivery"] == last.headers["X-AdOps-Delivery"])
            let signature = try #require(last.headers[WebhookSigner.signatureHeader])
            #expect(WebhookSigner(secret: secret).isValid(signature, for: body))
            let payload = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            let entities = try #require(payload["entities"] as? [[String: Any]])
            #expect(entities.count == 1)

            let history = try await automator.history(rule: "cpa-alert", campaign: nil, page: PageRequest())
            let line = try #require(history.items.first)
            #expect(history.total == 1 && line.campaignID == campaigns[1].id && line.action == "notify")
            #expect(!line.failed && line.response?.contains("HTTP 200") == true && line.actionID == nil)
            #expect(RuleExecution(record: line)?.response?.succeeded == true)
        }
    }
}

/// A rule run stopped dead half-way, with 30% of the emulator's changes failing: the restarted scheduler carries
/// out what was recorded, and every intended change happens exactly once.
@Suite("Automation rules after a crash")
struct RulesCrashTests {
    @Test("Killed after recording and one request, under 30% faults: each intended change once, none twice")
    func crashMidApplyUnderFaults() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            // CPA 12.5 (×2: scaled), 50 (left alone), 100 (×2: paused).
            let campaigns = try await RulesEndToEndTests.deliveringCampaigns(
                conversionRates: [0.04, 0.04, 0.01, 0.005, 0.005], clock: clock, fixture: fixture)
            let automator = Automator(engine: fixture.engine)
            _ = try await automator.add(
                try RulesEndToEndTests.rule(
                    """
                    {"id": "cpa-guard", "name": "Pause expensive", "scope": {"level": "campaign", "platforms": ["meta"]},
                     "conditions": {"metric": "cpa", "window": "last3Days", "op": ">", "value": 50},
                     "actions": [{"type": "pause"}]}
                    """))
            _ = try await automator.add(
                try RulesEndToEndTests.rule(
                    """
                    {"id": "scale", "name": "Scale cheap", "scope": {"level": "campaign", "platforms": ["meta"]},
                     "conditions": {"metric": "cpa", "window": "last3Days", "op": "<", "value": 20},
                     "actions": [{"type": "changeBudget", "percent": 10}]}
                    """))

            // The first process claims the due rules, records their plans, requests one action, and dies.
            let claimed = try await fixture.store.claimDueRules(now: clock.now)
            var rules: [Rule] = []
            for stored in claimed { rules.append(try await automator.rule(stored.id).rule) }
            let recorded = try await automator.record(rules)
            let planned = recorded.flatMap(\.requests)
            #expect(planned.count == 4)
            let early = try await fixture.engine.requestAction(try #require(planned.first))
            let lines = try await automator.history(rule: nil, campaign: nil, page: PageRequest())
            #expect(lines.total == 4 && lines.items.allSatisfy { $0.actionID == nil && $0.plannedActionID != nil })

            // A new process, with 30% of Meta's changes failing: its scheduler resumes, and the rules are not due.
            _ = mock.mock.faults.add(
                FaultRule(platform: "meta", method: "POST", kind: .status, status: 503, probability: 0.3))
            let scheduler = AutomationScheduler(
                automator: Automator(engine: fixture.engine),
                logger: Logger(label: "e2e.rules") { _ in SwiftLogNoOpLogHandler() })
            #expect(try await scheduler.runOnce().isEmpty)
            let actions = try await automator.history(rule: nil, campaign: nil, page: PageRequest()).items
                .compactMap(\.actionID)
            #expect(Set(actions) == Set(planned.compactMap(\.id)) && actions.contains(early.id))
            #expect(try await Automator(engine: fixture.engine).resume().isEmpty, "nothing left to resume")
            try await RulesEndToEndTests.finish(actions, in: fixture)
            mock.mock.faults.removeAll()

            let store = fixture.store
            for (index, campaign) in campaigns.enumerated() {
                let byRules = try await store.actions(campaign: campaign.id, page: PageRequest()).items
                    .filter { $0.requestedBy.hasPrefix("rule:") }
                let platformID = try #require(campaign.platformCampaignID)
                let entity = try #require(LifecycleActionTests.entity(platformID, on: .meta, in: fixture))
                switch index {
                case 0, 1:
                    #expect(byRules.count == 1 && byRules.first?.status == .done, "campaign \(index)")
                    #expect(entity.dailyBudgetMicros == 220_000_000 && entity.isActive, "campaign \(index)")
                case 2:
                    #expect(byRules.isEmpty && entity.dailyBudgetMicros == 200_000_000 && entity.isActive)
                default:
                    #expect(byRules.count == 1 && byRules.first?.status == .done, "campaign \(index)")
                    #expect(!entity.isActive && entity.dailyBudgetMicros == 200_000_000, "campaign \(index)")
                }
                #expect(byRules.allSatisfy { $0.changes.count == 1 }, "one change each, campaign \(index)")
            }
            let history = try await automator.history(rule: nil, campaign: nil, page: PageRequest())
            #expect(history.total == 4 && history.items.allSatisfy { $0.actionStatus == .done })
        }
    }
}
