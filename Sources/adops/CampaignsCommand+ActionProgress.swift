import Foundation
import Trafficking

extension CampaignsCommand {
    /// Watches an action and prints a line each time it changes status or an entity changes, e.g.
    /// `  ad 120200000000031  status PAUSED → ACTIVE`. It reads the store, so it reports whichever worker runs the
    /// action.
    actor ActionProgressPrinter {
        private let store: any TraffickingStore
        private let actionID: UUID
        private let write: @Sendable (String) -> Void
        private var status: ActionStatus
        private var printed: Set<Int>

        /// Watches `action`, whose current status and done steps count as printed.
        init(store: any TraffickingStore, action: LifecycleAction, write: @escaping @Sendable (String) -> Void) {
            self.store = store
            actionID = action.id
            status = action.status
            printed = Set(action.changes.map(\.position))
            self.write = write
        }

        /// Reads the action, prints what changed, and answers whether it is over.
        func poll() async throws -> Bool {
            guard let action = try await store.action(actionID) else { return true }
            for step in action.changes where printed.insert(step.position).inserted {
                let source = step.oldValueSource == .platform ? "" : " (old value from our records)"
                write(
                    "  \(step.level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(step.platformID)  "
                        + "\(step.field) \(step.oldValue?.description ?? "?") → \(step.newValue)\(source)")
            }
            if action.status != status {
                status = action.status
                var line = "  \(action.status.rawValue)"
                if let error = action.error, action.status != .done {
                    line += action.status == .pending ? "  will retry: \(error)" : "  \(error)"
                }
                write(line)
            }
            return action.status.isTerminal
        }
    }
}
