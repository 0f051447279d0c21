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
final class GroupCommitter: Sendable {
    /// One write waiting for a transaction.
    private struct Pending: Sendable {
        /// Runs the write inside the batch's transaction; returns what to tell the caller once the batch commits.
        let run: @Sendable (Database) -> Outcome
        /// Tells the caller the batch failed to commit.
        let fail: @Sendable (any Error) -> Void
    }

    /// How one write went, and what to tell its caller once the batch is over.
    private struct Outcome: Sendable {
        let succeeded: Bool
        let reply: @Sendable () -> Void
    }

    private struct State {
        var queue: [Pending] = []
        var draining = false
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
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let pending = Pending(
                run: { db in
                    do {
                        let value = try Self.inSavepoint(db, updates)
                        return Outcome(succeeded: true) { continuation.resume(returning: value) }
                    } catch {
                        return Outcome(succeeded: false) { continuation.resume(throwing: error) }
                    }
                },
                fail: { continuation.resume(throwing: $0) })
            let startsDraining = state.withLock { state in
                state.queue.append(pending)
                guard !state.draining else { return false }
                state.draining = true
                return true
            }
            if startsDraining {
                Task { await self.drain() }
            }
        }
    }

    /// Commits batches until no write is waiting.
    private func drain() async {
        while let batch = nextBatch() {
            do {
                let outcomes = try await writer.writeWithoutTransaction { db in
                    var outcomes: [Outcome] = []
                    // IMMEDIATE, as GRDB's own writes: a read that decides a write (a claim) cannot interleave with
                    // another process's write.
                    try db.inTransaction(.immediate) {
                        outcomes = batch.map { $0.run(db) }
                        return outcomes.contains(where: \.succeeded) ? .commit : .rollback
                    }
                    return outcomes
                }
                let succeeded = outcomes.count { $0.succeeded }
                if succeeded > 0 {
                    commits.add(1, ordering: .relaxed)
                    writes.add(succeeded, ordering: .relaxed)
                }
                for outcome in outcomes { outcome.reply() }
            } catch {
                for pending in batch { pending.fail(error) }
            }
        }
    }

    /// The writes for the next transaction, or `nil` (and no longer draining) when none wait.
    private func nextBatch() -> [Pending]? {
        state.withLock { state in
            guard !state.queue.isEmpty else {
                state.draining = false
                return nil
            }
            let batch = Array(state.queue.prefix(maximumBatch))
            state.queue.removeFirst(batch.count)
            return batch
        }
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
