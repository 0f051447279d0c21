import Foundation

/// An ad group a creative-test run did not test, and why: fewer than two of its ads have synced figures in the
/// window.
public struct SkippedAdGroup: Sendable, Hashable {
    /// The platform id of the ad group.
    public var adGroupID: String
    /// Its name on the platform, as mapped.
    public var adGroupName: String?
    /// Why it was not tested, for a person.
    public var reason: String

    /// Creates a skipped ad group.
    public init(adGroupID: String, adGroupName: String?, reason: String) {
        self.adGroupID = adGroupID
        self.adGroupName = adGroupName
        self.reason = reason
    }
}
