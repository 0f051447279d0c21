import Foundation

/// The bid and demographic checks of campaign and ad group mutates: bid amounts, target ROAS ranges, the
/// campaign bidding-strategy oneof, and the criterion ids of age ranges, genders and country locations.
extension GoogleAdsMutation {
    /// The largest bid the emulator accepts, in micros (a million currency units). Google's ceilings are
    /// per-currency and unpublished; this one is ours.
    static let maximumBidMicros: Int64 = 1_000_000_000_000

    /// Target ROAS limits of the `TargetRoas` and `MaximizeConversionValue` messages: "between 0.01 and 1000.0,
    /// inclusive".
    static let targetROASRange = 0.01...1000.0

    /// Age-range criterion ids: Google's fixed ids for `AgeRangeType` (its "Codes and formats" page; not in the
    /// reference), so adding one twice finds the first.
    static let ageRangeCriterionIDs: [String: String] = [
        "AGE_RANGE_18_24": "503001", "AGE_RANGE_25_34": "503002", "AGE_RANGE_35_44": "503003",
        "AGE_RANGE_45_54": "503004", "AGE_RANGE_55_64": "503005", "AGE_RANGE_65_UP": "503006",
        "AGE_RANGE_UNDETERMINED": "503999",
    ]

    /// Gender criterion ids: Google's fixed ids for `GenderType` (same source).
    static let genderCriterionIDs: [String: String] = ["MALE": "10", "FEMALE": "11", "UNDETERMINED": "20"]

    /// Country geo target constants the emulator knows: Google's country ids are 2000 plus the ISO-3166 numeric
    /// code (`2840` is the United States). Ids in the country range that are not here are refused as unknown;
    /// ids outside it (regions, cities) are accepted unchecked.
    static let countryGeoTargets: [String: String] = [
        "2840": "US", "2124": "CA", "2826": "GB", "2276": "DE", "2250": "FR", "2392": "JP", "2036": "AU",
        "2484": "MX", "2076": "BR", "2356": "IN", "2724": "ES", "2380": "IT", "2528": "NL", "2752": "SE",
        "2410": "KR", "2360": "ID", "2764": "TH", "2704": "VN", "2608": "PH", "2458": "MY", "2702": "SG",
        "2682": "SA", "2784": "AE", "2792": "TR", "2818": "EG", "2616": "PL", "2554": "NZ", "2372": "IE",
        "2032": "AR", "2170": "CO", "2152": "CL", "2056": "BE", "2040": "AT", "2756": "CH", "2208": "DK",
        "2578": "NO", "2246": "FI", "2620": "PT",
    ]

    /// Checks a bid in micros: at least and a multiple of the currency's minimum unit (one cent), at most
    /// ``maximumBidMicros``. `nil` or zero is an unset bid and passes.
    static func checkBidMicros(_ value: MockJSON?, location: Path) throws(Failure) {
        guard let value, let micros = GoogleAdsPayloadDecoder.integer(value), micros != 0 else { return }
        let trigger = GoogleAdsError.int64Trigger(micros)
        if micros < minimumCurrencyUnitMicros {
            throw Failure(GoogleAdsError("biddingError", "BID_TOO_SMALL", trigger: trigger, location: location))
        }
        if micros > maximumBidMicros {
            throw Failure(GoogleAdsError("biddingError", "BID_TOO_BIG", trigger: trigger, location: location))
        }
        if micros % minimumCurrencyUnitMicros != 0 {
            throw Failure(
                GoogleAdsError("biddingError", "BID_TOO_MANY_FRACTIONAL_DIGITS", trigger: trigger, location: location))
        }
    }

    /// Checks a target ROAS: within ``targetROASRange``; `nil` or zero is unset and passes.
    static func checkTargetROAS(_ value: MockJSON?, location: Path) throws(Failure) {
        guard let value, let ratio = value.text.flatMap(Double.init), ratio != 0 else { return }
        let trigger = MockJSON.object([("doubleValue", .double(ratio))])
        if ratio < targetROASRange.lowerBound {
            throw Failure(GoogleAdsError("rangeError", "TOO_LOW", trigger: trigger, location: location))
        }
        if ratio > targetROASRange.upperBound {
            throw Failure(GoogleAdsError("rangeError", "TOO_HIGH", trigger: trigger, location: location))
        }
    }

