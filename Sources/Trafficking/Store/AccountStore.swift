import AdPlatformKit
import Foundation

/// The ad accounts the engine runs against, with their credentials sealed at rest.
public protocol AccountStore: Sendable {
    /// Registers an account; its credentials are stored encrypted.
    func createAccount(_ account: NewAdAccount) async throws -> AdAccount
    /// An account that is not deleted, or `nil`.
    func account(_ id: UUID) async throws -> AdAccount?
    /// Accounts that are not deleted, oldest first, optionally of one platform.
    func accounts(platform: PlatformID?, page: PageRequest) async throws -> Page<AdAccount>
    /// Applies changes; `nil` when the account does not exist or is deleted. New credentials record their expiry
    /// and make a REQUIRES_REAUTH account ACTIVE again (unless the changes set a status), which releases the jobs
    /// and lifecycle actions waiting for it: they are due at once, and the store's workers are woken.
    func updateAccount(_ id: UUID, _ changes: AdAccountChanges) async throws -> AdAccount?
    /// Soft-deletes an account; `false` when it does not exist or is already deleted.
    func deleteAccount(_ id: UUID) async throws -> Bool
    /// ACTIVE accounts whose access token expires before `deadline` (or has expired), soonest first: the ones the
    /// token refresh service renews.
    func accountsWithTokensExpiring(before deadline: Date, limit: Int) async throws -> [AdAccount]
    /// The account's decrypted credentials, or `nil` when the account does not exist.
    func credentials(ofAccount id: UUID) async throws -> PlatformCredentials?
}
