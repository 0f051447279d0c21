import AdPlatformKit
import Foundation

/// The body of `POST /api/v1/campaigns/{id}/actions`: `{"type": "pause", "level": "adGroup", "entity_ids": […]}`,
/// `{"type": "archive"}`, `{"type": "budget", "budget": {"amount": "250.00", "period": "daily"}}`,
/// `{"type": "bid", "level": "adGroup", "bid": {"strategy": "costCap", "amount": "12.00"}}` or
/// `{"type": "targeting", "level": "adGroup", "targeting": {"countries": ["US", "CA"], "ageRange": {"min": 25,
/// "max": 44}}}`.
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
            guard let text = try ActionBody.decimalText(in: container, forKey: .amount, finest: "one minor unit")
            else {
                throw DecodingError.keyNotFound(
                    CodingKeys.amount,
                    .init(
                        codingPath: container.codingPath,
                        debugDescription: "an amount is required, as a decimal string such as \"250.00\""))
            }
            amount = text
            period = try container.decodeIfPresent(Budget.Period.self, forKey: .period)
            currency = try container.decodeIfPresent(Currency.self, forKey: .currency)
        }
    }

    /// The bid of a `bid` action: a strategy, with an amount for a cap or target cost (in the account's currency unless
    /// `currency` says otherwise) or a ratio for a target ROAS.
    struct BidBody: Decodable, Sendable {
        /// `automatic`, `bidCap`, `costCap` or `targetROAS`.
        var strategy: BidStrategy.Kind
        /// The amount of a cap or target cost, as a decimal string such as `"1.50"`, or a JSON number.
        var amount: String?
        /// An ISO-4217 code; must be the ad account's.
        var currency: Currency?
        /// The target return on ad spend of `targetROAS`, as a decimal ratio such as `"2.5"`, or a JSON number.
        var roas: String?

        private enum CodingKeys: String, CodingKey {
            case strategy, amount, currency, roas
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            strategy = try container.decode(BidStrategy.Kind.self, forKey: .strategy)
            amount = try ActionBody.decimalText(in: container, forKey: .amount, finest: "one minor unit")
            currency = try container.decodeIfPresent(Currency.self, forKey: .currency)
            roas = try ActionBody.decimalText(in: container, forKey: .roas, finest: "a ROAS's four decimal places")
        }
    }

    /// `activate`, `pause`, `resume`, `archive`, `budget`, `bid` or `targeting`.
    var type: String
    /// `campaign` (the default), `adGroup` or `ad`.
    var level: String?
    /// Platform ids at the level; all of the level when absent or empty.
    var entityIDs: [String]?
    /// The budget, for `budget`.
    var budget: BudgetBody?
    /// The bid, for `bid`.
    var bid: BidBody?
    /// The fields to change, for `targeting`: `countries`, `ageRange` (`{"min": 18, "max": 44}`), `genders`.
    var targeting: TargetingChange?

    private enum CodingKeys: String, CodingKey {
        case type, level
        case entityIDs = "entity_ids"
        case budget, bid, targeting
    }

    /// A decimal given as a string or a JSON number, as text; `nil` when absent or null. A JSON number beyond
    /// `Decimal`'s range is either larger than any amount or finer than `finest`: a well-formed value that breaks a
    /// rule, so it is thrown with its ``MoneyError``, which the API answers with a 422, as ``Money`` does.
    static func decimalText<Key: CodingKey>(
        in container: KeyedDecodingContainer<Key>, forKey key: Key, finest: String
    ) throws -> String? {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return nil }
        if let text = try? container.decode(String.self, forKey: key) { return text }
        if let number = try? container.decode(Decimal.self, forKey: key) { return "\(number)" }
        guard let number = try? container.decode(Double.self, forKey: key) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "must be a decimal string such as \"1.50\", or a JSON number")
        }
        let error =
            abs(number) >= 1
            ? MoneyError(.overflow, "\(number) is too large")
            : MoneyError(.tooPrecise, "\(number) is finer than \(finest)")
        throw DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: container.codingPath + [key], debugDescription: error.message, underlyingError: error))
    }
}
