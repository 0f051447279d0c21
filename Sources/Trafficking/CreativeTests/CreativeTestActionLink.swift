import Foundation

/// What became of a loser's pause in apply mode: the lifecycle action requested, or why the engine refused one.
/// Written after the test itself, so every test is stored even when requesting its pauses fails.
public struct CreativeTestActionLink: Sendable, Hashable, Codable {
    /// The test (``CreativeTestRecord/id``).
    public var testID: UUID
    /// The platform id of the loser's ad.
    public var adID: String
    /// The action requested, or `nil` when it was refused.
    public var actionID: UUID?
    /// Why it was refused, or `nil` when it was requested.
    public var error: String?

    /// A pause requested as an action.
    public init(testID: UUID, adID: String, actionID: UUID) {
        self.testID = testID
        self.adID = adID
        self.actionID = actionID
        self.error = nil
    }

    /// A pause the engine refused, and why.
    public init(testID: UUID, adID: String, error: String) {
        self.testID = testID
        self.adID = adID
        self.actionID = nil
        self.error = error
    }
}
