import Foundation
import Trafficking

/// One ad of a creative test, as the API gives it: its sums over the window, its rate, the test against the
/// leader, its standing, and the pause requested for a loser or why none was.
public struct CreativeTestArmResource: Encodable, Sendable {
    var adID: String
    var adName: String?
    var impressions: Int64
    var clicks: Int64
    var conversions: Int64
    var rate: Double
    var z: Double?
    var pValue: Double?
    var status: String
    var actionID: UUID?
    var actionError: String?
    var note: String?

    private enum CodingKeys: String, CodingKey {
        case adID = "ad_id"
        case adName = "ad_name"
        case impressions, clicks, conversions, rate, z
        case pValue = "p_value"
        case status
        case actionID = "action_id"
        case actionError = "action_error"
        case note
    }

    /// The resource of a stored arm. Figures that are not finite numbers, which JSON cannot hold, are left out.
    public init(_ arm: CreativeTestArmRecord) {
        adID = arm.adID
        adName = arm.adName
        impressions = arm.impressions
        clicks = arm.clicks
        conversions = arm.conversions
        rate = arm.rate.isFinite ? arm.rate : 0
        z = arm.z.flatMap { $0.isFinite ? $0 : nil }
        pValue = arm.pValue.flatMap { $0.isFinite ? $0 : nil }
        status = arm.status
        actionID = arm.actionID
        actionError = arm.actionError
        note = arm.note
    }
}
