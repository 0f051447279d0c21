/// Why a metrics sync could not start, naming the account or campaign and what to do.
public struct SyncError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The account or campaign does not exist.
        case notFound
        /// The account cannot be synced now: not ACTIVE (REQUIRES_REAUTH waits for new credentials), no
        /// credentials, or a platform without reporting.
        case unavailable
        /// Another run is syncing the account.
        case conflict
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
