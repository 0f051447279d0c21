import AdPlatformKit
import Foundation
import Trafficking

extension FailingStore {
    func enqueueAction(_ action: NewLifecycleAction) async throws -> LifecycleAction { throw Failure() }
    func action(_ id: UUID) async throws -> LifecycleAction? { throw Failure() }
    func actions(campaign: UUID, page: PageRequest) async throws -> Page<LifecycleAction> { throw Failure() }
    func claimActions(owner: String, limit: Int, lease: Duration, now: Date) async throws -> [LifecycleAction] {
        throw Failure()
    }
    func renewLease(action: UUID, owner: String, until: Date) async throws -> Bool { throw Failure() }
    func startActionStep(
        _ action: UUID, owner: String, position: Int, oldValue: ActionValue?, source: ActionStep.Source?,
        records: ActionRunRecords
    ) async throws -> Bool { throw Failure() }
    func completeActionStep(
        _ action: UUID, owner: String, position: Int, response: String?, records: ActionRunRecords
    ) async throws -> Bool { throw Failure() }
    func releaseAction(
        _ action: UUID, owner: String, notBefore: Date, error: JobError?, records: ActionRunRecords
    ) async throws { throw Failure() }
    func finishAction(
        _ action: UUID, owner: String, outcome: ActionOutcome, records: ActionRunRecords
    ) async throws { throw Failure() }
    func actionLog(_ action: UUID) async throws -> [ActionLogEntry] { throw Failure() }
    func apiCalls(action: UUID) async throws -> [APICallRecord] { throw Failure() }
}
