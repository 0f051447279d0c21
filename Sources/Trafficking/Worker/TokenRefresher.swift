import AdPlatformKit
import Foundation

/// Renews ad accounts' access tokens through their platform's OAuth endpoint (``CredentialRefreshing``): ahead of
/// a known expiry, within ``margin``, and after a call found a token expired. The worker asks it before each
/// platform call, and the ``TokenRefreshService`` for every account expiring soon; give both the same refresher, so
/// one account is refreshed once at a time in the process.
///
/// A refresh for a job, an action or a sync goes through that work's module, so its call is budgeted and logged
/// with the work; one ahead of expiry for the service goes through a pipeline of its own
/// (``EnginePipeline``), with the same rate budget, and its calls are logged with no work.
///
/// A refresh reads the stored credentials first, under the account's lock: another job, process or the service
/// may have refreshed them already, and a refresh token must not be spent twice. New credentials are stored
/// (sealed, with their expiry) before anything uses them. A refresh the platform refuses (`authInvalid`,
/// `authExpired`) marks the account REQUIRES_REAUTH, so its work waits until a person updates its credentials.
public final class TokenRefresher: Sendable {
    /// What a renewal did.
    public enum Renewal: Sendable, Hashable {
        /// Nothing: the token is not expiring, or the platform cannot refresh it.
        case unchanged(PlatformCredentials)
        /// The platform issued new credentials, now stored.
        case refreshed(PlatformCredentials)
        /// Another job, process or the service stored fresh credentials meanwhile; they are the ones to use.
        case refreshedElsewhere(PlatformCredentials)

        /// The credentials to use from now on.
        public var credentials: PlatformCredentials {
            switch self {
            case .unchanged(let credentials), .refreshed(let credentials), .refreshedElsewhere(let credentials):
                credentials
            }
        }
    }

    /// The store the credentials are read from and written to; its clock is the only time read.
    public let store: any TraffickingStore
    /// The platform modules, through the engine's pipeline, for refreshes that are no unit of work's.
    public let pipeline: EnginePipeline
    /// How long before its expiry a token is refreshed.
    public let margin: Duration
    private let locks = AccountRefreshLocks()

    /// Creates a refresher; tokens are refreshed `configuration`'s ``WorkerConfiguration/tokenRefreshMargin``
    /// before they expire, and the refreshes the service asks for spend `configuration`'s rate budget.
    public init(store: any TraffickingStore, registry: PlatformRegistry, configuration: WorkerConfiguration) {
        self.store = store
        self.pipeline = EnginePipeline(registry: registry, configuration: configuration, clock: store.clock)
        self.margin = configuration.tokenRefreshMargin
    }

    /// The platform modules.
    public var registry: PlatformRegistry { pipeline.registry }

    /// Whether `credentials` expire within the margin of the store's clock's time.
    public func isExpiring(_ credentials: PlatformCredentials) -> Bool {
        credentials.expires(within: margin, of: store.clock.now)
    }

    /// Refreshes the account's token if `context`'s expires within the margin and its platform can refresh it, for
    /// no unit of work (the ``TokenRefreshService``): the call goes through a pipeline of its own and is logged with
    /// no job, action or sync. Throws the platform's ``AdPlatformError`` when the refresh fails; an auth error has
    /// marked the account REQUIRES_REAUTH.
    public func renewIfExpiring(account id: UUID, platform: PlatformID, context: AccountContext) async throws -> Renewal
    {
        guard isExpiring(context.credentials), let registered = registry[platform],
            registered.supports((any CredentialRefreshing).self)
        else { return .unchanged(context.credentials) }
        let calls = APICallCollector(platform: platform)
        let module = pipeline.platform(registered, account: context.accountID, calls: calls)
        do {
            let renewal = try await renewIfExpiring(account: id, context: context, with: module)
            try await store.recordAPICalls(calls.drain())
            return renewal
        } catch {
            // The refresh's own error is what the caller needs; a failure to log its call must not replace it.
            try? await store.recordAPICalls(calls.drain())
            throw error
        }
    }

    /// Refreshes the account's token through `module` (the one a unit of work calls the platform with, so the
    /// refresh is budgeted and logged with that work) if `context`'s expires within the margin and the module can
    /// refresh it. Throws as ``renewIfExpiring(account:platform:context:)``.
    public func renewIfExpiring(
        account id: UUID, context: AccountContext, with module: any AdPlatform
    ) async throws -> Renewal {
        guard isExpiring(context.credentials), let module = module as? any CredentialRefreshing else {
            return .unchanged(context.credentials)
        }
        return try await locks.withLock(id) {
            if let stored = try await store.credentials(ofAccount: id), !isExpiring(stored) {
                return .refreshedElsewhere(stored)
            }
            return try await refresh(account: id, context: context, with: module)
        }
    }

    /// Refreshes the account's token after a call found `context`'s expired, unless the stored one is already
    /// another (refreshed elsewhere). Throws as ``renewIfExpiring(account:platform:context:)``.
    public func renewExpired(
        account id: UUID, context: AccountContext, with module: any CredentialRefreshing
    ) async throws -> Renewal {
        try await locks.withLock(id) {
            if let stored = try await store.credentials(ofAccount: id),
                stored.accessToken != context.credentials.accessToken
            {
                return .refreshedElsewhere(stored)
            }
            return try await refresh(account: id, context: context, with: module)
        }
    }

    /// Asks the platform, stores the answer, and marks the account REQUIRES_REAUTH when the platform refuses. An
    /// account already REQUIRES_REAUTH (a refresh just refused, while this one waited for the lock) is not asked
    /// about again: its refresh token would be refused again.
    private func refresh(
        account id: UUID, context: AccountContext, with module: any CredentialRefreshing
    ) async throws -> Renewal {
        if let account = try await store.account(id), account.status == .requiresReauth {
            throw AdPlatformError(
                code: .authInvalid,
                message: "the account is REQUIRES_REAUTH: its platform refused to refresh its token; not asking again",
                platform: type(of: module).id, operation: "refreshCredentials")
        }
        let fresh: PlatformCredentials
        do {
            fresh = try await module.refreshCredentials(in: context, clock: store.clock)
        } catch let error as AdPlatformError where error.code == .authInvalid || error.code == .authExpired {
            _ = try await store.updateAccount(id, AdAccountChanges(status: .requiresReauth))
            throw error
        }
        _ = try await store.updateAccount(id, AdAccountChanges(credentials: fresh))
        return .refreshed(fresh)
    }
}
