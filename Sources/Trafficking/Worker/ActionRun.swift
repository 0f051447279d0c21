import AdPlatformKit
import Foundation
import Synchronization

/// The state of one action while a runner works on it: log lines and API calls not yet written.
final class ActionRun: Sendable {
    let action: LifecycleAction
    /// The time of day log lines are stamped with.
    let clock: WallClock
    private struct State {
        var log: [ActionLogEntry] = []
    }
    private let state = Mutex(State())

    /// The platform calls the action's pipeline records, until the next store write takes them.
    let calls: APICallCollector

    init(action: LifecycleAction, clock: WallClock) {
        self.action = action
        self.clock = clock
        calls = APICallCollector(platform: action.platform, actionID: action.id)
    }

    /// Adds a log line.
    func log(_ level: LogLevel, _ event: String, _ message: String) {
        let entry = ActionLogEntry(actionID: action.id, at: clock.now, level: level, event: event, message: message)
        state.withLock { $0.log.append(entry) }
    }

    /// The API calls not yet written, forgotten here.
    func drainCalls() -> [APICallRecord] { calls.drain() }

    /// The log lines not yet written, forgotten here.
    func drainLog() -> [ActionLogEntry] {
        state.withLock { state in
            defer { state.log = [] }; return state.log
        }
    }

    /// Everything not yet written, forgotten here.
    func takeRecords() -> ActionRunRecords { ActionRunRecords(calls: drainCalls(), log: drainLog()) }
}
