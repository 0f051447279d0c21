import AdPlatformKit
import Foundation
import Trafficking

/// What the confirmation of an action shows: the campaign, the platform, and each entity's change.
struct ActionConfirmView {
    /// The campaign's id, for the form's URL and the cancel link.
    var campaignID: String
    /// The campaign's name.
    var campaignName: String
    /// The platform.
    var platform: String
    /// `budget 250.00 USD daily`.
    var action: String
    /// The level.
    var level: String
    /// One line per entity.
    var changes: [Change]
    /// The action's fields, carried to the request.
    var hidden: [HiddenField]
    /// The id the action is stored under, so posting twice stores it once.
    var requestID: String

    /// One entity's change.
    struct Change {
        var level: String
        var name: String
        var platformID: String
        var field: String
        var before: String
        var after: String
    }

    init(
        campaign: Campaign, kind: ActionKind, level: ActionLevel, steps: [ActionStep], hidden: [HiddenField],
        requestID: UUID
    ) {
        campaignID = campaign.id.uuidString
        campaignName = campaign.name
        platform = campaign.platform.rawValue
        action = kind.description
        self.level = level.rawValue
        changes = steps.map {
            Change(
                level: $0.level.rawValue, name: $0.name, platformID: $0.platformID, field: $0.field,
                before: $0.oldValue?.description ?? "read from the platform when it runs",
                after: $0.newValue.description)
        }
        self.hidden = hidden
        self.requestID = requestID.uuidString
    }
}
