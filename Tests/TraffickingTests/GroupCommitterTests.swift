import Foundation
import GRDB
import Synchronization
import Testing

@testable import Trafficking

@Suite("Group commit")
struct GroupCommitterTests {
    /// A database with one table of unique values, and a committer over it.
    private static func committer() throws -> (GroupCommitter, DatabaseQueue) {
        let queue = try DatabaseQueue()
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (value INTEGER NOT NULL UNIQUE)") }
        return (GroupCommitter(writer: queue), queue)
    }

    /// A write of 0 that holds its transaction open until `gate` is signalled; returns once it is running.
    private static func holdTransaction(
        _ committer: GroupCommitter, gate: DispatchSemaphore
    ) async throws -> Task<Int, any Error> {
        let running = DispatchSemaphore(value: 0)
        let task = Task {
            try await committer.write { db in
                running.signal()
                gate.wait()
                return try insert(0, db)
            }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                running.wait()
                continuation.resume()
            }
        }
        return task
    }

    /// Waits (up to 10 s) until `count` writes are queued for the next transaction.
    private static func waitUntil(_ committer: GroupCommitter, hasWaiting count: Int) async throws {
        for _ in 0..<2_000 where committer.waitingCount < count {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(committer.waitingCount == count)
    }

    private static func insert(_ value: Int, _ db: Database) throws -> Int {
        try db.execute(sql: "INSERT INTO t (value) VALUES (?)", arguments: [value])
        return value
    }

    @Test("writes arriving during a commit share the next transaction, and each gets its own result")
    func writesShareOneTransaction() async throws {
        let (committer, queue) = try Self.committer()
        let gate = DispatchSemaphore(value: 0)
        let held = try await Self.holdTransaction(committer, gate: gate)
        let others = (1...10).map { value in
            Task { try await committer.write { db in try Self.insert(value, db) } }
        }
        try await Self.waitUntil(committer, hasWaiting: 10)
        gate.signal()
        #expect(try await held.value == 0)
        var results: [Int] = []
        for task in others { results.append(try await task.value) }
        #expect(results == Array(1...10))
        #expect(committer.commitCount == 2)
        #expect(committer.writeCount == 11)
        #expect(try await queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") } == 11)
    }

    @Test("a failing write in a shared transaction undoes only itself; the others commit")
    func failureIsolated() async throws {
        let (committer, queue) = try Self.committer()
        let gate = DispatchSemaphore(value: 0)
        let held = try await Self.holdTransaction(committer, gate: gate)
        let good = Task { try await committer.write { db in try Self.insert(1, db) } }
        try await Self.waitUntil(committer, hasWaiting: 1)
        // Inserts 2, then breaks the UNIQUE constraint: its savepoint must undo the 2 as well.
        let bad = Task {
            try await committer.write { db in
                _ = try Self.insert(2, db)
                return try Self.insert(1, db)
            }
        }
        try await Self.waitUntil(committer, hasWaiting: 2)
        gate.signal()
        _ = try await held.value
        #expect(try await good.value == 1)
        await #expect(throws: DatabaseError.self) { try await bad.value }
        let values = try await queue.read { db in try Int.fetchAll(db, sql: "SELECT value FROM t ORDER BY value") }
        #expect(values == [0, 1])
        #expect(committer.commitCount == 2)
        #expect(committer.writeCount == 2)
    }

    @Test("a cancelled caller's write still commits, and so do the writes that share its transaction")
    func cancelledCallerCommits() async throws {
        let (committer, queue) = try Self.committer()
        let gate = DispatchSemaphore(value: 0)
        let held = try await Self.holdTransaction(committer, gate: gate)
        // The first of these leads the next transaction; it is cancelled before that transaction starts.
        let first = Task { try await committer.write { db in try Self.insert(1, db) } }
        try await Self.waitUntil(committer, hasWaiting: 1)
        let second = Task { try await committer.write { db in try Self.insert(2, db) } }
        try await Self.waitUntil(committer, hasWaiting: 2)
        first.cancel()
        gate.signal()
        _ = try await held.value
        #expect(try await first.value == 1)
        #expect(try await second.value == 2)
        let values = try await queue.read { db in try Int.fetchAll(db, sql: "SELECT value FROM t ORDER BY value") }
        #expect(values == [0, 1, 2])
    }

    @Test("many concurrent writes all commit, sharing transactions")
    func manyWriters() async throws {
        let (committer, queue) = try Self.committer()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for value in 1...500 { group.addTask { try await committer.write { db in try Self.insert(value, db) } } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values.sorted() == Array(1...500))
        #expect(committer.writeCount == 500)
        #expect(committer.commitCount <= 500)
        #expect(committer.waitingCount == 0)
        #expect(try await queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") } == 500)
    }

    @Test("a transaction in which every write failed is rolled back and not counted")
    func allFailedNotCounted() async throws {
        let (committer, queue) = try Self.committer()
        await #expect(throws: DatabaseError.self) {
            try await committer.write { db in
                _ = try Self.insert(5, db)
                return try Self.insert(5, db)
            }
        }
        #expect(committer.commitCount == 0)
        #expect(committer.writeCount == 0)
        #expect(try await queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") } == 0)
    }
}
