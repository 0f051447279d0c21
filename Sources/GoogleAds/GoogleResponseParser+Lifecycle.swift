import AdPlatformKit

extension GoogleResponseParser {
    /// An ad group's bid from the first row of ``GoogleQueryBuilder/adGroupBidQuery(adGroupID:)``: a target ROAS
    /// override first, then a target CPA override, then a max CPC; none set (or zero, as proto3 reads unset
    /// numbers) is automatic.
    public static func adGroupBid(
        in rows: [JSONValue], currency: Currency, operation: String
    ) throws(AdPlatformError) -> BidStrategy {
        guard let adGroup = rows.first?["adGroup"] else {
            throw .google(.notFound, "the ad group does not exist", operation: operation)
        }
        if let roas = positiveROAS(adGroup["targetRoas"]) { return .targetROAS(roas) }
        if let cpa = try positiveMoney(adGroup["targetCpaMicros"], currency: currency, operation: operation) {
            return .costCap(cpa)
        }
        if let cpc = try positiveMoney(adGroup["cpcBidMicros"], currency: currency, operation: operation) {
            return .bidCap(cpc)
        }
        return .automatic
    }

    /// A campaign's bid and its `biddingStrategyType` from the first row of
    /// ``GoogleQueryBuilder/campaignBidQuery(campaignID:)``: Maximize clicks with a max CPC is a bid cap, Maximize
    /// conversions with a target CPA a cost cap, Maximize conversion value with a target ROAS a target ROAS;
    /// those strategies without their cap or target, and every other strategy, read as automatic (manual CPC bids
    /// sit on the ad groups).
    public static func campaignBid(
        in rows: [JSONValue], currency: Currency, operation: String
    ) throws(AdPlatformError) -> (bid: BidStrategy, strategyType: String?) {
        guard let campaign = rows.first?["campaign"] else {
            throw .google(.notFound, "the campaign does not exist", operation: operation)
        }
        let type = campaign["biddingStrategyType"]?.stringValue
        switch type {
        case "TARGET_SPEND":
            let ceiling = try positiveMoney(
                campaign["targetSpend"]?["cpcBidCeilingMicros"], currency: currency, operation: operation)
            return (ceiling.map(BidStrategy.bidCap) ?? .automatic, type)
        case "MAXIMIZE_CONVERSIONS":
            let target = try positiveMoney(
                campaign["maximizeConversions"]?["targetCpaMicros"], currency: currency, operation: operation)
            return (target.map(BidStrategy.costCap) ?? .automatic, type)
        case "MAXIMIZE_CONVERSION_VALUE":
            let roas = positiveROAS(campaign["maximizeConversionValue"]?["targetRoas"])
            return (roas.map(BidStrategy.targetROAS) ?? .automatic, type)
        default:
            return (.automatic, type)
        }
    }

    /// The criteria in rows of ``GoogleQueryBuilder/campaignLocationCriteriaQuery(campaignID:)`` or
    /// ``GoogleQueryBuilder/adGroupDemographicsQuery(adGroupID:)``; rows of other types are skipped.
    public static func criteria(in rows: [JSONValue], operation: String) throws(AdPlatformError) -> [GoogleCriterion] {
        var result: [GoogleCriterion] = []
        for (index, row) in rows.enumerated() {
            guard let criterion = row["campaignCriterion"] ?? row["adGroupCriterion"] else { continue }
            guard let name = criterion["resourceName"]?.stringValue else {
                throw .google(
                    .malformedResponse, "expected a criterion resourceName in search row \(index)",
                    operation: operation)
            }
            let negative = criterion["negative"]?.boolValue ?? false
            let target: GoogleCriterion.Target
            if let location = criterion["location"]?["geoTargetConstant"]?.stringValue {
                target = .location(location)
            } else if let age = criterion["ageRange"]?["type"]?.stringValue, criterion["type"]?.stringValue != "GENDER"
            {
                target = .ageRange(age)
            } else if let gender = criterion["gender"]?["type"]?.stringValue {
                target = .gender(gender)
            } else {
                continue
            }
            result.append(GoogleCriterion(resourceName: name, negative: negative, target: target))
        }
        return result
    }

    /// The countries of positive location criteria, in the order found; geo targets with no country in
    /// ``GoogleGeoTargets`` are returned as their resource names, so nothing targeted is hidden.
    public static func countries(of criteria: [GoogleCriterion]) -> [String] {
        var result: [String] = []
        for criterion in criteria where !criterion.negative {
            guard case .location(let location) = criterion.target else { continue }
            let id = location.split(separator: "/").last.flatMap { Int($0) }
            let country = GoogleGeoTargets.countryCriterionIDs.first { $0.value == id }?.key ?? location
            if !result.contains(country) { result.append(country) }
        }
        return result
    }

    /// Age range and genders from an ad group's demographic exclusions.
    public static func demographics(of criteria: [GoogleCriterion]) -> (ageRange: AgeRange?, genders: [Gender]) {
        var ages: Set<String> = []
        var genders: Set<String> = []
        for criterion in criteria where criterion.negative {
            switch criterion.target {
            case .ageRange(let type): ages.insert(type)
            case .gender(let type): genders.insert(type)
            case .location: break
            }
        }
        return (GoogleDemographics.ageRange(excluding: ages), GoogleDemographics.genders(excluding: genders))
    }

    private static func positiveMoney(
        _ value: JSONValue?, currency: Currency, operation: String
    ) throws(AdPlatformError) -> Money? {
        guard let micros = value?.int64Value, micros > 0 else { return nil }
        do {
            return try Money(micros: micros, currency: currency)
        } catch {
            throw .google(.malformedResponse, "bid of \(micros) micros: \(error.message)", operation: operation)
        }
    }

    private static func positiveROAS(_ value: JSONValue?) -> ReturnOnAdSpend? {
        guard let ratio = value?.doubleValue, ratio > 0 else { return nil }
        return ReturnOnAdSpend(basisPoints: Int64((ratio * 10_000).rounded()))
    }
}
