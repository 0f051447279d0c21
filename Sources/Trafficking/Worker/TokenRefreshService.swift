import AdPlatformKit
import Foundation
import Logging
import ServiceLifecycle

/// Refreshes, every ``interval``, the access tokens of ACTIVE accounts that expire within the refresher's margin,
/// so accounts no job is using stay usable, and a job's first call does not wait on a token endpoint. It runs in
/// `adops serve` and `adops worker` beside the worker, with the worker's ``TokenRefresher``.
///
/// It reads the time only from the store's clock and waits through `sleep`, so a test drives it on a
/// `ManualWallClock` with ``runPass()``. A refresh the platform refuses marks the account REQUIRES_REAUTH (its
/// work then waits for a credential update); any other failure is logged and tried again on the next pass.
public struct TokenRefreshService: Service {
    /// What one pass did.
    public struct Pass: Sendable, Hashable {
        /// Accounts whose token was refreshed (or found refreshed elsewhere).
        public var refreshed: [UUID] = []
        /// Accounts whose refresh was refused: now REQUIRES_REAUTH.
        public var requiresReauth: [UUID] = []
        /// Accounts whose refresh failed for another reason; the next pass tries again.
        public var failed: [UUID] = []

        /// A pass that did nothing, or did what the lists say.
        public init(refreshed: [UUID] = [], requiresReauth: [UUID] = [], failed: [UUID] = []) {
            self.refreshed = refreshed
            self.requiresReauth = requiresReauth
            self.failed = failed
        }
    }

    private let tokens: TokenRefresher
    private let interval: Duration
    private let batchSize: Int
    private let sleep: @Sendable (Duration) async throws -> Void
    private let logger: Logger

    /// Creates the service: a pass every `interval` (a minute by default, well inside the margin), over up to
    /// `batchSize` accounts, soonest expiry first.
    public init(
        tokens: TokenRefresher, interval: Duration = .seconds(60), batchSize: Int = 100,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        logger: Logger = Logger(label: "adops.tokens")
    ) {
        self.tokens = tokens
        self.interval = interval
        self.batchSize = max(1, batchSize)
        self.sleep = sleep
        self.logger = logger
    }

    /// Runs a pass every `interval` until graceful shutdown or cancellation.
    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                _ = try await runPass()
            } catch is CancellationError {
                return
            } catch {
                // The store may be briefly unavailable; the next pass tries again.
                logger.error("token refresh pass failed", metadata: ["error": "\(error)"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await sleep(interval) }
            } catch {
                return
            }
        }
    }

    /// Refreshes every ACTIVE account whose token expires within the margin of the store's clock's time.
    public func runPass() async throws -> Pass {
        let store = tokens.store
        let deadline = store.clock.now.addingTimeInterval(TraffickingWorker.seconds(tokens.margin))
        var pass = Pass()
        for account in try await store.accountsWithTokensExpiring(before: deadline, limit: batchSize) {
            guard let credentials = try await store.credentials(ofAccount: account.id) else { continue }
            let metadata: Logger.Metadata = [
                "account": "\(account.id)", "platform": "\(account.platform)", "expires": "\(account.tokenExpiry)",
            ]
            do {
                let renewal = try await tokens.renewIfExpiring(
                    account: account.id, platform: account.platform, context: account.context(credentials: credentials))
                switch renewal {
                case .unchanged:
                    logger.debug("token expiring, but its platform cannot refresh it", metadata: metadata)
                case .refreshed(let fresh), .refreshedElsewhere(let fresh):
                    pass.refreshed.append(account.id)
                    logger.info(
                        "token refreshed ahead of its expiry",
                        metadata: metadata.merging(["new_expiry": "\(TokenExpiry(of: fresh))"]) { $1 })
                }
            } catch let error as AdPlatformError where error.code == .authInvalid || error.code == .authExpired {
                pass.requiresReauth.append(account.id)
                logger.error(
                    "token refresh refused; the account is REQUIRES_REAUTH until its credentials are updated",
                    metadata: metadata.merging(["error": "\(error.message)"]) { $1 })
            } catch let error as AdPlatformError {
                pass.failed.append(account.id)
                logger.warning(
                    "token refresh failed; trying again next pass",
                    metadata: metadata.merging(["error": "\(error.code): \(error.message)"]) { $1 })
            }
        }
        return pass
    }
}
