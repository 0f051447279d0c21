/// An action with its log and its platform calls, for people following it.
public struct ActionDetail: Sendable, Hashable {
    /// The action, with its steps.
    public var action: LifecycleAction
    /// Its log, oldest first.
    public var log: [ActionLogEntry]
    /// Its platform calls, redacted, oldest first.
    public var calls: [APICallRecord]

    /// Creates a detail.
    public init(action: LifecycleAction, log: [ActionLogEntry], calls: [APICallRecord]) {
        self.action = action
        self.log = log
        self.calls = calls
    }
}
