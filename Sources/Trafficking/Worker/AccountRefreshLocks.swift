import Foundation

/// One refresh at a time per ad account in this process, so two jobs (or a job and the token refresh service)
/// that find the same token expiring do not both spend its refresh token: Snapchat rotates it, and the second
/// refresh would be refused as if the account had been revoked.
actor AccountRefreshLocks {
    /// The waiters of each held account, in arrival order; a key is present while its account is held.
    private var waiters: [UUID: [CheckedContinuation<Void, Never>]] = [:]

    /// Runs `body` while holding `account`'s lock.
    func withLock<T: Sendable>(_ account: UUID, _ body: @Sendable () async throws -> T) async throws -> T {
        await acquire(account)
        do {
            let result = try await body()
            release(account)
            return result
        } catch {
            release(account)
            throw error
        }
    }

    private func acquire(_ account: UUID) async {
        guard waiters[account] != nil else {
            waiters[account] = []
            return
        }
        await withCheckedContinuation { waiters[account, default: []].append($0) }
    }

    private func release(_ account: UUID) {
        guard var queue = waiters[account], !queue.isEmpty else {
            waiters[account] = nil
            return
        }
        let next = queue.removeFirst()
        waiters[account] = queue
        next.resume()
    }
}
