import Foundation
import GRDB
import Synchronization

/// Runs the store's writes with group commit: writes that arrive while a transaction is committing wait, and then
/// run together in the next one, each inside its own savepoint.
///
/// A worker running sixteen jobs at once writes its ledger many times a second, and each write is small. A commit
/// costs far more than the statements in it (the WAL frames, the locks, the page-cache bookkeeping), so sharing
/// commits is what lets the write rate grow with the number of jobs. Nothing about durability changes: a caller's
/// `await` returns only after the transaction holding its write has committed, exactly as with one transaction
/// per write. A write that throws rolls back its own savepoint and gets its own error; the others in the batch
/// still commit. If the commit itself fails, every write in the batch gets that error, and none of them happened.
/// A batch in which every write failed is rolled back, so ``commitCount`` counts only transactions that changed
/// something.
///
/// The transactions run in the callers' own tasks, never in a task of the committer's: a write that finds no
/// transaction under way leads, and commits the batch its own write opens; writes that arrive meanwhile wait.
/// When a leader's batch is over, the first write still waiting leads the next batch. So a caller commits one batch,
/// never the stream of writes behind it, and nothing is left running when the callers are gone.
final class GroupCommitter: Sendable {
    /// What wakes a waiting write.
    private enum Turn: Sendable {
        /// The batch holding the write is over; its result is in its slot.
        case finished
        /// The write is first in the queue and must commit the next batch itself.
        case lead
    }

    /// One write waiting for a transaction.
    private struct Pending: Sendable {
        /// Runs the write inside the batch's transaction and keeps its result; returns whether it succeeded.
        let run: @Sendable (Database) -> Bool
        /// Replaces the kept result with the error of a batch that failed to commit.
        let fail: @Sendable (any Error) -> Void
        /// Wakes the writer.
        let wake: @Sendable (Turn) -> Void
    }

    /// Where a write's result waits for its caller.
    private final class Slot<T: Sendable>: Sendable {
        private let result = Mutex<Result<T, any Error>?>(nil)

        func keep(_ value: Result<T, any Error>) { result.withLock { $0 = value } }

        func take() throws -> T {
            guard let value = result.withLock({ $0 }) else {
                // Cannot happen: a write is woken as finished only after its batch ran it.
                throw CancellationError()
            }
            return try value.get()
        }
    }

    private struct State {
        var queue: [Pending] = []
        /// Whether some write is leading a batch, or has been woken to lead one.
        var leading = false
    }

    private let writer: any DatabaseWriter
    private let maximumBatch: Int
    private let state = Mutex(State())
    private let commits = Atomic<Int>(0)
    private let writes = Atomic<Int>(0)

    /// A committer over `writer`; a transaction takes at most `maximumBatch` writes, so one commit never holds the
    /// database for long.
    init(writer: any DatabaseWriter, maximumBatch: Int = 64) {
        self.writer = writer
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Transactions committed.
    var commitCount: Int { commits.load(ordering: .relaxed) }

    /// Writes waiting for the next transaction.
    var waitingCount: Int { state.withLock { $0.queue.count } }

    /// Writes committed, each in some transaction; with ``commitCount``, how well commits were shared.
    var writeCount: Int { writes.load(ordering: .relaxed) }

    /// Runs `updates` in a write transaction, possibly shared with other writes, and returns its result once that
    /// transaction has committed.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let slot = Slot<T>()
        let turn = await withCheckedContinuation { (continuation: CheckedContinuation<Turn, Never>) in
            let pending = Pending(
                run: { db in
                    do {
                        slot.keep(.success(try Self.inSavepoint(db, updates)))
                        return true
                    } catch {
                        slot.keep(.failure(error))
                        return false
                    }
                },
                fail: { slot.keep(.failure($0)) },
                wake: { continuation.resume(returning: $0) })
            let leads = state.withLock { state in
                state.queue.append(pending)
                guard !state.leading else { return false }
                state.leading = true
                return true
            }
            if leads { continuation.resume(returning: .lead) }
        }
        if turn == .lead {
            await commitNextBatch()
        }
        return try slot.take()
    }

    /// Commits the writes at the head of the queue, the leader's own first; wakes them, then hands the lead to the
    /// first write still waiting.
    private func commitNextBatch() async {
        let batch = state.withLock { state in
            let batch = Array(state.queue.prefix(maximumBatch))
            state.queue.removeFirst(batch.count)
            return batch
        }
        // GRDB's async write would end with the leader's task if it were cancelled, failing everyone's writes; its
        // callback form runs the batch whatever happens to the task waiting for it.
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<[Bool], any Error>, Never>) in
            writer.asyncWriteWithoutTransaction { db in
                continuation.resume(
                    returning: Result {
                        var outcomes: [Bool] = []
                        // IMMEDIATE, as GRDB's own writes: a read that decides a write (a claim) cannot interleave
                        // with another process's write.
                        try db.inTransaction(.immediate) {
                            outcomes = batch.map { $0.run(db) }
                            return outcomes.contains(true) ? .commit : .rollback
                        }
                        return outcomes
                    })
            }
        }
        switch result {
        case .success(let outcomes):
            let succeeded = outcomes.count { $0 }
            if succeeded > 0 {
                commits.add(1, ordering: .relaxed)
                writes.add(succeeded, ordering: .relaxed)
            }
        case .failure(let error):
            for pending in batch { pending.fail(error) }
        }
        // The leader's own write is first in its batch; it is already awake.
        for pending in batch.dropFirst() { pending.wake(.finished) }
        let next = state.withLock { state -> Pending? in
            guard let first = state.queue.first else {
                state.leading = false
                return nil
            }
            return first
        }
        next?.wake(.lead)
    }

    /// Runs one write in a savepoint, so that its failure undoes only its own changes.
    ///
    /// The savepoint statements are cached: GRDB's `inSavepoint` parses them afresh each time, which cost a fifth of
    /// the writer's time. GRDB still sees them execute, so its own savepoint bookkeeping stays right.
    private static func inSavepoint<T>(_ db: Database, _ updates: (Database) throws -> T) throws -> T {
        try db.cachedStatement(sql: "SAVEPOINT adops_write").execute()
        do {
            let value = try updates(db)
            try db.cachedStatement(sql: "RELEASE SAVEPOINT adops_write").execute()
            return value
        } catch {
            // Undo this write only; then leave the savepoint so the next write starts clean.
            try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT adops_write").execute()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT adops_write").execute()
            throw error
        }
    }
}
