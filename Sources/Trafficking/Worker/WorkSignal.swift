import Synchronization

/// Wakes the idle workers of this process when work is stored, so an action asked through the API of an
/// `adops serve` (or by the CLI) reaches its platform without waiting for the next poll. Workers in other processes
/// still find the work by polling.
///
/// A generation counter closes the gap between a worker finding the queue empty and starting to wait: a signal
/// given in between moves the generation on, and the wait returns at once.
public final class WorkSignal: Sendable {
    /// A waiter's state: registered, waiting on its continuation, or cancelled before it could wait.
    private enum Waiter {
        case registered
        case waiting(CheckedContinuation<Void, Never>)
        case cancelled
    }
    private struct State {
        var generation: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
        var nextWaiter: UInt64 = 0
    }
    private let state = Mutex(State())

    /// Creates a signal.
    public init() {}

    /// The current generation; pass it to ``wait(after:upTo:)``.
    public var generation: UInt64 { state.withLock { $0.generation } }

    /// Wakes every waiting worker.
    public func notify() {
        let waiting = state.withLock { state in
            state.generation &+= 1
            var woken: [CheckedContinuation<Void, Never>] = []
            for (id, waiter) in state.waiters {
                guard case .waiting(let continuation) = waiter else { continue }
                woken.append(continuation)
                state.waiters[id] = nil
            }
            return woken
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Returns when the generation moves past `generation` (at once if it already has), after `duration`, or on
    /// cancellation, whichever comes first.
    public func wait(after generation: UInt64, upTo duration: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: duration) }
            group.addTask { await self.signal(after: generation) }
            await group.next()
            group.cancelAll()
        }
    }

    private func signal(after generation: UInt64) async {
        let id = state.withLock { state in
            defer { state.nextWaiter &+= 1 }
            state.waiters[state.nextWaiter] = .registered
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    guard case .registered = state.waiters[id], state.generation == generation else {
                        state.waiters[id] = nil
                        return true
                    }
                    state.waiters[id] = .waiting(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
                switch state.waiters[id] {
                case .waiting(let continuation):
                    state.waiters[id] = nil
                    return continuation
                case .registered:
                    // Cancelled before it waited: it must not wait at all.
                    state.waiters[id] = .cancelled
                    return nil
                case .cancelled, nil:
                    return nil
                }
            }
            continuation?.resume()
        }
        state.withLock { _ = $0.waiters.removeValue(forKey: id) }
    }
}
