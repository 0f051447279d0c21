import AdPlatformKit
import Foundation
import Trafficking

/// The optimiser's table: ROAS thresholds, budget steps and caps, the learning phase and the window. Every
/// default is seed 003's (`BudgetOptimizer` and its "Budget Optimization Thresholds").
public struct BudgetOptimizerSettings: Sendable, Hashable, Codable {
    /// At or above: increase by ``excellentIncrease`` (seed 3.0).
    public var excellentROAS: ReturnOnAdSpend
    /// At or above: increase by ``goodIncrease`` (seed 2.0).
    public var goodROAS: ReturnOnAdSpend
    /// At or above: maintain (seed 1.0).
    public var acceptableROAS: ReturnOnAdSpend
    /// Under: pause the campaign (seed 0.5). Between this and ``acceptableROAS``: decrease.
    public var poorROAS: ReturnOnAdSpend
    /// The increase for an excellent return (seed 20%, at most 100 of the account currency).
    public var excellentIncrease: BudgetStep
    /// The increase for a good return (seed 10%, uncapped).
    public var goodIncrease: BudgetStep
    /// The decrease for a return under break-even (seed 20%).
    public var suboptimalDecrease: BudgetStep
    /// Under this much spend in the window, in major units of the account currency, the campaign is still learning
    /// (seed 50).
    public var learningMinimumSpendMajorUnits: Int64
    /// Under this many days of delivery in the window, the campaign is still learning (seed 3).
    public var learningMinimumDeliveryDays: Int
    /// The days the decision looks back over, ending yesterday (7).
    public var windowDays: Int
    /// Whether the window ends today rather than yesterday. Off by default: today's figures are partial, and a
    /// decision on them sees a fraction of a day's conversions against most of its spend.
    public var includesToday: Bool
    /// How sure each decision is.
    public var confidences: DecisionConfidences
    /// Who the lifecycle actions are requested by, as the engine logs it.
    public var requestedBy: String

    /// Creates settings; every default is seed 003's.
    public init(
        excellentROAS: ReturnOnAdSpend = ReturnOnAdSpend(basisPoints: 30_000),
        goodROAS: ReturnOnAdSpend = ReturnOnAdSpend(basisPoints: 20_000),
        acceptableROAS: ReturnOnAdSpend = ReturnOnAdSpend(basisPoints: 10_000),
        poorROAS: ReturnOnAdSpend = ReturnOnAdSpend(basisPoints: 5_000),
        excellentIncrease: BudgetStep = BudgetStep(basisPoints: 2_000, capMajorUnits: 100),
        goodIncrease: BudgetStep = BudgetStep(basisPoints: 1_000),
        suboptimalDecrease: BudgetStep = BudgetStep(basisPoints: 2_000),
        learningMinimumSpendMajorUnits: Int64 = 50, learningMinimumDeliveryDays: Int = 3, windowDays: Int = 7,
        includesToday: Bool = false, confidences: DecisionConfidences = DecisionConfidences(),
        requestedBy: String = "optimizer"
    ) {
        self.excellentROAS = excellentROAS
        self.goodROAS = goodROAS
        self.acceptableROAS = acceptableROAS
        self.poorROAS = poorROAS
        self.excellentIncrease = excellentIncrease
        self.goodIncrease = goodIncrease
        self.suboptimalDecrease = suboptimalDecrease
        self.learningMinimumSpendMajorUnits = learningMinimumSpendMajorUnits
        self.learningMinimumDeliveryDays = learningMinimumDeliveryDays
        self.windowDays = windowDays
        self.includesToday = includesToday
        self.confidences = confidences
        self.requestedBy = requestedBy
    }

    /// The band of a return on ad spend.
    public func band(of roas: ReturnOnAdSpend) -> PerformanceBand {
        if roas >= excellentROAS { return .excellent }
        if roas >= goodROAS { return .good }
        if roas >= acceptableROAS { return .acceptable }
        if roas < poorROAS { return .poor }
        return .suboptimal
    }
}
