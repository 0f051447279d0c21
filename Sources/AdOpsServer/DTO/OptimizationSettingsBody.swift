import Foundation

/// The body of `PUT /api/v1/campaigns/{id}/optimization`: `{"auto_optimize": false}`,
/// `{"budget_minimum": "50.00", "budget_maximum": "400.00"}` or `{"budget_maximum": null}`. A field left out is left
/// as it is; a bound set to `null` is removed; `auto_optimize` takes no `null`.
struct OptimizationSettingsBody: Decodable, Sendable {
    /// A bound as the body gives it.
    enum Bound: Sendable, Hashable {
        /// `null`: remove the bound.
        case none
        /// A decimal amount in the campaign's budget currency, as written.
        case amount(String)
    }

    /// Whether the optimiser decides for the campaign; left as it is when absent.
    var autoOptimize: Bool?
    /// The least daily budget; left as it is when absent.
    var budgetMinimum: Bound?
    /// The most daily budget; left as it is when absent.
    var budgetMaximum: Bound?

    private enum CodingKeys: String, CodingKey {
        case autoOptimize = "auto_optimize"
        case budgetMinimum = "budget_minimum"
        case budgetMaximum = "budget_maximum"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        autoOptimize =
            try container.contains(.autoOptimize) ? container.decode(Bool.self, forKey: .autoOptimize) : nil
        budgetMinimum = try Self.bound(in: container, forKey: .budgetMinimum)
        budgetMaximum = try Self.bound(in: container, forKey: .budgetMaximum)
    }

    private static func bound(
        in container: KeyedDecodingContainer<CodingKeys>, forKey key: CodingKeys
    ) throws -> Bound? {
        guard container.contains(key) else { return nil }
        guard let text = try ActionBody.decimalText(in: container, forKey: key, finest: "one minor unit") else {
            return Bound.none
        }
        return .amount(text)
    }
}
