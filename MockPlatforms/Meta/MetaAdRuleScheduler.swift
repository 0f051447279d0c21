import Foundation
import NIOConcurrencyHelpers
import Synchronization

/// Runs the Meta emulator's rule passes one at a time, and at most once per reading of the virtual clock.
///
/// A pass runs when a Graph request finds the clock moved since the last pass, and at every half hour the control
/// plane steps the clock through. The fast path (clock unchanged) is one atomic load, so requests pay nothing while
/// time stands still; the lock keeps two passes from acting on the same objects at once.
final class MetaAdRuleScheduler: Sendable {
    /// The clock reading, in whole seconds, of the last pass; `Int64.min` before the first.
    private let lastPass = Atomic<Int64>(Int64.min)
    private let lock = NIOLock()

    /// Runs `pass` unless a pass already ran at this clock reading. A clock that moved back (a restored state) runs
    /// a pass too: rules keep their own last evaluation, so nothing runs twice for one half hour.
    func runIfClockMoved(now: Date, _ pass: () -> Void) {
        let seconds = Int64(MetaTime.epochSeconds(now))
        guard lastPass.load(ordering: .acquiring) != seconds else { return }
        lock.withLock {
            guard lastPass.load(ordering: .acquiring) != seconds else { return }
            pass()
            lastPass.store(seconds, ordering: .releasing)
        }
    }

    /// Runs work that reads and writes rules' state (a manual run, a change of specs) between passes.
    func exclusively<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
