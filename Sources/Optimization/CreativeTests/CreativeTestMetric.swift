import AdPlatformKit
import Foundation
import Trafficking

/// The rate a creative test compares.
public enum CreativeTestMetric: String, Sendable, Hashable, Codable, CaseIterable {
    /// Clicks per impression.
    case clickThroughRate
    /// Conversions per click.
    case conversionRate
}
