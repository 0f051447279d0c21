import Foundation

/// An automation rule as the engine keeps it: its definition as JSON text (the `Automation` module's `Rule`, which
/// the engine stores without interpreting), with the columns the scheduler and the lists need beside it.
///
/// `version` rises by one on every change, so an edit can say which version it replaces and a concurrent edit is
/// refused rather than lost.
public struct StoredRule: Sendable, Hashable, Codable, Identifiable {
    /// The rule's id, chosen by its author (`cpa-guard`).
    public var id: String
    /// A name people read.
    public var name: String
    /// Whether the scheduler runs it.
    public var enabled: Bool
    /// Minutes between its runs.
    public var everyMinutes: Int
    /// The whole rule, as JSON text.
    public var definitionJSON: String
    /// 1 when created, one more on every change.
    public var version: Int
    /// When it was created, on the store's clock.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// When the scheduler last ran it; `nil` before its first run.
    public var lastRunAt: Date?
    /// When it is next due; `nil` when due now.
    public var nextRunAt: Date?

    /// Creates a stored rule; the store sets the version and the dates on create and update.
    public init(
        id: String, name: String, enabled: Bool, everyMinutes: Int, definitionJSON: String, version: Int = 1,
        createdAt: Date = Date(timeIntervalSince1970: 0), updatedAt: Date = Date(timeIntervalSince1970: 0),
        lastRunAt: Date? = nil, nextRunAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.enabled = enabled
        self.everyMinutes = everyMinutes
        self.definitionJSON = definitionJSON
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.lastRunAt = lastRunAt
        self.nextRunAt = nextRunAt
    }
}
