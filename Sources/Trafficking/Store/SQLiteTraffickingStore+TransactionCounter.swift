import Foundation

extension SQLiteTraffickingStore {
    /// A count shared by every task using the store.
    final class TransactionCounter: @unchecked Sendable {
        // Guarded by `lock`; the package targets macOS 14, where `Synchronization.Mutex` is unavailable.
        private var count = 0
        private let lock = NSLock()

        /// The count.
        var value: Int {
            lock.lock()
            defer { lock.unlock() }
            return count
        }

        /// Adds one.
        func increment() {
            lock.lock()
            defer { lock.unlock() }
            count += 1
        }
    }
}
