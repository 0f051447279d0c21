import AdPlatformKit
import Foundation
import Trafficking

/// Where a creative stands in its test: seed 003's `CreativeStatus` values for a test.
public enum CreativeTestStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not yet told apart from the others.
    case testing = "TESTING"
    /// Better than every other creative at the test's confidence.
    case winner = "WINNER"
    /// Worse than the leader at the test's confidence: its ad is paused.
    case loser = "LOSER"
}
