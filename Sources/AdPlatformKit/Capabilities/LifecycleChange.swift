/// One change asked for after launch, with its value, as the capability check sees it.
public enum LifecycleChange: Sendable, Hashable, CustomStringConvertible {
    /// A status change.
    case status(StatusAction)
    /// A new budget.
    case budget(Budget)
    /// A new bid.
    case bid(BidStrategy)
    /// A targeting change.
    case targeting(TargetingChange)

    /// The capability the action needs, as named in refusals and notes: `status.archive`, `budget.lifetime`,
    /// `bid.costCap`, `targeting`.
    public var capability: String {
        switch self {
        case .status(let action): "status.\(action.rawValue)"
        case .budget(let budget): "budget.\(budget.period.rawValue)"
        case .bid(let bid): "bid.\(bid.kind.rawValue)"
        case .targeting: "targeting"
        }
    }

    /// `bid costCap 12.00 USD`.
    public var description: String {
        switch self {
        case .status(let action): "status \(action.rawValue)"
        case .budget(let budget): "budget \(budget)"
        case .bid(let bid): "bid \(bid)"
        case .targeting(let change): "targeting \(change)"
        }
    }
}
