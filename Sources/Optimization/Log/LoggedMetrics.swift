import AdPlatformKit
import Foundation
import Trafficking

/// The figures a logged decision was made on: a campaign's window, or a creative test's comparison.
public enum LoggedMetrics: Sendable, Hashable, Codable {
    /// A budget decision's window.
    case campaign(PerformanceSnapshot)
    /// A creative test's figures: every arm, and the test between the leader and each other arm.
    case creativeTest(CreativeTestResult)
}
