import AdPlatformKit
import Foundation

/// Lifecycle actions: a queue the worker claims from with leases, like jobs, with each entity's change recorded as
/// it is made (the action's ledger) and an end that brings the campaign and its entity mappings up to date in the
/// same write.
public protocol ActionStore: Sendable {
    /// Stores an action PENDING, with its planned steps, in one write. Throws ``StoreError`` `notFound` when the
    /// campaign does not exist.
    func enqueueAction(_ action: NewLifecycleAction) async throws -> LifecycleAction
    /// An action with its steps, or `nil`.
    func action(_ id: UUID) async throws -> LifecycleAction?
    /// A campaign's actions, newest first.
    func actions(campaign: UUID, page: PageRequest) async throws -> Page<LifecycleAction>
    /// Claims up to `limit` actions: PENDING ones due by `now` that no earlier unfinished action of the same
    /// campaign precedes (a campaign's actions run one at a time, in the order asked), and PROCESSING ones whose
    /// lease expired. Each becomes PROCESSING, leased to `owner` until `now + lease`, with one more attempt; taking
    /// over an expired lease also counts a takeover.
    func claimActions(owner: String, limit: Int, lease: Duration, now: Date) async throws -> [LifecycleAction]
    /// Extends a lease the owner still holds; `false` when it lost the action.
    func renewLease(action: UUID, owner: String, until: Date) async throws -> Bool
    /// Records that a step is about to call the platform, with the old value it found, and the run's records so
    /// far; `false` (nothing but the records written) when `owner` no longer holds the action.
    func startActionStep(
        _ action: UUID, owner: String, position: Int, oldValue: ActionValue?, source: ActionStep.Source?,
        records: ActionRunRecords
    ) async throws -> Bool
    /// Records that a step's change is made, with the platform's answer, as soon as it is made, so a resumed
    /// action skips it; `false` (nothing but the records written) when `owner` no longer holds the action.
    func completeActionStep(
        _ action: UUID, owner: String, position: Int, response: String?, records: ActionRunRecords
    ) async throws -> Bool
    /// Gives an action back as PENDING, not to be claimed before `notBefore`, recording why; its done steps stay.
    func releaseAction(
        _ action: UUID, owner: String, notBefore: Date, error: JobError?, records: ActionRunRecords
    ) async throws
    /// Ends an action the owner holds and, in the same write, sets the last-seen status or budget of every entity
    /// its done steps changed, and the campaign's status or budget where the change reaches it. Does nothing to the
    /// action when `owner` no longer holds it; the records are written either way.
    func finishAction(
        _ action: UUID, owner: String, outcome: ActionOutcome, records: ActionRunRecords
    ) async throws
    /// An action's log, oldest first.
    func actionLog(_ action: UUID) async throws -> [ActionLogEntry]
    /// An action's API calls, oldest first.
    func apiCalls(action: UUID) async throws -> [APICallRecord]
    /// Wakes this process's idle workers when an action is stored, or `nil` when the store cannot tell; workers
    /// then find new actions by polling.
    var workSignal: WorkSignal? { get }
}

extension ActionStore {
    /// No signal: workers poll.
    public var workSignal: WorkSignal? { nil }
}
