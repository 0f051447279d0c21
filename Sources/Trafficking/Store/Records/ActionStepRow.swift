import AdPlatformKit
import Foundation
import GRDB

/// A row of `action_steps`: one entity an action changes, with its old and new value and how far it got.
struct ActionStepRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "action_steps"

    var actionID: String
    var position: Int
    var level: String
    var platformID: String
    var parentPlatformID: String?
    var name: String
    var newValueJSON: String
    var oldValueJSON: String?
    var oldValueSource: String?
    var state: String
    var response: String?
    var startedAt: Date?
    var finishedAt: Date?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case actionID = "action_id"
        case position
        case level
        case platformID = "platform_id"
        case parentPlatformID = "parent_platform_id"
        case name
        case newValueJSON = "new_value_json"
        case oldValueJSON = "old_value_json"
        case oldValueSource = "old_value_source"
        case state
        case response
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    /// The columns queries use.
    typealias Columns = CodingKeys

    /// The row of a planned step.
    init(_ step: ActionStep, action: String) throws {
        actionID = action
        position = step.position
        level = step.level.rawValue
        platformID = step.platformID
        parentPlatformID = step.parentPlatformID
        name = step.name
        newValueJSON = try StoreJSON.encode(step.newValue)
        oldValueJSON = try step.oldValue.map { try StoreJSON.encode($0) }
        oldValueSource = step.oldValueSource?.rawValue
        state = step.state.rawValue
        response = step.response
        startedAt = nil
        finishedAt = step.finishedAt
    }

    /// The public value, or ``StoreError`` `corrupt` naming the column that cannot be read.
    func step() throws -> ActionStep {
        let table = Self.databaseTableName
        let row = "(\(actionID), \(position))"
        guard let stepLevel = ActionLevel(rawValue: level) else {
            throw StoreError.corrupt(table: table, row: row, column: "level", "holds unknown level '\(level)'")
        }
        guard let stepState = ActionStep.State(rawValue: state) else {
            throw StoreError.corrupt(table: table, row: row, column: "state", "holds unknown state '\(state)'")
        }
        var source: ActionStep.Source?
        if let oldValueSource {
            guard let known = ActionStep.Source(rawValue: oldValueSource) else {
                throw StoreError.corrupt(
                    table: table, row: row, column: "old_value_source", "holds unknown source '\(oldValueSource)'")
            }
            source = known
        }
        return ActionStep(
            position: position, level: stepLevel, platformID: platformID, parentPlatformID: parentPlatformID,
            name: name,
            newValue: try StoreJSON.decode(
                ActionValue.self, from: newValueJSON, table: table, row: row, column: "new_value_json"),
            oldValue: try oldValueJSON.map {
                try StoreJSON.decode(ActionValue.self, from: $0, table: table, row: row, column: "old_value_json")
            },
            oldValueSource: source, state: stepState, response: response, finishedAt: finishedAt)
    }
}
