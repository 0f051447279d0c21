import AdPlatformKit
import Foundation

/// How the engine runs one platform call, for launches and lifecycle actions alike: errors whose disposition is
/// `retry` are retried with backoff (``RetryPolicy``), an expired token is refreshed once, and anything else ends
/// the run with the platform's message as a ``StepFailure``.
struct PlatformCallPolicy: Sendable {
    /// The store, for refreshed credentials and REQUIRES_REAUTH.
    let store: any TraffickingStore
    /// The retry policy and the sleep.
    let configuration: WorkerConfiguration
    /// Our ad account the calls run as.
    let accountID: UUID
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

    /// New credentials after `authExpired`: the ones another job or action of the account already stored, if the stored
    /// access token is no longer the one that failed; otherwise the platform's, stored (encrypted) before any
    /// call uses them. A refused refresh marks the account REQUIRES_REAUTH; an unavailable token endpoint ends
    /// the run so it is retried later.
    private func refreshCredentials(
        with refresher: any CredentialRefreshing, account: LiveAccount, step key: String
    ) async throws {
        let failed = account.current
        if let stored = try await store.credentials(ofAccount: accountID),
            stored.accessToken != failed.credentials.accessToken
        {
            account.use(stored)
            log(.info, "credentials", "step \(key): another job already refreshed the access token; using it")
            return
        }
        let fresh: PlatformCredentials
        do {
            fresh = try await refresher.refreshCredentials(in: failed)
        } catch let error as AdPlatformError {
            if error.disposition == .retry { throw StepFailure.exhausted(JobError(error, step: key)) }
            try await failPermanently(after: error, step: key)
        }
        _ = try await store.updateAccount(accountID, AdAccountChanges(credentials: fresh))
        account.use(fresh)
        log(.info, "credentials", "step \(key): the access token expired; refreshed it, retrying the call")
    }

    /// Ends the run for an error that retrying will not fix; credentials the platform rejected also mark the
    /// account REQUIRES_REAUTH, so no other job or action runs on it until a person re-authorises it.
    private func failPermanently(
        after error: AdPlatformError, step key: String
    ) async throws
        -> Never
    {
        if error.code == .authExpired || error.code == .authInvalid {
            _ = try await store.updateAccount(accountID, AdAccountChanges(status: .requiresReauth))
            log(.error, "reauth", "the platform rejected the account's credentials; it is now REQUIRES_REAUTH")
        }
        throw StepFailure.permanent(JobError(error, step: key))
    }
}
