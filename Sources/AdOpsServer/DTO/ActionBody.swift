import AdPlatformKit
import Foundation

/// The body of `POST /api/v1/campaigns/{id}/actions`: `{"type": "pause", "level": "adGroup", "entity_ids": […]}`,
/// or `{"type": "budget", "budget": {"amount": "250.00", "period": "daily"}}`.
struct ActionBody: Decodable, Sendable {
    /// The budget of a `budget` action: an amount in the account's currency unless `currency` says otherwise, and a
    /// period (the campaign's current one by default).
    struct BudgetBody: Decodable, Sendable {
        /// The amount as a decimal string such as `"250.00"`, or a JSON number.
        var amount: String
        /// `daily` or `lifetime`.
        var period: Budget.Period?
        /// An ISO-4217 code; must be the ad account's.
        var currency: Currency?

        private enum CodingKeys: String, CodingKey {
            case amount, period, currency
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let text = try? container.decode(String.self, forKey: .amount) {
                amount = text
            } else if let number = try? container.decode(Decimal.self, forKey: .amount) {
                amount = "\(number)"
            } else if let number = try? container.decode(Double.self, forKey: .amount) {
                // Beyond Decimal's range: larger than any amount or finer than any minor unit, a well-formed amount
                // that breaks a rule (422), as a submission's budget says it.
                let error =
                    abs(number) >= 1
                    ? MoneyError(.overflow, "\(number) is too large for an amount")
                    : MoneyError(.tooPrecise, "\(number) is finer than one minor unit of any currency")
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: container.codingPath + [CodingKeys.amount], debugDescription: error.message,
                        underlyingError: error))
            } else if container.contains(.amount) {
                throw DecodingError.dataCorruptedError(
                    forKey: .amount, in: container,
                    debugDescription: "must be a decimal string such as \"250.00\", or a JSON number")
            } else {
                throw DecodingError.keyNotFound(
                    CodingKeys.amount,
                    .init(
                        codingPath: container.codingPath,
                        debugDescription: "an amount is required, as a decimal string such as \"250.00\""))
            }
            period = try container.decodeIfPresent(Budget.Period.self, forKey: .period)
            currency = try container.decodeIfPresent(Currency.self, forKey: .currency)
        }
    }

    /// `activate`, `pause`, `resume` or `budget`.
    var type: String
    /// `campaign` (the default), `adGroup` or `ad`.
    var level: String?
    /// Platform ids at the level; all of the level when absent or empty.
    var entityIDs: [String]?
    /// The budget, for `budget`.
    var budget: BudgetBody?

    private enum CodingKeys: String, CodingKey {
        case type, level
        case entityIDs = "entity_ids"
        case budget
    }
}
