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
        var collector: APICallCollector?
    }
    private let state = Mutex(State())

    init(action: LifecycleAction, clock: WallClock) {
        self.action = action
        self.clock = clock
    }

    /// The action's call collector, once it has an account.
    var collector: APICallCollector? {
        get { state.withLock { $0.collector } }
        set { state.withLock { $0.collector = newValue } }
    }

    /// Adds a log line.
    func log(_ level: LogLevel, _ event: String, _ message: String) {
        let entry = ActionLogEntry(actionID: action.id, at: clock.now, level: level, event: event, message: message)
        state.withLock { $0.log.append(entry) }
    }

    /// The API calls not yet written, forgotten here.
    func drainCalls() -> [APICallRecord] { collector?.drain() ?? [] }

    /// The log lines not yet written, forgotten here.
    func drainLog() -> [ActionLogEntry] {
        state.withLock { state in
            defer { state.log = [] }; return state.log
        }
    }

    /// Everything not yet written, forgotten here.
    func takeRecords() -> ActionRunRecords { ActionRunRecords(calls: drainCalls(), log: drainLog()) }
}
