import AdPlatformKit
import AdPlatformTesting
import Foundation
import MockPlatforms
import Testing
import Trafficking

/// Lifecycle actions against the in-process emulators of all four platforms: activate, pause, resume and budget at
/// the level each platform needs, through the worker; old and new values logged; refusals before any call; a crash
/// between the platform's answer and our record; transient faults.
@Suite("Lifecycle actions end to end")
struct LifecycleActionTests {
    /// Thrown by the first worker's sleep, which it calls only to back off after the dropped answer: from there on
    /// the first worker does nothing more, as if the process had died.
    struct SimulatedCrash: Error {}

    /// The level each platform holds budgets at, as its capabilities say.
    static let budgetLevel: [PlatformID: ActionLevel] = [
        .meta: .campaign, .tiktok: .adGroup, .snapchat: .adGroup, .google: .campaign,
    ]

    /// The method and path of each platform's status change of a campaign, as a fault-rule pattern.
    static let campaignStatusCall: [PlatformID: (method: String, path: String)] = [
        .meta: ("POST", "/v*/*/"),
        .tiktok: ("POST", "/open_api/v1.3/campaign/status/update/"),
        .snapchat: ("PUT", "/v1/adaccounts/*/campaigns"),
        .google: ("POST", "/v*/customers/1234567890/campaigns:mutate"),
    ]

    /// Launches the sample request paused on one platform and returns its campaign of ours.
    static func launch(_ platform: PlatformID, in fixture: EngineFixture) async throws -> Campaign {
        let account = try #require(fixture.accounts[platform])
        let jobs = try await fixture.engine.submit(
            try EngineFixture.disneyRequest(mock: fixture.mock), accounts: [account.id])
        let finished = try await fixture.runUntilOver(jobs)
        try #require(finished.first?.status == .success, "\(finished.first?.error?.description ?? "")")
        return try #require(try await fixture.store.campaign(job: jobs[0].id))
    }

    /// Runs a worker until the action is over and returns it.
    static func run(
        _ action: LifecycleAction, in fixture: EngineFixture, worker: TraffickingWorker? = nil
    ) async throws -> LifecycleAction {
        let store = fixture.store
        try await (worker ?? fixture.worker()).run {
            try await store.action(action.id)?.status.isTerminal ?? true
        }
        return try #require(try await store.action(action.id))
    }

    /// Asks for an action as the CLI does.
    static func request(
        _ kind: ActionKind, on campaign: Campaign, level: ActionLevel = .campaign, entities: [String] = [],
        in fixture: EngineFixture
    ) async throws -> LifecycleAction {
        try await fixture.engine.requestAction(
            ActionRequest(
                campaignID: campaign.id, kind: kind, level: level, entityIDs: entities, requestedBy: "test"))
    }

    /// The emulator's entity of a platform with an id.
    static func entity(_ id: String, on platform: PlatformID, in fixture: EngineFixture) -> MockEntity? {
        fixture.mock.mock.world.snapshot().entities.values.first {
            $0.platform == platform.rawValue && ($0.id == id || $0.id.hasSuffix("~\(id)"))
        }
    }

    /// Every status-bearing entity of the campaign, read back through the platform module.
    static func statuses(
        of campaign: Campaign, in fixture: EngineFixture
    ) async throws -> [String: DeliveryStatus] {
        let module = try #require(fixture.module(campaign.platform) as? any EntityReading)
        let account = try #require(try await fixture.store.account(campaign.accountID))
        let credentials = try #require(try await fixture.store.credentials(ofAccount: campaign.accountID))
        let detail = try #require(try await fixture.store.campaignDetail(campaign.id))
        var found: [String: DeliveryStatus] = [:]
        for mapping in detail.mappings where [.campaign, .adGroup, .ad].contains(mapping.level) {
            let entity = try await module.readEntity(
                mapping.level, id: mapping.platformID, in: account.context(credentials: credentials))
            found["\(mapping.level)/\(mapping.platformID)"] = entity.status
        }
        return found
    }

    @Test(
        "activate, pause, resume and budget at the platform's level; records and the platform agree",
        arguments: PlatformID.builtIn)
    func lifecycle(platform: PlatformID) async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let campaign = try await Self.launch(platform, in: fixture)
            #expect(campaign.status == .paused)
            #expect(try await Self.statuses(of: campaign, in: fixture).values.allSatisfy { $0 == .paused })

