import Foundation
import GRDB

/// A row of `rules`: one automation rule, its definition as JSON text.
struct RuleRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "rules"

    var id: String
    var name: String
    var enabled: Bool
    var everyMinutes: Int
    var definitionJSON: String
    var version: Int
    var createdAt: Date
    var updatedAt: Date
    var lastRunAt: Date?
    var nextRunAt: Date?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, name, enabled
        case everyMinutes = "every_minutes"
        case definitionJSON = "definition_json"
        case version
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case lastRunAt = "last_run_at"
        case nextRunAt = "next_run_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The row of a rule.
    init(_ rule: StoredRule) {
        id = rule.id
        name = rule.name
        enabled = rule.enabled
        everyMinutes = rule.everyMinutes
        definitionJSON = rule.definitionJSON
        version = rule.version
        createdAt = rule.createdAt
        updatedAt = rule.updatedAt
        lastRunAt = rule.lastRunAt
        nextRunAt = rule.nextRunAt
    }

    /// The public value.
    var rule: StoredRule {
        StoredRule(
            id: id, name: name, enabled: enabled, everyMinutes: everyMinutes, definitionJSON: definitionJSON,
            version: version, createdAt: createdAt, updatedAt: updatedAt, lastRunAt: lastRunAt, nextRunAt: nextRunAt)
    }
}
