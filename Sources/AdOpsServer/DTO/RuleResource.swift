import Automation
import Foundation
import Trafficking

/// A stored automation rule, as `GET /api/v1/rules/{id}` and `adops rules show --json` give it: the columns the
/// scheduler keeps (state, schedule, version, last and next run) and the whole rule in the rule format.
public struct RuleResource: Encodable, Sendable {
    var id: String
    var name: String
    var enabled: Bool
    var everyMinutes: Int
    var version: Int
    var createdAt: Date
    var updatedAt: Date
    var lastRunAt: Date?
    var nextRunAt: Date?
    var rule: Rule?
    var links: [String: String]

    private enum CodingKeys: String, CodingKey {
        case id, name, enabled
        case everyMinutes = "every_minutes"
        case version
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case lastRunAt = "last_run_at"
        case nextRunAt = "next_run_at"
        case rule, links
    }

    /// The resource of a stored rule; `rule` is `nil` when its definition cannot be read by this version.
    public init(_ stored: StoredRule, rule: Rule?) {
        id = stored.id
        name = stored.name
        enabled = stored.enabled
        everyMinutes = stored.everyMinutes
        version = stored.version
        createdAt = stored.createdAt
        updatedAt = stored.updatedAt
        lastRunAt = stored.lastRunAt
        nextRunAt = stored.nextRunAt
        self.rule = rule
        links = ["self": Self.path(of: stored.id), "history": Self.path(of: stored.id) + "/history"]
    }

    /// The resource of a stored rule, its definition read from the stored JSON with the state of its `enabled`
    /// column.
    public init(_ stored: StoredRule) {
        self.init(stored, rule: Self.definition(of: stored))
    }

    /// The rule a stored one holds, with its enabled state from the column; `nil` when this version cannot read it.
    public static func definition(of stored: StoredRule) -> Rule? {
        try? Automator.definition(of: stored)
    }

    /// `/api/v1/rules/<id>`, the id percent-encoded as one path segment.
    static func path(of id: String) -> String {
        "/api/v1/rules/" + (id.addingPercentEncoding(withAllowedCharacters: pathSegment) ?? id)
    }

    /// The characters a path segment may hold unencoded (RFC 3986 `unreserved`).
    private static let pathSegment = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Encodes every key, the optional dates and the rule as `null` when absent, so clients can always read them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(enabled, forKey: .enabled)
        try container.encode(everyMinutes, forKey: .everyMinutes)
        try container.encode(version, forKey: .version)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(lastRunAt, forKey: .lastRunAt)
        try container.encode(nextRunAt, forKey: .nextRunAt)
        try container.encode(rule, forKey: .rule)
        try container.encode(links, forKey: .links)
    }
}
