import AdPlatformKit
import Foundation
import GRDB

extension SQLiteTraffickingStore {
    /// Registers an account with a new id; its credentials are sealed before they reach the database.
    public func createAccount(_ account: NewAdAccount) async throws -> AdAccount {
        let sealed = try cipher.seal(account.credentials)
        let row = try AdAccountRow(id: UUID(), account, sealedCredentials: sealed, at: clock.now)
        return try await write { db in
            try row.insert(db)
            // Read back, so the dates returned are the stored (millisecond) ones.
            return try AdAccountRow.find(db, key: row.id).account()
        }
    }

    /// An account that is not deleted, or `nil`.
    public func account(_ id: UUID) async throws -> AdAccount? {
        try await read { db in try Self.liveAccount(id.databaseKey, db)?.account() }
    }

    /// Accounts that are not deleted, oldest first, optionally of one platform, with their total.
    public func accounts(platform: PlatformID?, page: PageRequest) async throws -> Page<AdAccount> {
        try await read { db in
            var request = AdAccountRow.filter(AdAccountRow.Columns.deletedAt == nil)
            if let platform {
                request = request.filter(AdAccountRow.Columns.platform == platform.rawValue)
            }
            let total = try request.fetchCount(db)
            let rows = try request.order(AdAccountRow.Columns.createdAt, Column.rowID)
                .limit(page.limit, offset: page.offset).fetchAll(db)
            return Page(items: try rows.map { try $0.account() }, total: total, limit: page.limit, offset: page.offset)
        }
    }

    /// Applies changes to an account that is not deleted; `nil` otherwise. New credentials are sealed first, and
    /// their expiry is recorded beside them.
    ///
    /// New credentials for a REQUIRES_REAUTH account make it ACTIVE again (unless `changes` sets a status). Its
    /// waiting jobs and actions need nothing else to be released: they are PENDING and due, and the claim queries
    /// skip only the work of REQUIRES_REAUTH accounts (``SQLiteTraffickingStore/duePendingSQL``), so the same write
    /// that reactivates the account releases them, and the store's workers are woken to claim them.
    public func updateAccount(_ id: UUID, _ changes: AdAccountChanges) async throws -> AdAccount? {
        let sealed = try changes.credentials.map { try cipher.seal($0) }
        let now = clock.now
        let (account, reactivated) = try await write { db -> (AdAccount?, Bool) in
            guard var row = try Self.liveAccount(id.databaseKey, db) else { return (nil, false) }
            let before = row.status
            try row.apply(changes, sealedCredentials: sealed, at: now)
            try row.update(db)
            let reactivated =
                before == AdAccountStatus.requiresReauth.rawValue && row.status == AdAccountStatus.active.rawValue
            return (try AdAccountRow.find(db, key: row.id).account(), reactivated)
        }
        if reactivated { workSignal?.notify() }
        return account
    }

    /// ACTIVE accounts, not deleted, whose token expires before `deadline`, soonest first.
    public func accountsWithTokensExpiring(before deadline: Date, limit: Int) async throws -> [AdAccount] {
        try await read { db in
            try AdAccountRow
                .filter(AdAccountRow.Columns.deletedAt == nil)
                .filter(AdAccountRow.Columns.status == AdAccountStatus.active.rawValue)
                .filter(AdAccountRow.Columns.tokenExpiresAt != nil && AdAccountRow.Columns.tokenExpiresAt < deadline)
                .order(AdAccountRow.Columns.tokenExpiresAt, Column.rowID)
                .limit(max(limit, 0))
                .fetchAll(db)
                .map { try $0.account() }
        }
    }

    /// Soft-deletes an account by setting `deleted_at`; `false` when it does not exist or is already deleted.
    /// Its jobs keep referring to it.
    public func deleteAccount(_ id: UUID) async throws -> Bool {
        let now = clock.now
        return try await write { db in
            let changed =
                try AdAccountRow
                .filter(AdAccountRow.Columns.id == id.databaseKey && AdAccountRow.Columns.deletedAt == nil)
                .updateAll(db, AdAccountRow.Columns.deletedAt.set(to: now), AdAccountRow.Columns.updatedAt.set(to: now))
            return changed > 0
        }
    }

    /// The credentials of an account that is not deleted, decrypted; `nil` when there is no such account.
    /// Throws ``StoreError`` `corrupt` when they were sealed with another key.
    public func credentials(ofAccount id: UUID) async throws -> PlatformCredentials? {
        let sealed = try await read { db in
            try Data.fetchOne(
                db.cachedStatement(sql: "SELECT credentials FROM ad_accounts WHERE id = ? AND deleted_at IS NULL"),
                arguments: [id.databaseKey])
        }
        return try sealed.map { try openCredentials($0, ofAccount: id) }
    }

    /// Decrypts an account's stored credentials; ``StoreError`` `corrupt` when they were sealed with another key.
    func openCredentials(_ sealed: Data, ofAccount id: UUID) throws -> PlatformCredentials {
        do {
            return try cipher.open(sealed)
        } catch let error as CredentialError {
            throw StoreError.corrupt(
                table: AdAccountRow.databaseTableName, row: id.databaseKey, column: "credentials", error.message)
        }
    }

    /// The row of an account that is not deleted, through a cached statement: every job reads its account.
    static func liveAccount(_ id: String, _ db: Database) throws -> AdAccountRow? {
        try AdAccountRow.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM ad_accounts WHERE id = ? AND deleted_at IS NULL"),
            arguments: [id])
    }
}
