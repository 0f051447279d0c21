import AdPlatformKit

/// Turns what a person or client typed for a budget or a bid action (decimal text, an optional currency and period)
/// into the value of an ``ActionKind``, the same way for the REST API and the web console: an amount is in the
/// currency given, else the ad account's, else the campaign budget's; a budget keeps the campaign's period unless
/// one is given. Field paths are the request's (`budget.amount`, `bid.amount`, `bid.roas`, `bid.currency`).
public enum ActionValues {
    /// Why a typed value is not one an action can take, naming the field.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The request's field path, e.g. `budget.amount`.
        public var fieldPath: String
        /// What is wrong, for people.
        public var message: String
        /// The rule broken, for a value that parses but cannot be held (`tooPrecise`, `overflow`); `nil` for text
        /// that is not a number or a missing or extra field.
        public var brokenRule: String?

        /// Creates a failure.
        public init(fieldPath: String, message: String, brokenRule: String? = nil) {
            self.fieldPath = fieldPath
            self.message = message
            self.brokenRule = brokenRule
        }

        /// `field: message`.
        public var description: String { "\(fieldPath): \(message)" }
    }

    /// The currency an amount is in when none is given: the ad account's (`nil` when deleted), else the campaign
    /// budget's.
    public static func defaultCurrency(campaign: Campaign, account: AdAccount?) -> Currency {
        account?.currency ?? campaign.budget.amount.currency
    }

    /// The budget of a `budget` action on `campaign`, whose ad account is `account` (`nil` when deleted).
    public static func budget(
        amount: String, period: Budget.Period?, currency: Currency?, campaign: Campaign, account: AdAccount?
    ) throws(Failure) -> Budget {
        let money = try money(
            amount, currency: currency ?? defaultCurrency(campaign: campaign, account: account), field: "budget.amount")
        return Budget(period ?? campaign.budget.period, money)
    }

    /// The bid of a `bid` action: a cap or target cost takes an amount, a target ROAS a ratio, automatic neither.
    /// `defaultCurrency` (``defaultCurrency(campaign:account:)``) is read only for a cap or target cost with an
    /// amount, so a caller may look the campaign up only then.
    public static func bid(
        strategy: BidStrategy.Kind, amount: String?, roas: String?, currency: Currency?,
        defaultCurrency: () async throws -> Currency
    ) async throws -> BidStrategy {
        switch strategy {
        case .automatic:
            if amount != nil { throw Failure(fieldPath: "bid.amount", message: "an automatic bid takes no amount") }
            if roas != nil { throw Failure(fieldPath: "bid.roas", message: "an automatic bid takes no roas") }
            return .automatic
        case .bidCap, .costCap:
            if roas != nil {
                throw Failure(
                    fieldPath: "bid.roas", message: "a \(strategy.rawValue) bid takes an amount, not a roas")
            }
            guard let amount else {
                throw Failure(
                    fieldPath: "bid.amount", message: "a \(strategy.rawValue) bid needs an amount, e.g. \"1.50\"")
            }
            let resolved: Currency
            if let currency { resolved = currency } else { resolved = try await defaultCurrency() }
            let money = try money(amount, currency: resolved, field: "bid.amount")
            return strategy == .bidCap ? .bidCap(money) : .costCap(money)
        case .targetROAS:
            if amount != nil {
                throw Failure(fieldPath: "bid.amount", message: "a targetROAS bid takes a roas, not an amount")
            }
            if currency != nil {
                throw Failure(fieldPath: "bid.currency", message: "a targetROAS bid takes no currency")
            }
            guard let roas else {
                throw Failure(fieldPath: "bid.roas", message: "a targetROAS bid needs a roas, e.g. \"2.5\"")
            }
            do {
                return .targetROAS(try ReturnOnAdSpend(decimal: roas))
            } catch {
                throw Failure(
                    fieldPath: "bid.roas", message: error.message,
                    brokenRule: error.reason == .notADecimal ? nil : error.reason.rawValue)
            }
        }
    }

    /// An amount in `currency`.
    private static func money(_ text: String, currency: Currency, field: String) throws(Failure) -> Money {
        do {
            return try Money(decimal: text, currency: currency)
        } catch {
            throw Failure(
                fieldPath: field, message: error.message,
                brokenRule: error.reason == .notADecimal ? nil : error.reason.rawValue)
        }
    }
}
