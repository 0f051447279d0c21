import AdPlatformKit
import Foundation
import Trafficking

/// Whether an optimisation pass only logs its decisions or also acts on them.
public enum OptimizationMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Decide and log; request no action.
    case dryRun
    /// Decide, log, and request the lifecycle actions that carry the decisions out.
    case apply
}
