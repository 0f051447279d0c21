/// How much of one of a platform's limits a call's answer says is used: one reading of a usage header, such as
/// Meta's `X-Ad-Account-Usage` or Snapchat's `X-Rate-Limit-Remaining`.
///
/// The engine keeps an account's calls under a share of every signal (75% by default) and, at that share, waits
/// until the signal's reset before the next call, instead of running into the limit.
public struct UsageSignal: Sendable, Hashable {
    /// Whose limit the reading is of.
    public enum Scope: Sendable, Hashable {
        /// The ad account's (or its business's) limit: only that account's calls wait.
        case account
        /// The app's limit, shared by every account the app calls for: all of them wait.
        case app
    }

    /// The header and field read, e.g. `X-Business-Use-Case-Usage ads_management`; names the signal in logs and
    /// keeps readings of different limits apart.
    public var name: String
    /// Whose limit it is.
    public var scope: Scope
    /// The share used, in percent: 0 to 100, and beyond once the limit is exceeded.
    public var percent: Double
    /// How long until the usage resets or access is regained, where the platform says; `nil` where it does not.
    public var resetAfter: Duration?

    /// Creates a reading.
    public init(name: String, scope: Scope, percent: Double, resetAfter: Duration? = nil) {
        self.name = name
        self.scope = scope
        self.percent = percent
        self.resetAfter = resetAfter
    }
}
