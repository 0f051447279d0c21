import Automation
import Crypto
import Foundation
import Trafficking

/// Who may sign in to the console, how long a session lasts, what its cookies say, and which other origins its
/// pages may frame (the platforms' own ad previews).
public struct ConsoleConfiguration: Sendable {
    /// The lowercase hex SHA-256 of each accepted API key: the console signs in with the REST API's keys.
    public var apiKeyHashes: [String]
    /// The key (32 random bytes) that signs session cookies and derives CSRF tokens. Processes serving one console
    /// behind a load balancer share it; a random one (the default) signs everyone out when the process restarts.
    public var sessionKey: Data
    /// How long a session lasts after sign-in.
    public var sessionLifetime: Duration
    /// Whether cookies are `Secure`: set it when the console is served over TLS (directly or behind a proxy).
    public var secureCookies: Bool
    /// Origins whose pages the Creative Studio frames (the platforms' preview iframes, e.g. the emulator's
    /// `http://127.0.0.1:4010`); the Content-Security-Policy allows only these.
    public var frameOrigins: [String]
    /// Runs, previews and edits automation rules, as the REST API's rule routes do.
    public var automator: Automator?
    /// The rate budgets of the worker in this process, whose use the accounts page shows and which the Studio's
    /// platform previews draw on; `nil` when no worker runs here (`adops serve --no-worker`).
    public var rateBudget: RateBudget?

    /// Creates a configuration.
    public init(
        apiKeyHashes: [String], sessionKey: Data = ConsoleConfiguration.randomKey(),
        sessionLifetime: Duration = .seconds(12 * 3_600), secureCookies: Bool = false, frameOrigins: [String] = [],
        automator: Automator? = nil, rateBudget: RateBudget? = nil
    ) {
        self.apiKeyHashes = apiKeyHashes
        self.sessionKey = sessionKey
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.frameOrigins = frameOrigins
        self.automator = automator
        self.rateBudget = rateBudget
    }

    /// 32 random bytes from the system's secure generator.
    public static func randomKey() -> Data {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }
}
