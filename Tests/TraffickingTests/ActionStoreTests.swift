import AdPlatformKit
import Foundation
import Testing

@testable import Trafficking

/// Lifecycle actions in the store: stored with their steps, claimed with leases one at a time per campaign, each
/// step recorded as it is made, and ended in one write that brings the campaign and its mappings up to date.
@Suite("Lifecycle actions in the store")
struct ActionStoreTests {
    static let lease: Duration = .seconds(60)
    static let later = StoreFixtures.epoch.addingTimeInterval(7200)

    /// A store with `count` launched Meta campaigns (campaign c1, ad set g1, creative, ad a1 each).
    static func launched(_ count: Int = 1) async throws -> (SQLiteTraffickingStore, [Campaign]) {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(count)
        _ = try await store.claimJobs(owner: "w", limit: count, lease: lease, now: CampaignStoreTests.later)
        var campaigns: [Campaign] = []
        for job in jobs {
            try await CampaignStoreTests.launch(job, in: store)
            try await store.finish(job: job.id, owner: "w", outcome: .success(platformCampaignID: "c1"))
            campaigns.append(try #require(try await store.campaign(job: job.id)))
        }
        return (store, campaigns)
    }

    /// An action on `campaign` with one step per `(level, id)`.
    static func action(
        _ kind: ActionKind, on campaign: Campaign, steps: [(ActionLevel, String)] = [(.campaign, "c1")]
    ) -> NewLifecycleAction {
        NewLifecycleAction(
            id: StoreFixtures.jobID(), campaignID: campaign.id, kind: kind, level: steps.first?.0 ?? .campaign,
            targets: [], requestedBy: "cli",
            steps: steps.enumerated().map { position, step in
                ActionStep(
                    position: position, level: step.0, platformID: step.1, parentPlatformID: nil, name: step.1,
                    newValue: kind.newValue, oldValue: nil, oldValueSource: nil)
            })
    }

    static func call(action: UUID, path: String) -> APICallRecord {
        APICallRecord(
            jobID: nil, platform: .meta, at: later, method: "POST", path: path, status: 200, durationMilliseconds: 3,
            requestSummary: "form", responseSummary: #"{"success":true}"#, actionID: action)
    }

    @Test("an action is stored PENDING with its steps and who asked; an unknown campaign is refused")
    func enqueue() async throws {
        let (store, campaigns) = try await Self.launched()
        let new = Self.action(.pause, on: campaigns[0], steps: [(.campaign, "c1"), (.adGroup, "g1")])
        let stored = try await store.enqueueAction(new)
        #expect(stored.status == .pending && stored.attempts == 0 && stored.requestedBy == "cli")
        #expect(stored.platform == .meta && stored.accountID == campaigns[0].accountID)
        #expect(stored.steps.map(\.platformID) == ["c1", "g1"])
        #expect(stored.steps.allSatisfy { $0.state == .pending && $0.newValue == .status(.paused) })
        #expect(try await store.action(new.id) == stored)
        let log = try await store.actionLog(new.id)
        #expect(log.map(\.event) == ["requested"])
        #expect(log.first?.message.contains("cli asked to pause") == true)
        #expect(try await store.actions(campaign: campaigns[0].id, page: PageRequest()).items.map(\.id) == [new.id])

        var orphan = Self.action(.pause, on: campaigns[0])
        orphan.campaignID = UUID()
        await #expect(throws: StoreError.self) { try await store.enqueueAction(orphan) }
        let budget = Budget(.daily, Money(minorUnits: 25_000, currency: .usd))
        let raise = try await store.enqueueAction(Self.action(.budget(budget), on: campaigns[0]))
        #expect(raise.kind == .budget(budget))
    }

    @Test("a campaign's actions are claimed one at a time, in order; other campaigns' run beside them")
    func oneAtATimePerCampaign() async throws {
        let (store, campaigns) = try await Self.launched(2)
        let pause = try await store.enqueueAction(Self.action(.pause, on: campaigns[0]))
        let resume = try await store.enqueueAction(Self.action(.resume, on: campaigns[0]))
        let other = try await store.enqueueAction(Self.action(.pause, on: campaigns[1]))

        let first = try await store.claimActions(owner: "a", limit: 10, lease: Self.lease, now: Self.later)
        #expect(first.map(\.id) == [pause.id, other.id])
        #expect(first.allSatisfy { $0.status == .processing && $0.attempts == 1 && $0.leaseOwner == "a" })
        #expect(try await store.claimActions(owner: "b", limit: 10, lease: Self.lease, now: Self.later).isEmpty)

        try await store.finishAction(pause.id, owner: "a", outcome: .done, records: .none)
        let next = try await store.claimActions(owner: "b", limit: 10, lease: Self.lease, now: Self.later)
        #expect(next.map(\.id) == [resume.id])
    }

    @Test("an expired lease is taken over and counted; a worker that lost it writes no step")
    func leases() async throws {
        let (store, campaigns) = try await Self.launched()
        let action = try await store.enqueueAction(Self.action(.pause, on: campaigns[0]))
        _ = try await store.claimActions(owner: "dead", limit: 1, lease: .seconds(1), now: Self.later)
        #expect(try await store.renewLease(action: action.id, owner: "dead", until: Self.later.addingTimeInterval(1)))
        #expect(try await store.renewLease(action: action.id, owner: "other", until: Self.later) == false)
        #expect(
            try await store.claimActions(owner: "b", limit: 1, lease: Self.lease, now: Self.later).isEmpty,
            "the lease still runs")
        let taken = try await store.claimActions(
            owner: "b", limit: 1, lease: Self.lease, now: Self.later.addingTimeInterval(5))
        #expect(taken.first?.id == action.id && taken.first?.attempts == 2 && taken.first?.takeovers == 1)

        let calls = [Self.call(action: action.id, path: "/v21.0/c1/")]
        let stale = try await store.startActionStep(
            action.id, owner: "dead", position: 0, oldValue: .status(.active), source: .platform,
            records: ActionRunRecords(calls: calls))
        #expect(stale == false)
        #expect(try await store.action(action.id)?.steps.first?.state == .pending)
        #expect(try await store.apiCalls(action: action.id) == calls, "what happened is recorded either way")
        try await store.finishAction(action.id, owner: "dead", outcome: .done, records: .none)
        #expect(try await store.action(action.id)?.status == .processing, "only the holder ends it")
    }

    @Test("a resumed action keeps the old value it recorded and skips the steps done")
    func resumeAfterCrash() async throws {
        let (store, campaigns) = try await Self.launched()
        let action = try await store.enqueueAction(
            Self.action(.activate, on: campaigns[0], steps: [(.ad, "a1"), (.adGroup, "g1"), (.campaign, "c1")]))
        _ = try await store.claimActions(owner: "dead", limit: 1, lease: .seconds(1), now: Self.later)
        for position in 0..<2 {
            #expect(
                try await store.startActionStep(
                    action.id, owner: "dead", position: position, oldValue: .status(.paused), source: .platform,
                    records: .none))
        }
        #expect(
            try await store.completeActionStep(
                action.id, owner: "dead", position: 0, response: "HTTP 200: {}", records: .none))
        // The worker dies after sending step 1, before recording it.
        let resumed = try #require(
            try await store.claimActions(owner: "b", limit: 1, lease: Self.lease, now: Self.later.addingTimeInterval(5))
                .first)
        #expect(resumed.steps.map(\.state) == [.done, .started, .pending])
        #expect(resumed.steps[1].oldValue == .status(.paused) && resumed.steps[1].oldValueSource == .platform)
        #expect(resumed.changes.map(\.platformID) == ["a1"])
        #expect(resumed.steps[0].response == "HTTP 200: {}" && resumed.steps[0].finishedAt != nil)
    }

    @Test("the end brings the campaign and the mappings up to date with the done steps, in the same write")
    func finishUpdatesRecords() async throws {
        let (store, campaigns) = try await Self.launched()
        let campaign = campaigns[0]
        #expect(campaign.status == .paused)
        let activate = try await store.enqueueAction(
            Self.action(.activate, on: campaign, steps: [(.ad, "a1"), (.adGroup, "g1"), (.campaign, "c1")]))
        _ = try await store.claimActions(owner: "w", limit: 1, lease: Self.lease, now: Self.later)
        for position in 0..<3 {
            _ = try await store.startActionStep(
                activate.id, owner: "w", position: position, oldValue: .status(.paused), source: .platform,
                records: .none)
            _ = try await store.completeActionStep(
                activate.id, owner: "w", position: position, response: "HTTP 200", records: .none)
        }
        let log = ActionLogEntry(actionID: activate.id, at: Self.later, event: "done", message: "3 entities")
        try await store.finishAction(
            activate.id, owner: "w", outcome: .done,
            records: ActionRunRecords(calls: [Self.call(action: activate.id, path: "/v21.0/c1/")], log: [log]))
        let done = try #require(try await store.action(activate.id))
        #expect(done.status == .done && done.finishedAt != nil && done.leaseOwner == nil && done.error == nil)
        var detail = try #require(try await store.campaignDetail(campaign.id))
        #expect(detail.campaign.status == .live)
        let statuses = Dictionary(uniqueKeysWithValues: detail.mappings.map { ($0.platformID, $0.lastSeenStatus) })
        #expect(statuses["c1"] == .active && statuses["g1"] == .active && statuses["a1"] == .active)
        #expect(try await store.actionLog(activate.id).map(\.event) == ["requested", "done"])
        #expect(try await store.apiCalls(action: activate.id).count == 1)
        #expect(try await store.apiCalls(job: campaign.jobID).allSatisfy { $0.actionID == nil })

        // A budget that failed after its one step: the change made is kept in our records.
        let budget = Budget(.daily, Money(minorUnits: 30_000, currency: .usd))
        let raise = try await store.enqueueAction(Self.action(.budget(budget), on: campaign))
        _ = try await store.claimActions(owner: "w", limit: 1, lease: Self.lease, now: Self.later)
        _ = try await store.startActionStep(
            raise.id, owner: "w", position: 0, oldValue: .budget(campaign.budget), source: .records, records: .none)
        _ = try await store.completeActionStep(raise.id, owner: "w", position: 0, response: nil, records: .none)
        let error = JobError(message: "boom", code: "permanent", platformCode: "1", step: "campaign/c1")
        try await store.finishAction(raise.id, owner: "w", outcome: .failed(error), records: .none)
        #expect(try await store.action(raise.id)?.error == error)
        detail = try #require(try await store.campaignDetail(campaign.id))
        #expect(detail.campaign.budget == budget)
        #expect(detail.mappings.first { $0.level == .campaign }?.lastSeenBudget == budget)
    }

    @Test("an action whose retries ran out waits in the queue with its error, and blocks the campaign's next one")
    func release() async throws {
        let (store, campaigns) = try await Self.launched()
        let first = try await store.enqueueAction(Self.action(.pause, on: campaigns[0]))
        let second = try await store.enqueueAction(Self.action(.resume, on: campaigns[0]))
        _ = try await store.claimActions(owner: "w", limit: 1, lease: Self.lease, now: Self.later)
        let error = JobError(message: "Service Unavailable", code: "transient", step: "campaign/c1")
        try await store.releaseAction(
            first.id, owner: "w", notBefore: Self.later.addingTimeInterval(30), error: error, records: .none)
        let waiting = try #require(try await store.action(first.id))
        #expect(waiting.status == .pending && waiting.error == error && waiting.leaseOwner == nil)
        #expect(try await store.claimActions(owner: "w", limit: 5, lease: Self.lease, now: Self.later).isEmpty)
        let due = try await store.claimActions(
            owner: "w", limit: 5, lease: Self.lease, now: Self.later.addingTimeInterval(31))
        #expect(due.map(\.id) == [first.id], "\(second.id) waits for it")
    }
}
