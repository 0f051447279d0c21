import Foundation

/// One ad in a stored creative test: its sums over the window, its rate, the test against the leader, its standing,
/// and what became of it: the pause requested for a loser, or why none was.
public struct CreativeTestArmRecord: Sendable, Hashable, Codable {
    /// The platform id of the ad.
    public var adID: String
    /// The ad's name on the platform, as mapped.
    public var adName: String?
    /// Times shown in the window.
    public var impressions: Int64
    /// Clicks in the window.
    public var clicks: Int64
    /// Whole conversions in the window.
    public var conversions: Int64
    /// The rate compared: successes over trials.
    public var rate: Double
    /// The z statistic of the leader's rate over this one's; `nil` for the leader.
    public var z: Double?
    /// The two-sided p-value of that test; `nil` for the leader.
    public var pValue: Double?
    /// Its standing, as the tester names it: `WINNER`, `LOSER` or `TESTING`.
    public var status: String
    /// The pause requested for a loser in apply mode (`GET /api/v1/actions/{id}` follows it).
    public var actionID: UUID?
    /// Why the engine refused that pause, when it did.
    public var actionError: String?
    /// Why a loser was not paused though it could have been: already paused, or a pause already under way.
    public var note: String?

    /// Creates an arm's record.
    public init(
        adID: String, adName: String?, impressions: Int64, clicks: Int64, conversions: Int64, rate: Double,
        z: Double?, pValue: Double?, status: String, actionID: UUID? = nil, actionError: String? = nil,
        note: String? = nil
    ) {
        self.adID = adID
        self.adName = adName
        self.impressions = impressions
        self.clicks = clicks
        self.conversions = conversions
        self.rate = rate
        self.z = z
        self.pValue = pValue
        self.status = status
        self.actionID = actionID
        self.actionError = actionError
        self.note = note
    }
}
