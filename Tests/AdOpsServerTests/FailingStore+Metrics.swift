import AdPlatformKit
import Foundation
import Trafficking

extension FailingStore {
    func recordObservations(_ observations: [EntityObservation], source: ObservationSource) async throws -> [Drift] {
        throw Failure()
    }
    func syncTargets(account: UUID, endedSince: Date) async throws -> [SyncTarget] { throw Failure() }
    func startSyncRun(_ run: SyncRun, staleAfter: Duration) async throws -> SyncStart { throw Failure() }
    func recordSyncChunk(_ chunk: SyncChunk) async throws -> [Drift] { throw Failure() }
    func finishSyncRun(_ run: SyncRun) async throws { throw Failure() }
    func syncRuns(account: UUID?, page: PageRequest) async throws -> Page<SyncRun> { throw Failure() }
    func syncRun(_ id: UUID) async throws -> SyncRun? { throw Failure() }
    func metrics(campaign: UUID, since: String, until: String, level: EntityKind?) async throws -> [DailyMetric] {
        throw Failure()
    }
    func drifts(campaign: UUID) async throws -> [Drift] { throw Failure() }
}

extension FailingStore {
    func queueSyncRun(_ run: SyncRun) async throws { throw Failure() }
    func claimSyncRun(staleAfter: Duration) async throws -> SyncStart? { throw Failure() }
}
