import Foundation
import GRDB

/// A table the worker claims rows from with leases: campaign jobs and lifecycle actions. Both have `id`, `status`
/// (`PENDING`, `PROCESSING`, then terminal ones), `lease_owner`, `lease_expires_at`, `attempts`, `takeovers`,
/// `created_at` and `updated_at`, so claiming, renewing and checking a lease are written once, here.
///
/// Each claim runs inside the caller's IMMEDIATE write transaction, so two workers, even in two processes, never
/// claim the same row.
struct LeaseQueue: Sendable {
    /// The table.
    let table: String
    /// Due PENDING rows in claim order: `id, created_at, rowid`; arguments: the time, the limit.
    let duePendingSQL: String
    /// PROCESSING rows whose lease has expired: `id, created_at, rowid`; arguments: the time, the limit.
    let expiredLeasesSQL: String

    /// The ids of up to `limit` due rows, oldest first: PENDING ones and expired leases. Two queries, each walking
    /// an index in order and stopping at `limit`, so a claim costs the same however long the queue is.
    func dueIDs(limit: Int, now: String, _ db: Database) throws -> [String] {
        guard limit > 0 else { return [] }
        let pending = try Row.fetchAll(db.cachedStatement(sql: duePendingSQL), arguments: [now, limit])
        let expired = try Row.fetchAll(db.cachedStatement(sql: expiredLeasesSQL), arguments: [now, limit])
        // Throwing decodes: a row altered outside the store becomes a `corrupt` error, not a crash.
        let due = try (pending + expired).map { row -> (id: String, createdAt: String, rowID: Int64) in
            (try row.decode(atIndex: 0), try row.decode(atIndex: 1), try row.decode(atIndex: 2))
        }
        return due.sorted { ($0.createdAt, $0.rowID) < ($1.createdAt, $1.rowID) }.prefix(limit).map(\.id)
    }

    /// Claims a row: PROCESSING, leased to `owner` until `expiry`, one more attempt, and one more takeover when it
    /// was PROCESSING already (its worker's lease ran out).
    func claim(_ id: String, owner: String, expiry: String, now: String, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE \(table) SET status = 'PROCESSING', lease_owner = ?, lease_expires_at = ?,
                    attempts = attempts + 1, takeovers = takeovers + (status = 'PROCESSING'), updated_at = ?
                WHERE id = ?
                """
        ).execute(arguments: [owner, expiry, now, id])
    }

    /// Moves the lease's expiry to `until` if `owner` still holds the PROCESSING row; `false` when it lost it. A
    /// renewal is a heartbeat, not a change, so `updated_at` stays.
    func renew(_ id: String, owner: String, until: Date, _ db: Database) throws -> Bool {
        try db.cachedStatement(
            sql: "UPDATE \(table) SET lease_expires_at = ? WHERE \(Self.heldCondition)"
        ).execute(arguments: [DatabaseTimestamp.text(until), id, owner])
        return db.changesCount > 0
    }

    /// Whether `owner` holds the PROCESSING row.
    func isHeld(_ id: String, by owner: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE \(Self.heldCondition))"),
            arguments: [id, owner]) ?? false
    }

    /// The `WHERE` of a row its owner holds; arguments: the id, the owner.
    static let heldCondition = "id = ? AND lease_owner = ? AND status = 'PROCESSING'"
}