            // Activation: every level, bottom-up, old values read from the platform.
            let activated = try await Self.run(
                try await Self.request(.activate, on: campaign, in: fixture), in: fixture)
            #expect(activated.status == .done, "\(activated.error?.description ?? "")")
            #expect(activated.changes.count == activated.steps.count && activated.steps.count >= 3)
            let levels = activated.changes.map(\.level)
            #expect(levels.first == .ad && levels.last == .campaign)
            #expect(
                levels
                    == levels.sorted {
                        ($0 == .ad ? 0 : $0 == .adGroup ? 1 : 2) < ($1 == .ad ? 0 : $1 == .adGroup ? 1 : 2)
                    })
            #expect(activated.changes.allSatisfy { $0.oldValue == .status(.paused) && $0.oldValueSource == .platform })
            #expect(activated.changes.allSatisfy { $0.response?.hasPrefix("HTTP 200") == true })
            #expect(try await Self.statuses(of: campaign, in: fixture).values.allSatisfy { $0 == .active })
            var detail = try #require(try await fixture.store.campaignDetail(campaign.id))
            #expect(detail.campaign.status == .live)
            #expect(
                detail.mappings.filter { [.campaign, .adGroup, .ad].contains($0.level) }
                    .allSatisfy { $0.lastSeenStatus == .active })
            let log = try await fixture.store.actionLog(activated.id)
            #expect(log.filter { $0.event == "changed" }.count == activated.steps.count)
            #expect(log.contains { $0.event == "changed" && $0.message.contains("PAUSED → ACTIVE") })
            #expect(log.first?.message.contains("test asked to activate") == true)
            #expect(try await fixture.store.apiCalls(action: activated.id).count >= activated.steps.count)

            // Pause at the campaign level stops delivery; the children keep their status.
            let paused = try await Self.run(try await Self.request(.pause, on: campaign, in: fixture), in: fixture)
            #expect(paused.status == .done && paused.changes.map(\.level) == [.campaign])
            #expect(paused.changes.first?.oldValue == .status(.active))
            var statuses = try await Self.statuses(of: campaign, in: fixture)
            #expect(statuses["campaign/\(campaign.platformCampaignID ?? "")"] == .paused)
            #expect(statuses.filter { $0.key.hasPrefix("ad") }.values.allSatisfy { $0 == .active })
            #expect(try await fixture.store.campaign(campaign.id)?.status == .paused)
            let resumed = try await Self.run(try await Self.request(.resume, on: campaign, in: fixture), in: fixture)
            #expect(resumed.status == .done)
            statuses = try await Self.statuses(of: campaign, in: fixture)
            #expect(statuses.values.allSatisfy { $0 == .active })
            #expect(try await fixture.store.campaign(campaign.id)?.status == .live)

            // Budget at the level the platform holds it.
            let level = try #require(Self.budgetLevel[platform])
            let budget = Budget(.daily, Money(minorUnits: 25_000, currency: .usd))
            let raised = try await Self.run(
                try await Self.request(.budget(budget), on: campaign, level: level, in: fixture), in: fixture)
            #expect(raised.status == .done, "\(raised.error?.description ?? "")")
            #expect(raised.changes.allSatisfy { $0.level == level && $0.newValue == .budget(budget) })
            #expect(raised.changes.allSatisfy { $0.oldValue?.budget != nil && $0.oldValueSource == .records })
            for change in raised.changes {
                let held = try #require(Self.entity(change.platformID, on: platform, in: fixture))
                #expect(held.dailyBudgetMicros == 250_000_000, "\(platform) \(change.platformID)")
            }
            detail = try #require(try await fixture.store.campaignDetail(campaign.id))
            #expect(detail.mappings.filter { $0.level == level.kind }.allSatisfy { $0.lastSeenBudget == budget })
            if level == .campaign {
                #expect(detail.campaign.budget == budget)
            } else {
                let groups = detail.mappings.filter { $0.level == .adGroup }.count
                #expect(detail.campaign.budget.amount.minorUnits == Int64(groups) * 25_000)
            }
            let changes = try await fixture.store.actionLog(raised.id).filter { $0.event == "changed" }
            #expect(changes.allSatisfy { $0.message.contains("→ 250.00 USD daily") })
        }
    }

    @Test(
        "refusals come before any platform call, naming the platform and the capability", arguments: PlatformID.builtIn)
    func refusals(platform: PlatformID) async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let campaign = try await Self.launch(platform, in: fixture)
            let before = mock.mock.journal.count
            let held = try #require(Self.budgetLevel[platform])
            let wrongLevel: ActionLevel = held == .campaign ? .adGroup : .campaign
            let budget = Budget(.daily, Money(minorUnits: 25_000, currency: .usd))
            let placement = await #expect(throws: ActionError.self) {
                try await Self.request(.budget(budget), on: campaign, level: wrongLevel, in: fixture)
            }
            #expect(placement?.kind == .unsupported && placement?.violations.first?.platform == platform)
            #expect(placement?.message.contains("BudgetRules.placement") == true)
            let unknown = await #expect(throws: ActionError.self) {
                try await Self.request(.pause, on: campaign, level: .ad, entities: ["999"], in: fixture)
            }
            #expect(unknown?.kind == .unknownEntity)
            // Google sets no minimum but takes daily budgets only; the others have a daily minimum.
            let refused =
                platform == .google
                ? Budget(.lifetime, Money(minorUnits: 25_000, currency: .usd))
                : Budget(.daily, Money(minorUnits: 1, currency: .usd))
            let low = await #expect(throws: ActionError.self) {
                try await Self.request(.budget(refused), on: campaign, level: held, in: fixture)
            }
            #expect(low?.kind == (platform == .google ? .unsupported : .budgetBelowMinimum))
            if platform != .google { #expect(low?.violations.first?.limit?.hasPrefix("at least") == true) }
            // Nothing was stored, and the emulator saw no call.
            #expect(try await fixture.store.actions(campaign: campaign.id, page: PageRequest()).total == 0)
            #expect(mock.mock.journal.count == before)
        }
    }

    @Test("an action on a campaign whose launch has not finished is refused: not launched")
    func notLaunched() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let account = try #require(fixture.accounts[.meta])
            let jobs = try await fixture.engine.submit(
                try EngineFixture.disneyRequest(mock: mock), accounts: [account.id])
            let campaign = try #require(try await fixture.store.campaign(job: jobs[0].id))
            let error = await #expect(throws: ActionError.self) {
                try await Self.request(.pause, on: campaign, in: fixture)
            }
            #expect(error?.kind == .notLaunched)
            let missing = await #expect(throws: ActionError.self) {
                try await fixture.engine.requestAction(
                    ActionRequest(campaignID: UUID(), kind: .pause, requestedBy: "test"))
            }
            #expect(missing?.kind == .campaignNotFound)
        }
    }

    @Test(
        "killed between the platform's answer and our record, the action completes once", arguments: PlatformID.builtIn)
    func crashBetweenAnswerAndRecord(platform: PlatformID) async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let campaign = try await Self.launch(platform, in: fixture)
            let activated = try await Self.run(
                try await Self.request(.activate, on: campaign, in: fixture), in: fixture)
            try #require(activated.status == .done)
            let call = try #require(Self.campaignStatusCall[platform])
            // The emulator pauses the campaign, then drops the connection before answering.
            _ = mock.mock.faults.add(
                FaultRule(
                    platform: platform.rawValue, method: call.method, path: call.path, kind: .dropResponse, remaining: 1
                ))
            let action = try await Self.request(.pause, on: campaign, in: fixture)
            let mark = mock.mock.journal.query().last?.sequence ?? 0
            let lease: Duration = .seconds(2)
            let first = fixture.worker(owner: "worker-a", lease: lease, sleep: { _ in throw SimulatedCrash() })
            await #expect(throws: SimulatedCrash.self) { try await first.runNextAction() }
            let crashed = try #require(try await fixture.store.action(action.id))
            #expect(crashed.status == .processing && crashed.steps.first?.state == .started)
            #expect(crashed.steps.first?.oldValue == .status(.active))
            let platformCampaign = try #require(campaign.platformCampaignID)
            #expect(Self.entity(platformCampaign, on: platform, in: fixture)?.isActive == false, "the change was made")

            let second = fixture.worker(owner: "worker-b", lease: .seconds(30))
            #expect(try await second.runNextAction() == false, "the dead worker's lease still runs")
            clock.advance(by: lease + .seconds(1))
            #expect(try await second.runNextAction())
            let done = try #require(try await fixture.store.action(action.id))
            #expect(done.status == .done && done.attempts == 2 && done.takeovers == 1)
            #expect(done.changes.count == 1 && done.changes.first?.oldValue == .status(.active))
            let log = try await fixture.store.actionLog(action.id)
            #expect(log.contains { $0.event == "recovered" && $0.message.contains("PAUSED") })
            #expect(log.filter { $0.event == "changed" }.isEmpty, "no second change was sent")
            let sets = mock.mock.journal.query(platform: platform.rawValue, method: call.method).filter {
                $0.sequence > mark && Self.matches($0.path, call.path)
            }
            #expect(sets.count == 1, "the status change reached the platform once")
            #expect(try await fixture.store.campaign(campaign.id)?.status == .paused)
        }
    }

    @Test("transient 503s are retried and the action ends done", arguments: PlatformID.builtIn)
    func transientFaults(platform: PlatformID) async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let campaign = try await Self.launch(platform, in: fixture)
            _ = mock.mock.faults.add(
                FaultRule(platform: platform.rawValue, kind: .status, status: 503, probability: 0.3))
            _ = mock.mock.faults.add(FaultRule(platform: platform.rawValue, kind: .status, status: 503, remaining: 2))
            let activated = try await Self.run(
                try await Self.request(.activate, on: campaign, in: fixture), in: fixture)
            #expect(activated.status == .done, "\(activated.error?.description ?? "")")
            let log = try await fixture.store.actionLog(activated.id)
            #expect(log.contains { $0.event == "retry" })
            mock.mock.faults.removeAll()
            #expect(try await Self.statuses(of: campaign, in: fixture).values.allSatisfy { $0 == .active })
        }
    }

    @Test("a permanent platform error fails the action with the platform's message; the changes made are kept")
    func permanentError() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let campaign = try await Self.launch(.meta, in: fixture)
            let detail = try #require(try await fixture.store.campaignDetail(campaign.id))
            let group = try #require(detail.mappings.first { $0.level == .adGroup })
            // Meta refuses to change the first ad set: the ads under every ad set are activated first.
            _ = mock.mock.faults.add(
                FaultRule(
                    platform: "meta", method: "POST", path: "/v*/\(group.platformID)/", kind: .platformError,
                    status: 400, code: "100", message: "Invalid parameter: the ad set is under review"))
            let action = try await Self.run(try await Self.request(.activate, on: campaign, in: fixture), in: fixture)
            #expect(action.status == .failed)
            #expect(action.error?.message == "Invalid parameter: the ad set is under review")
            #expect(action.error?.platformCode?.hasPrefix("100") == true)
            #expect(action.error?.step == "adGroup/\(group.platformID)")
            #expect(action.attempts == 1, "a permanent error is not retried")
            #expect(action.changes.map(\.level) == [.ad, .ad])
            let after = try #require(try await fixture.store.campaignDetail(campaign.id))
            #expect(after.campaign.status == .paused)
            #expect(after.mappings.filter { $0.level == .ad }.allSatisfy { $0.lastSeenStatus == .active })
            #expect(after.mappings.filter { $0.level == .adGroup }.allSatisfy { $0.lastSeenStatus == .paused })
            let log = try await fixture.store.actionLog(action.id)
            #expect(log.last?.event == "failed" && log.last?.message.contains("under review") == true)
        }
    }

    @Test("a worker that loses an action's lease leaves it to the new holder and goes on with the next")
    func leaseLost() async throws {
        let clock = ManualWallClock.fromEnvironment()
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration(clock: clock)) { mock in
            let fixture = try await EngineFixture.make(mock: mock, inProcess: true)
            let first = try await Self.launch(.meta, in: fixture)
            let second = try await Self.launch(.meta, in: fixture)
            // The first pause hangs on the platform long enough for its lease to be taken.
            _ = mock.mock.faults.add(
                FaultRule(platform: "meta", method: "POST", kind: .latency, latencyMilliseconds: 2_000, remaining: 1))
            let slow = try await Self.request(.pause, on: first, in: fixture)
            let worker = fixture.worker(owner: "worker-a", lease: .milliseconds(600), concurrency: 1)
            let store = fixture.store
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await worker.run() }
                defer { group.cancelAll() }
                while try await store.action(slow.id)?.steps.first?.state != .started {
                    try await Task.sleep(for: .milliseconds(10))
                }
                let taken = try await store.claimActions(
                    owner: "thief", limit: 1, lease: .seconds(60), now: clock.now.addingTimeInterval(5))
                #expect(taken.map(\.id) == [slow.id])
                let next = try await Self.request(.pause, on: second, in: fixture)
                let deadline = ContinuousClock.now + .seconds(20)
                while try await store.action(next.id)?.status != .done, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(try await store.action(next.id)?.status == .done, "the worker went on after losing a lease")
            }
            let left = try #require(try await store.action(slow.id))
            #expect(left.status == .processing && left.leaseOwner == "thief")
        }
    }

    /// Whether a journal path matches a fault-rule pattern with `*` wildcards.
    static func matches(_ path: String, _ pattern: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(path)
        for (index, part) in parts.enumerated() {
            if index == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if index == parts.count - 1 {
                return part.isEmpty || rest.hasSuffix(part)
            } else if let range = rest.range(of: part) {
                rest = rest[range.upperBound...]
            } else {
                return false
            }
        }
        return rest.isEmpty
    }
}