    /// Checks an ad group's bid fields: `cpc_bid_micros`, `target_cpa_micros` and `target_roas`.
    static func checkAdGroupBids(_ fields: MockJSON, location: Path) throws(Failure) {
        try checkBidMicros(fields["cpcBidMicros"], location: at(location, "cpc_bid_micros"))
        try checkBidMicros(fields["targetCpaMicros"], location: at(location, "target_cpa_micros"))
        try checkTargetROAS(fields["targetRoas"], location: at(location, "target_roas"))
    }

    /// The bidding strategy members of `resources.Campaign` (the `campaign_bidding_strategy` oneof), JSON names.
    static let biddingStrategyMembers: [String] = {
        guard let campaign = GoogleAdsSchema.v23.message("resources.Campaign") else { return [] }
        return campaign.fields.filter { $0.oneof == "campaign_bidding_strategy" }.map(\.jsonName)
    }()

    /// A campaign's fields after an update that touched its bidding strategy: the member set by the update is the
    /// strategy (the others of the oneof are dropped, as setting one member of a proto oneof clears the rest),
    /// `biddingStrategyType` follows it, and its cap or target is checked.
    static func applyingBiddingStrategy(
        _ fields: MockJSON, changed: Set<String>, location: Path
    ) throws(Failure) -> MockJSON {
        guard let member = biddingStrategyMembers.first(where: { changed.contains($0) }),
            let members = fields.members
        else { return fields }
        var result = MockJSON.object(members.filter { !biddingStrategyMembers.contains($0.0) || $0.0 == member })
        if result[member] == nil { result = result.setting(member, .object([])) }
        if let type = enumValue(for: member, in: "enums.BiddingStrategyTypeEnum.BiddingStrategyType") {
            result = result.setting("biddingStrategyType", .string(type))
        }
        let strategy = result[member] ?? .object([])
        let proto = GoogleAdsSchema.snakeCase(member)
        try checkBidMicros(strategy["cpcBidCeilingMicros"], location: at(location, proto, "cpc_bid_ceiling_micros"))
        try checkBidMicros(strategy["targetCpaMicros"], location: at(location, proto, "target_cpa_micros"))
        try checkTargetROAS(strategy["targetRoas"], location: at(location, proto, "target_roas"))
        return result
    }

    /// The criterion id a demographic or location criterion gets, checked: Google's fixed ids for age ranges and
    /// genders, the constant's id for a location (refused when it is in the country range but no country). `nil`
    /// for criteria whose id is minted.
    static func criterionID(member: String, body: MockJSON, location: Path) throws(Failure) -> String? {
        switch member {
        case "ageRange":
            return try fixedID(
                body["ageRange"]?["type"]?.string, ids: ageRangeCriterionIDs,
                location: at(location, "age_range", "type"))
        case "gender":
            return try fixedID(
                body["gender"]?["type"]?.string, ids: genderCriterionIDs, location: at(location, "gender", "type"))
        default:
            return nil
        }
    }

    /// The fixed id of a demographic type. An unset (`UNSPECIFIED`) type is a missing required field; a value the
    /// JSON decoder let through but that names no bucket (`UNKNOWN`) is an invalid enum value. Unknown names never
    /// get here: decoding refuses them first, as Google's JSON parser does.
    private static func fixedID(_ type: String?, ids: [String: String], location: Path) throws(Failure) -> String {
        guard let type, type != "UNSPECIFIED" else {
            throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: location))
        }
        guard let id = ids[type] else {
            throw Failure(
                GoogleAdsError(
                    "requestError", "INVALID_ENUM_VALUE", trigger: GoogleAdsError.stringTrigger(type),
                    location: location))
        }
        return id
    }

    /// Refuses a geo target constant id in Google's country range (2000–2999) that names no country the emulator
    /// knows.
    static func checkGeoTarget(_ id: String, text: String, location: Path) throws(Failure) {
        guard let number = Int(id), (2000...2999).contains(number), countryGeoTargets[id] == nil else { return }
        throw Failure(
            GoogleAdsError(
                "criterionError", "INVALID_CRITERION_ID", trigger: GoogleAdsError.stringTrigger(text),
                location: location))
    }
}
