import AdPlatformKit
import Foundation

/// What a worker reads before a job's first platform call: the account, its credentials and the ledger so far.
///
/// ``TraffickingStore/runContext(job:account:)`` reads them together, so starting a job costs one read of the
/// database rather than three.
public struct JobRunContext: Sendable {
    /// The job's ad account, or `nil` when it was deleted.
    public var account: AdAccount?
    /// Decrypts the account's credentials; `nil` when the account was deleted. A closure, so a job on an account
    /// it will not use (one that is not ACTIVE) fails for that reason, not for credentials that cannot be opened.
    public var credentials: @Sendable () throws -> PlatformCredentials?
    /// The job's steps so far, in the order they were first started.
    public var ledger: [LedgerStep]

    /// Creates a context.
    public init(
        account: AdAccount?, credentials: @escaping @Sendable () throws -> PlatformCredentials?, ledger: [LedgerStep]
    ) {
        self.account = account
        self.credentials = credentials
        self.ledger = ledger
    }
}