// MARK: - Bids, targeting and archive, over sockets

extension LifecycleActionTests {
    /// The campaign's account context, as the worker builds it.
    static func context(of campaign: Campaign, in fixture: EngineFixture) async throws -> AccountContext {
        let account = try #require(try await fixture.store.account(campaign.accountID))
        let credentials = try #require(try await fixture.store.credentials(ofAccount: campaign.accountID))
        return account.context(credentials: credentials)
    }

    /// The campaign's mapped entities at a level, as the platform modules address them.
    static func entities(
        of campaign: Campaign, at level: EntityKind, in fixture: EngineFixture
    ) async throws -> [PlatformEntity] {
        let detail = try #require(try await fixture.store.campaignDetail(campaign.id))
        return detail.mappings.filter { $0.level == level }.map {
            PlatformEntity(
                platform: campaign.platform, kind: level, id: $0.platformID, name: $0.name,
                parentID: $0.parentPlatformID)
        }
    }

    @Test(
        "a cost-cap bid on every ad group takes effect on the emulator; old bids are read from it first",
        arguments: PlatformID.builtIn)
    func bid(platform: PlatformID) async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let campaign = try await Self.launch(platform, in: fixture)
            let bid = BidStrategy.costCap(Money(minorUnits: 1_250, currency: .usd))
            let action = try await Self.run(
                try await Self.request(.bid(bid), on: campaign, level: .adGroup, in: fixture), in: fixture)
            #expect(action.status == .done, "\(action.error?.description ?? "")")
            #expect(action.changes.count == action.steps.count && !action.steps.isEmpty)
            #expect(action.changes.allSatisfy { $0.oldValue?.bid != nil && $0.oldValueSource == .platform })
            let module = try #require(fixture.module(platform) as? any BidChanging)
            let context = try await Self.context(of: campaign, in: fixture)
            for group in try await Self.entities(of: campaign, at: .adGroup, in: fixture) {
                #expect(try await module.bid(of: group, in: context) == bid, "\(platform) \(group.id)")
            }
            let log = try await fixture.store.actionLog(action.id).filter { $0.event == "changed" }
            #expect(log.count == action.steps.count && log.allSatisfy { $0.message.contains("→ costCap 12.50 USD") })
        }
    }

    @Test(
        "a targeting change takes effect on the emulator where each platform holds the field; the rest is kept",
        arguments: PlatformID.builtIn)
    func targeting(platform: PlatformID) async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let campaign = try await Self.launch(platform, in: fixture)
            let ages = AgeRange(minimum: 25, maximum: 44)
            let module = try #require(fixture.module(platform) as? any TargetingChanging)
            let context = try await Self.context(of: campaign, in: fixture)
            let groups = try await Self.entities(of: campaign, at: .adGroup, in: fixture)
            let before = try await module.targeting(of: try #require(groups.first), in: context)
            // Google keeps countries on the campaign, ages and genders on the ad group.
            var requests: [(ActionLevel, TargetingChange)] = [
                (.adGroup, TargetingChange(countries: ["CA"], ageRange: ages, genders: [.female]))
            ]
            if platform == .google {
                requests = [
                    (.campaign, TargetingChange(countries: ["CA"])),
                    (.adGroup, TargetingChange(ageRange: ages, genders: [.female])),
                ]
            }
            for (level, change) in requests {
                let action = try await Self.run(
                    try await Self.request(.targeting(change), on: campaign, level: level, in: fixture), in: fixture)
                #expect(action.status == .done, "\(action.error?.description ?? "")")
                #expect(action.changes.allSatisfy { $0.oldValue?.targeting != nil && $0.oldValueSource == .platform })
            }
            for group in groups {
                let after = try await module.targeting(of: group, in: context)
                #expect(after.countries == ["CA"], "\(platform) \(group.id)")
                #expect(after.ageRange == ages && after.genders == [.female], "\(platform) \(group.id): \(after)")
                #expect(after.interests == before.interests && after.keywords == before.keywords)
            }
        }
    }

    @Test("archive: the campaign is archived on the emulator and in our records; any later action is refused")
    func archive() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            for platform in [PlatformID.meta, .google] {
                let campaign = try await Self.launch(platform, in: fixture)
                let action = try await Self.run(
                    try await Self.request(.archive, on: campaign, in: fixture), in: fixture)
                #expect(action.status == .done, "\(platform): \(action.error?.description ?? "")")
                #expect(action.changes.first?.oldValue == .status(.paused))
                #expect(action.changes.first?.newValue == .archived)
                let statuses = try await Self.statuses(of: campaign, in: fixture)
                #expect(statuses["campaign/\(campaign.platformCampaignID ?? "")"] == .removed, "\(platform)")
                let held = try #require(Self.entity(campaign.platformCampaignID ?? "", on: platform, in: fixture))
                #expect(!held.isActive, "\(platform): archived entities do not deliver")
                #expect(try await fixture.store.campaign(campaign.id)?.status == .archived)
                let calls = mock.mock.journal.count
                for kind in [ActionKind.resume, .archive, .bid(.automatic)] {
                    let refused = await #expect(throws: ActionError.self) {
                        try await Self.request(kind, on: campaign, level: .adGroup, in: fixture)
                    }
                    #expect(refused?.kind == .archived, "\(platform) \(kind)")
                    #expect(refused?.message.contains("archived") == true)
                }
                #expect(mock.mock.journal.count == calls, "refused before any call")
            }
        }
    }

    @Test(
        "archive is refused where the platform has no archived state; nothing asked after an archive reaches the platform"
    )
    func archiveRefusedAndQueued() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            for platform in [PlatformID.tiktok, .snapchat] {
                let campaign = try await Self.launch(platform, in: fixture)
                let calls = mock.mock.journal.count
                let refused = await #expect(throws: ActionError.self) {
                    try await Self.request(.archive, on: campaign, in: fixture)
                }
                #expect(refused?.kind == .unsupported && refused?.violations.first?.limit == "status.archive")
                #expect(refused?.message.contains("has no archived state") == true)
                #expect(mock.mock.journal.count == calls)
            }
            // A pause asked before an archive runs after it, and finds the campaign archived.
            let campaign = try await Self.launch(.meta, in: fixture)
            let pause = try await Self.request(.pause, on: campaign, in: fixture)
            let archive = try await Self.request(.archive, on: campaign, in: fixture)
            let late = await #expect(throws: ActionError.self) {
                try await Self.request(.resume, on: campaign, in: fixture)
            }
            #expect(late?.kind == .archived, "an archive is waiting")
            // One stored behind the archive all the same (a request racing the archive's) fails without a call.
            let raced = try await fixture.store.enqueueAction(
                NewLifecycleAction(
                    id: .timeOrdered(at: fixture.store.clock.now), campaignID: campaign.id, kind: .resume,
                    level: .campaign, targets: [], requestedBy: "race", steps: pause.steps))
            #expect(try await Self.run(pause, in: fixture).status == .done)
            #expect(try await Self.run(archive, in: fixture).status == .done)
            #expect(try await fixture.store.campaign(campaign.id)?.status == .archived)
            let calls = mock.mock.journal.count
            let failed = try await Self.run(raced, in: fixture)
            #expect(failed.status == .failed && failed.error?.code == "archived", "\(failed.error?.description ?? "")")
            #expect(failed.changes.isEmpty && mock.mock.journal.count == calls)
        }
    }
}
