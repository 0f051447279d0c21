import AdPlatformKit
import Foundation

/// What a worker reads before a job's first platform call: the account, its credentials and the ledger so far.
///
/// ``TraffickingStore/runContext(job:account:)`` reads them together, so starting a job costs one read of the
/// database rather than three.
public struct JobRunContext: Sendable {
    /// The job's ad account, or `nil` when it was deleted.
    public var account: AdAccount?
    /// The account's decrypted credentials, or `nil` when the account was deleted.
    public var credentials: PlatformCredentials?
    /// The job's steps so far, in the order they were first started.
    public var ledger: [LedgerStep]

    /// Creates a context.
    public init(account: AdAccount?, credentials: PlatformCredentials?, ledger: [LedgerStep]) {
        self.account = account
        self.credentials = credentials
        self.ledger = ledger
    }
}
