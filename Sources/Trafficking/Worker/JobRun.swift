import AdPlatformKit
import Foundation
import Synchronization

/// The state of one job while a launcher walks it: the ledger as known so far, log lines and API calls not yet
/// written.
final class JobRun: Sendable {
    let job: CampaignJob
    /// The time of day steps and log lines are stamped with.
    let clock: WallClock
    private struct State {
        var ledger: [String: LedgerStep] = [:]
        var log: [ExecutionLogEntry] = []
        var pendingCompletions: [StepCompletion] = []
    }
    private let state = Mutex(State())

    /// The platform calls the job's pipeline records, until the next ledger write takes them.
    let calls: APICallCollector

    init(job: CampaignJob, clock: WallClock) {
        self.job = job
        self.clock = clock
        calls = APICallCollector(platform: job.platform, jobID: job.id)
    }

    /// The steps known, by key.
    var ledger: [String: LedgerStep] {
        get { state.withLock { $0.ledger } }
        set { state.withLock { $0.ledger = newValue } }
    }

    /// Whether any done step created an entity, so a failure now is a partial success.
    var createdAnything: Bool {
        state.withLock { state in state.ledger.values.contains { $0.state == .done && !$0.entities.isEmpty } }
    }

    /// The campaign id, once the campaign step is done.
    var campaignID: String? {
        state.withLock { state in
            state.ledger[TraffickingPlan.campaignStep].flatMap { step in
                step.state == .done ? (step.entities.last { $0.kind == .campaign } ?? step.entities.last)?.id : nil
            }
        }
    }

    /// Remembers a step's result until the next ledger write, which records it with the next step's start.
    func complete(_ completion: StepCompletion, kind: EntityKind, marker: IdempotencyMarker?) {
        let now = clock.now
        state.withLock { state in
            state.pendingCompletions.append(completion)
            state.ledger[completion.key] = LedgerStep(
                jobID: job.id, key: completion.key, kind: kind, state: .done, marker: marker?.value,
                entities: completion.entities, media: completion.media, startedAt: now, finishedAt: now)
        }
    }

    /// The step results not yet written, in the order they finished, forgotten here.
    func takePendingCompletions() -> [StepCompletion] {
        state.withLock { state in
            defer { state.pendingCompletions = [] }; return state.pendingCompletions
        }
    }

    /// Adds a log line.
    func log(_ level: LogLevel, _ event: String, _ message: String) {
        let entry = ExecutionLogEntry(jobID: job.id, at: clock.now, level: level, event: event, message: message)
        state.withLock { $0.log.append(entry) }
    }

    /// The log lines not yet written, forgotten here.
    func drainLog() -> [ExecutionLogEntry] {
        state.withLock { state in
            defer { state.log = [] }; return state.log
        }
    }

    /// The API calls not yet written, forgotten here.
    func drainCalls() -> [APICallRecord] { calls.drain() }

    /// Everything not yet written — step results, API calls, log lines — forgotten here.
    func takeRecords() -> JobRunRecords {
        JobRunRecords(completions: takePendingCompletions(), calls: drainCalls(), log: drainLog())
    }
}
