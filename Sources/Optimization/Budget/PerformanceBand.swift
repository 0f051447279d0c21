import AdPlatformKit
import Foundation
import Trafficking

/// Where a campaign's return on ad spend falls in the optimiser's table, or why it was not placed in it.
public enum PerformanceBand: String, Sendable, Hashable, Codable, CaseIterable {
    /// Too little spend or too few days of delivery to judge.
    case learning
    /// No spend in the window with the learning thresholds off.
    case noSpend
    /// At or above the excellent threshold (3.0): increase strongly.
    case excellent
    /// At or above the good threshold (2.0): increase gently.
    case good
    /// At or above break-even (1.0): maintain.
    case acceptable
    /// Between the poor threshold and break-even (0.5 to 1.0): decrease.
    case suboptimal
    /// Under the poor threshold (0.5): pause.
    case poor
}
