import AdPlatformKit

/// How much a budget or bid action changes the current value: by a percentage of it, or by an amount of money in
/// the account currency. Negative lowers.
public enum ChangeAmount: Sendable, Hashable, CustomStringConvertible {
    /// A percentage of the current value: `-20` lowers by a fifth.
    case percent(Double)
    /// An amount of money (a bid or budget is money); for a target ROAS, an amount is refused at planning.
    case amount(Money)

    /// `+20%`, `-10.00 USD`.
    public var description: String {
        switch self {
        case .percent(let percent): "\(percent >= 0 ? "+" : "")\(MetricExpression.format(percent))%"
        case .amount(let money): "\(money.minorUnits >= 0 ? "+" : "")\(money)"
        }
    }
}
