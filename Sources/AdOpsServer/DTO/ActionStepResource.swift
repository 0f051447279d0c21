import AdPlatformKit
import Foundation
import Trafficking

/// One entity a lifecycle action changes, in ``ActionResource``: the value it gets, the value it had and where that
/// came from, how far it got, and the platform's answer.
struct ActionStepResource: Encodable, Sendable {
    /// Its place in the action, from 0.
    var position: Int
    /// `campaign`, `adGroup` or `ad`.
    var level: ActionLevel
    /// The platform's id.
    var platformID: String
    /// The parent's platform id.
    var parentPlatformID: String?
    /// The name on the platform.
    var name: String
    /// `status`, `budget`, `bid` or `targeting`.
    var field: String
    /// The value it had: `{"status": "PAUSED"}`, `{"budget": {…}}`, `{"bid": {…}}` or `{"targeting": {…}}`; absent
    /// when unknown.
    var oldValue: ActionValue?
    /// `platform` (read just before the change) or `records` (our last-seen value).
    var oldValueSource: ActionStep.Source?
    /// The value it gets.
    var newValue: ActionValue
    /// `pending`, `started` or `done`.
    var state: ActionStep.State
    /// The platform's answer to the change, redacted.
    var response: String?
    /// When the change was confirmed.
    var finishedAt: Date?

    private enum CodingKeys: String, CodingKey {
        case position, level
        case platformID = "platform_id"
        case parentPlatformID = "parent_platform_id"
        case name, field
        case oldValue = "old_value"
        case oldValueSource = "old_value_source"
        case newValue = "new_value"
        case state, response
        case finishedAt = "finished_at"
    }

    init(_ step: ActionStep) {
        position = step.position
        level = step.level
        platformID = step.platformID
        parentPlatformID = step.parentPlatformID
        name = step.name
        field = step.field
        oldValue = step.oldValue
        oldValueSource = step.oldValueSource
        newValue = step.newValue
        state = step.state
        response = step.response
        finishedAt = step.finishedAt
    }
}
