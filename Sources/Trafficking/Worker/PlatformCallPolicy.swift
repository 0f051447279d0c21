import AdPlatformKit
import Foundation

/// How the engine runs one platform call, for launches and lifecycle actions alike: a token expiring within the
/// refresher's margin is refreshed before the call, errors whose disposition is `retry` are retried with backoff
/// (``RetryPolicy``), a token found expired is refreshed once, and anything else ends the run with the platform's
/// message as a ``StepFailure``. Credentials the platform refuses make the work wait for re-authorisation.
struct PlatformCallPolicy: Sendable {
    /// The store, for refreshed credentials and REQUIRES_REAUTH.
    let store: any TraffickingStore
    /// The retry policy and the sleep.
    let configuration: WorkerConfiguration
    /// Our ad account the calls run as.
    let accountID: UUID
    /// Its name, for the error its work waits with.
    let accountName: String?
    /// Refreshes tokens ahead of their expiry and after an expired one.
    let tokens: TokenRefresher
    /// Where retries, refreshes and re-authorisations are logged: level, event, message.
    let log: @Sendable (LogLevel, String, String) -> Void

    /// Runs an operation, retrying errors whose disposition is `retry` with backoff. An expired access token is
    /// refreshed once per step where the platform can (``CredentialRefreshing``), and the operation runs again
    /// with the new one. Other platform errors end the run, and expired or invalid credentials that cannot be
    /// refreshed also mark the account REQUIRES_REAUTH.
    func call<T: Sendable>(
        step key: String, account: LiveAccount, module: any AdPlatform, _ operation: () async throws -> T
    ) async throws -> T {
        var retry = 0
        var refreshed = false
        while true {
            do {
                try await renewIfExpiring(account: account, module: module, step: key)
                return try await operation()
            } catch let error as AdPlatformError {
                switch error.disposition {
                case .retry:
                    retry += 1
                    guard retry < configuration.retry.maximumAttempts else {
                        throw StepFailure.exhausted(JobError(error, step: key))
                    }
                    let delay = configuration.retry.delay(beforeRetry: retry - 1, retryAfter: error.retryAfter)
                    log(
                        .warning, "retry", "step \(key): \(error.code) (\(error.message)); retry \(retry) in \(delay)")
                    try await configuration.sleep(delay)
                case .refreshCredentials where !refreshed:
                    refreshed = true
                    guard let refresher = module as? any CredentialRefreshing else {
                        try await failPermanently(after: error, step: key)
                    }
                    try await refreshCredentials(with: refresher, account: account, step: key)
                case .refreshCredentials, .fail:
                    try await failPermanently(after: error, step: key)
                }
            }
        }
    }

    /// Refreshes the access token before the call when it expires within the refresher's margin, so the platform
    /// never sees an expired token. A refused refresh makes the work wait for re-authorisation; an unavailable
    /// token endpoint is retried later, unless the token is still valid, in which case the call goes ahead with it.
    private func renewIfExpiring(account: LiveAccount, module: any AdPlatform, step key: String) async throws {
        let current = account.current
        guard tokens.isExpiring(current.credentials), module is any CredentialRefreshing else { return }
        do {
            let renewal = try await tokens.renewIfExpiring(account: accountID, context: current, with: module)
            let expiry = current.credentials.expiresAt.map { $0.formatted(.iso8601) } ?? "-"
            switch renewal {
            case .unchanged:
                return
            case .refreshed(let fresh):
                account.use(fresh)
                log(
                    .info, "credentials",
                    "step \(key): the access token expires at \(expiry); refreshed it before the call")
            case .refreshedElsewhere(let stored):
                account.use(stored)
                log(.info, "credentials", "step \(key): the access token was already refreshed elsewhere; using it")
            }
        } catch let error as AdPlatformError {
            if error.code == .authInvalid || error.code == .authExpired {
                try await awaitReauthorisation(after: error, step: key)
            }
            if let expiresAt = current.credentials.expiresAt, expiresAt > store.clock.now {
                log(
                    .warning, "credentials",
                    "step \(key): refreshing the access token failed (\(error.code): \(error.message)); it is still "
                        + "valid, so the call uses it")
                return
            }
            throw StepFailure.exhausted(JobError(error, step: key))
        }
    }

    /// New credentials after `authExpired`: the ones another job or action of the account already stored, if the
    /// stored access token is no longer the one that failed; otherwise the platform's, stored (encrypted) before
    /// any call uses them. A refused refresh marks the account REQUIRES_REAUTH and the work waits; an unavailable
    /// token endpoint ends the run so it is retried later.
    private func refreshCredentials(
        with refresher: any CredentialRefreshing, account: LiveAccount, step key: String
    ) async throws {
        do {
            switch try await tokens.renewExpired(account: accountID, context: account.current, with: refresher) {
            case .refreshed(let fresh), .unchanged(let fresh):
                account.use(fresh)
                log(.info, "credentials", "step \(key): the access token expired; refreshed it, retrying the call")
            case .refreshedElsewhere(let stored):
                account.use(stored)
                log(.info, "credentials", "step \(key): another job already refreshed the access token; using it")
            }
        } catch let error as AdPlatformError {
            if error.disposition == .retry { throw StepFailure.exhausted(JobError(error, step: key)) }
            try await failPermanently(after: error, step: key)
        }
    }

    /// Ends the run for an error that retrying will not fix; credentials the platform rejected instead make the
    /// work wait for re-authorisation.
    private func failPermanently(
        after error: AdPlatformError, step key: String
    ) async throws
        -> Never
    {
        if error.code == .authExpired || error.code == .authInvalid {
            try await awaitReauthorisation(after: error, step: key)
        }
        throw StepFailure.permanent(JobError(error, step: key))
    }

    /// Marks the account REQUIRES_REAUTH (the refresher may have already), so no job or action runs on it until a
    /// person updates its credentials, and ends this run to wait for that too.
    private func awaitReauthorisation(after error: AdPlatformError, step key: String) async throws -> Never {
        _ = try await store.updateAccount(accountID, AdAccountChanges(status: .requiresReauth))
        log(
            .error, "reauth",
            "step \(key): the platform rejected the account's credentials (\(error.code): \(error.message)); it is "
                + "now REQUIRES_REAUTH, and the work waits until its credentials are updated")
        throw StepFailure.awaitingReauthorisation(
            JobError.awaitingReauthorisation(account: accountID, name: accountName, because: error, step: key))
    }
}
