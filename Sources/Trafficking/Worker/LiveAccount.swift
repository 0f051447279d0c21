import AdPlatformKit
import Synchronization

/// The account a job's platform calls run as, shared by its steps, so that credentials refreshed after one step's
/// `authExpired` are the ones every later call, and the retried one, sends.
final class LiveAccount: Sendable {
    private let context: Mutex<AccountContext>
    /// Our name for the account, for messages.
    let name: String

    /// Starts with the credentials read from the store.
    init(_ context: AccountContext, name: String) {
        self.context = Mutex(context)
        self.name = name
    }

    /// The account as calls should use it now.
    var current: AccountContext { context.withLock { $0 } }

    /// Replaces the credentials, keeping the account id, currency and settings.
    func use(_ credentials: PlatformCredentials) {
        context.withLock { $0.credentials = credentials }
    }
}
