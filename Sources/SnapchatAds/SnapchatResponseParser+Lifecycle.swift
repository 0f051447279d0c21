import AdPlatformKit
import Foundation

extension SnapchatResponseParser {
    /// The bid of an ad squad as read: `bid_strategy` with `bid_micro` or `roas_value_micro`. A squad with a
    /// `bid_micro` and no strategy is capped, the strategy Snap assumes for a bare max bid.
    public func bid(
        ofSquad squad: [String: JSONValue], currency: Currency, operation: String
    ) throws(AdPlatformError) -> BidStrategy {
        func money() throws(AdPlatformError) -> Money {
            guard let micros = squad["bid_micro"]?.int64Value else {
                throw malformedSquad(
                    "bid_micro is missing for bid_strategy \(squad["bid_strategy"]?.stringValue ?? "(none)")", operation
                )
            }
            do {
                return try Money(micros: micros, currency: currency)
            } catch {
                throw malformedSquad("bid_micro \(micros): \(error.message)", operation)
            }
        }
        switch squad["bid_strategy"]?.stringValue {
        case "AUTO_BID": return .automatic
        case "LOWEST_COST_WITH_MAX_BID": return .bidCap(try money())
        case "TARGET_COST": return .costCap(try money())
        case "MIN_ROAS":
            guard let micros = squad["roas_value_micro"]?.int64Value else {
                throw malformedSquad("roas_value_micro is missing for bid_strategy MIN_ROAS", operation)
            }
            return .targetROAS(ReturnOnAdSpend(basisPoints: micros / 100))
        case nil: return squad["bid_micro"] == nil ? .automatic : .bidCap(try money())
        case let other?: throw malformedSquad("bid_strategy '\(other)' is not one this module knows", operation)
        }
    }

    /// The generic targeting of an ad squad: countries from `geos` (included ones, upper-cased), the age range and
    /// gender of the first `demographics` entry (`min_age`/`max_age`, or `age_groups` such as `18-20`, `35+`).
    public func targeting(ofSquad squad: [String: JSONValue]) -> Targeting {
        let spec = squad["targeting"]
        var countries: [String] = []
        for geo in spec?["geos"]?.arrayValue ?? [] where geo["operation"]?.stringValue != "EXCLUDE" {
            if let code = geo["country_code"]?.stringValue?.uppercased(), !countries.contains(code) {
                countries.append(code)
            }
        }
        let demographic = spec?["demographics"]?[0]
        var ages: AgeRange?
        let minimum = demographic?["min_age"]?.scalarText.flatMap { Int($0) }
        let maximum = demographic?["max_age"]?.scalarText.flatMap { Int($0.replacingOccurrences(of: "+", with: "")) }
        if minimum != nil || maximum != nil {
            ages = AgeRange(minimum: minimum ?? 13, maximum: maximum ?? 50)
        } else if let groups = demographic?["age_groups"]?.arrayValue?.compactMap(\.stringValue), !groups.isEmpty {
            let bounds = groups.compactMap(Self.ageGroupBounds)
            if let low = bounds.map(\.0).min(), let high = bounds.map(\.1).max() {
                ages = AgeRange(minimum: low, maximum: high)
            }
        }
        let genders: [Gender] =
            switch demographic?["gender"]?.stringValue {
            case "MALE": [.male]
            case "FEMALE": [.female]
            default: []
            }
        return Targeting(countries: countries, ageRange: ages, genders: genders)
    }

    /// `18-20` → 18…20, `35+` → 35…50 (Snap's oldest age, meaning "and over").
    static func ageGroupBounds(_ group: String) -> (Int, Int)? {
        if group.hasSuffix("+"), let low = Int(group.dropLast()) { return (low, 50) }
        let parts = group.split(separator: "-")
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) else { return nil }
        return (low, high)
    }

    private func malformedSquad(_ message: String, _ operation: String) -> AdPlatformError {
        AdPlatformError(
            code: .malformedResponse, message: "Snapchat ad squad not understood: \(message)", platform: .snapchat,
            operation: operation)
    }
}
