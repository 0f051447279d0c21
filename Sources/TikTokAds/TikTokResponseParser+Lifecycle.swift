import AdPlatformKit

extension TikTokResponseParser {
    /// The bid and targeting of the one ad group a ``TikTokRequestBuilder/readAdGroupSettings(_:in:operation:)``
    /// asked for; `notFound` when TikTok lists none.
    public static func adGroupSettings(
        _ adGroupID: String, currency: Currency, from response: PlatformHTTPResponse, operation: String
    ) throws(AdPlatformError) -> TikTokAdGroupSettings {
        let (items, _, _) = try listData(from: response, operation: operation)
        guard let item = items.first(where: { identifier($0["adgroup_id"]) == adGroupID }) else {
            throw AdPlatformError(
                code: .notFound, message: "TikTok has no ad group \(adGroupID)", platform: .tiktok,
                operation: operation, httpStatus: response.status)
        }
        func money(_ field: String) throws(AdPlatformError) -> Money {
            guard let text = item[field]?.scalarText, let amount = try? Money(decimal: text, currency: currency)
            else {
                throw malformed(
                    "expected a decimal \(field) in \(currency.code), got \(item[field]?.scalarText ?? "none")",
                    response, operation)
            }
            return amount
        }
        let bid: BidStrategy
        if item["deep_bid_type"]?.stringValue == "VO_MIN_ROAS" {
            guard let text = item["roas_bid"]?.scalarText, let roas = try? ReturnOnAdSpend(decimal: text) else {
                throw malformed("expected roas_bid with deep_bid_type VO_MIN_ROAS", response, operation)
            }
            bid = .targetROAS(roas)
        } else if item["bid_type"]?.stringValue == "BID_TYPE_CUSTOM" {
            bid =
                item["billing_event"]?.stringValue == "OCPM"
                ? .costCap(try money("conversion_bid_price")) : .bidCap(try money("bid_price"))
        } else {
            bid = .automatic
        }
        let locations = item["location_ids"]?.arrayValue?.compactMap { identifier($0) } ?? []
        let groups = item["age_groups"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let targeting = Targeting(
            countries: TikTokTargetingTranslator.countries(forLocationIDs: locations),
            ageRange: TikTokTargetingTranslator.ageRange(forGroups: groups),
            genders: TikTokTargetingTranslator.genders(forGender: item["gender"]?.stringValue))
        return TikTokAdGroupSettings(
            billingEvent: item["billing_event"]?.stringValue, optimizationGoal: item["optimization_goal"]?.stringValue,
            bid: bid, targeting: targeting)
    }
}
