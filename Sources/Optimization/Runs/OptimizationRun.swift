import AdPlatformKit
import Foundation
import Trafficking

/// What one optimiser run over stored campaigns did: a decision per campaign optimised, each logged, with its
/// action in apply mode, and the campaigns left alone with the reason.
public struct OptimizationRun: Sendable, Hashable {
    /// Dry run or apply.
    public var mode: OptimizationMode
    /// When it ran, on the store's clock.
    public var ranAt: Date
    /// The days its decisions looked at, `YYYY-MM-DD`, both included.
    public var since: String
    /// The last day its decisions looked at.
    public var until: String
    /// One line per campaign decided on, in the order the campaigns were listed (newest first).
    public var decisions: [CampaignOptimization]
    /// The campaigns left alone, and why.
    public var skipped: [SkippedCampaign]
    /// Every campaign the run considered, by id, for the names and platforms of ``skipped``.
    public var campaigns: [UUID: Campaign]

    /// Creates a run's result.
    public init(
        mode: OptimizationMode, ranAt: Date, since: String, until: String, decisions: [CampaignOptimization],
        skipped: [SkippedCampaign], campaigns: [UUID: Campaign]
    ) {
        self.mode = mode
        self.ranAt = ranAt
        self.since = since
        self.until = until
        self.decisions = decisions
        self.skipped = skipped
        self.campaigns = campaigns
    }

    /// The lifecycle actions the run requested, in order.
    public var actionIDs: [UUID] { decisions.compactMap(\.actionID) }
}
