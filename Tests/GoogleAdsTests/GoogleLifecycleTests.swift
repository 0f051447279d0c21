import AdPlatformKit
import AdPlatformTesting
import Foundation
import GoogleAds
import Testing

/// Bids, targeting and archive on Google Ads: the mutate bodies and update masks field by field, the GAQL reads
/// and their parsers, and the refusals the capability data makes before any call.
@Suite("Google lifecycle changes")
struct GoogleLifecycleTests {
    let builder = GoogleRequestBuilder()
    let account = GoogleTestSupport.account()
    let campaign = GoogleTestSupport.campaignEntity
    let adGroup = GoogleTestSupport.adGroupEntity

    func usd(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .usd) }

    func operation(_ request: PlatformHTTPRequest) throws -> JSONValue {
        try #require(try GoogleTestSupport.body(request)["operations"]?[0])
    }

    @Test(
        "ad group bids rewrite all three bid fields under one mask, setting only the new one",
        arguments: [
            (BidStrategy.automatic, nil as String?, nil as JSONValue?),
            (.bidCap(Money(minorUnits: 150, currency: .usd)), "cpcBidMicros", .string("1500000")),
            (.costCap(Money(minorUnits: 1_200, currency: .usd)), "targetCpaMicros", .string("12000000")),
            (.targetROAS(ReturnOnAdSpend(basisPoints: 25_000)), "targetRoas", .decimal(2.5)),
        ])
    func adGroupBid(bid: BidStrategy, field: String?, value: JSONValue?) throws {
        let request = try builder.setAdGroupBid(bid, of: adGroup, in: account)
        #expect(request.url.path(percentEncoded: false) == "/v23/customers/1234567890/adGroups:mutate")
        let change = try operation(request)
        #expect(change["updateMask"] == "cpcBidMicros,targetCpaMicros,targetRoas")
        let update = try #require(change["update"]?.objectValue)
        #expect(update["resourceName"] == "customers/1234567890/adGroups/33")
        #expect(update.count == (field == nil ? 1 : 2))
        if let field { #expect(update[field]?.scalarText == value?.scalarText) }
    }

    @Test(
        "campaign bids set a member of the bidding-strategy oneof with its field in the mask",
        arguments: [
            (
                BidStrategy.bidCap(Money(minorUnits: 150, currency: .usd)), "targetSpend", "cpcBidCeilingMicros",
                "1500000"
            ),
            (.costCap(Money(minorUnits: 1_200, currency: .usd)), "maximizeConversions", "targetCpaMicros", "12000000"),
            (.targetROAS(ReturnOnAdSpend(basisPoints: 25_000)), "maximizeConversionValue", "targetRoas", "2.5"),
        ])
    func campaignBid(bid: BidStrategy, member: String, field: String, value: String) throws {
        let request = try builder.setCampaignBid(bid, of: campaign, currentStrategyType: nil, in: account)
        #expect(request.url.path(percentEncoded: false) == "/v23/customers/1234567890/campaigns:mutate")
        let change = try operation(request)
        #expect(change["updateMask"]?.stringValue == "\(member).\(field)")
        #expect(change["update"]?[member]?[field]?.scalarText == value)
        #expect(change["update"]?["resourceName"] == "customers/1234567890/campaigns/22")
    }

    @Test(
        "an automatic campaign bid clears the cap or target of the strategy it has",
        arguments: [
            ("TARGET_SPEND" as String?, "targetSpend.cpcBidCeilingMicros", false),
            ("MAXIMIZE_CONVERSIONS", "maximizeConversions.targetCpaMicros", false),
            ("MAXIMIZE_CONVERSION_VALUE", "maximizeConversionValue.targetRoas", false),
            ("MANUAL_CPC", "maximizeConversions", true),
        ])
    func automaticCampaignBid(strategy: String?, mask: String, setsMember: Bool) throws {
        let change = try operation(
            try builder.setCampaignBid(.automatic, of: campaign, currentStrategyType: strategy, in: account))
        #expect(change["updateMask"]?.stringValue == mask)
        #expect((change["update"]?["maximizeConversions"] != nil) == setsMember)
        #expect(change["update"]?.objectValue?.count == (setsMember ? 2 : 1))
    }

    @Test("archive is the remove operation Google's REMOVED status comes from")
    func archive() throws {
        let change = try operation(try builder.archive(adGroup, in: account))
        #expect(change == ["remove": "customers/1234567890/adGroups/33"])
    }

    static func criterion(_ name: String, negative: Bool, _ target: GoogleCriterion.Target) -> GoogleCriterion {
        GoogleCriterion(resourceName: name, negative: negative, target: target)
    }

    @Test("countries: removes the locations that go, creates those that come, leaves exclusions alone")
    func campaignCountries() throws {
        let current = [
            Self.criterion(
                "customers/1234567890/campaignCriteria/22~2840", negative: false, .location("geoTargetConstants/2840")),
            Self.criterion(
                "customers/1234567890/campaignCriteria/22~2124", negative: false, .location("geoTargetConstants/2124")),
            Self.criterion(
                "customers/1234567890/campaignCriteria/22~2826", negative: true, .location("geoTargetConstants/2826")),
        ]
        let request = try #require(
            try builder.changeCampaignCountries(["US", "GB"], of: campaign, current: current, in: account))
        #expect(request.url.path(percentEncoded: false) == "/v23/customers/1234567890/campaignCriteria:mutate")
        let operations = try GoogleTestSupport.body(request)["operations"]
        #expect(
            operations
                == [
                    ["remove": "customers/1234567890/campaignCriteria/22~2124"],
                    [
                        "create": [
                            "campaign": "customers/1234567890/campaigns/22",
                            "location": ["geoTargetConstant": "geoTargetConstants/2826"],
                        ]
                    ],
                ])
        #expect(try builder.changeCampaignCountries(["US", "CA"], of: campaign, current: current, in: account) == nil)
        let unknown = #expect(throws: AdPlatformError.self) {
            try builder.changeCampaignCountries(["US", "NZ"], of: campaign, current: [], in: account)
        }
        #expect(unknown?.fieldPath == "targeting.countries[1]")
    }

    @Test("ages and genders become exclusions of the buckets outside them; only the fields given change")
    func demographics() throws {
        let current = [
            Self.criterion(
                "customers/1234567890/adGroupCriteria/33~503001", negative: true, .ageRange("AGE_RANGE_18_24")),
            Self.criterion(
                "customers/1234567890/adGroupCriteria/33~503006", negative: true, .ageRange("AGE_RANGE_65_UP")),
            Self.criterion("customers/1234567890/adGroupCriteria/33~10", negative: true, .gender("MALE")),
            Self.criterion(
                "customers/1234567890/adGroupCriteria/33~503999", negative: true, .ageRange("AGE_RANGE_UNDETERMINED")),
        ]
        let change = TargetingChange(ageRange: AgeRange(minimum: 25, maximum: 54), genders: [])
        let request = try #require(
            try builder.changeAdGroupDemographics(change, of: adGroup, current: current, in: account))
        #expect(request.url.path(percentEncoded: false) == "/v23/customers/1234567890/adGroupCriteria:mutate")
        let operations = try GoogleTestSupport.body(request)["operations"]?.arrayValue ?? []
        #expect(operations.count == 2, "exclusions still wanted stay: \(operations)")
        #expect(operations.contains(["remove": "customers/1234567890/adGroupCriteria/33~10"]))
        #expect(
            operations.contains([
                "create": [
                    "adGroup": "customers/1234567890/adGroups/33", "negative": true,
                    "ageRange": ["type": "AGE_RANGE_55_64"],
                ]
            ]))
        let genderOnly = try #require(
            try builder.changeAdGroupDemographics(
                TargetingChange(genders: [.male]), of: adGroup, current: current, in: account))
        let genderOperations = try GoogleTestSupport.body(genderOnly)["operations"]?.arrayValue ?? []
        #expect(genderOperations.count == 2, "the age exclusions are not touched: \(genderOperations)")
    }

    @Test("demographic buckets: a range excludes the buckets it does not touch, and reads back from them")
    func buckets() {
        #expect(GoogleDemographics.excludedAgeRanges(for: nil).isEmpty)
        #expect(
            GoogleDemographics.excludedAgeRanges(for: AgeRange(minimum: 30, maximum: 50))
                == ["AGE_RANGE_18_24", "AGE_RANGE_55_64", "AGE_RANGE_65_UP"])
        #expect(
            GoogleDemographics.ageRange(excluding: ["AGE_RANGE_18_24", "AGE_RANGE_55_64", "AGE_RANGE_65_UP"])
                == AgeRange(minimum: 25, maximum: 54))
        #expect(GoogleDemographics.ageRange(excluding: ["AGE_RANGE_UNDETERMINED"]) == nil)
        #expect(GoogleDemographics.genders(excluding: ["FEMALE"]) == [.male])
        #expect(GoogleDemographics.genders(excluding: ["MALE", "FEMALE"]).isEmpty)
    }

    @Test("reads: GAQL for bids, locations and demographics")
    func queries() throws {
        #expect(
            try GoogleQueryBuilder.adGroupBidQuery(adGroupID: "33")
                == "SELECT ad_group.id, ad_group.cpc_bid_micros, ad_group.target_cpa_micros, ad_group.target_roas "
                + "FROM ad_group WHERE ad_group.id = 33")
        #expect(try GoogleQueryBuilder.campaignBidQuery(campaignID: "22").contains("campaign.bidding_strategy_type"))
        #expect(
            try GoogleQueryBuilder.campaignLocationCriteriaQuery(campaignID: "22").hasSuffix(
                "campaign_criterion.type = 'LOCATION' AND campaign_criterion.status != 'REMOVED'"))
        #expect(
            try GoogleQueryBuilder.adGroupDemographicsQuery(adGroupID: "33").contains(
                "ad_group_criterion.type IN ('AGE_RANGE', 'GENDER')"))
        #expect(throws: AdPlatformError.self) { try GoogleQueryBuilder.adGroupBidQuery(adGroupID: "33 OR 1=1") }
    }

    @Test(
        "ad group bids parse with target ROAS first, then target CPA, then max CPC; zero is unset",
        arguments: [
            (
                #"{"adGroup":{"cpcBidMicros":"1500000","targetCpaMicros":"0","targetRoas":0}}"#,
                BidStrategy.bidCap(Money(minorUnits: 150, currency: .usd))
            ),
            (
                #"{"adGroup":{"cpcBidMicros":"1500000","targetCpaMicros":"12000000"}}"#,
                .costCap(Money(minorUnits: 1200, currency: .usd))
            ),
            (#"{"adGroup":{"targetRoas":2.5}}"#, .targetROAS(ReturnOnAdSpend(basisPoints: 25_000))),
            (#"{"adGroup":{"id":"33"}}"#, .automatic),
        ])
    func parsesAdGroupBid(row: String, expected: BidStrategy) throws {
        let rows = [try JSONValue(parsing: Data(row.utf8))]
        #expect(try GoogleResponseParser.adGroupBid(in: rows, currency: .usd, operation: "readBid") == expected)
    }

    @Test(
        "campaign bids parse by strategy type",
        arguments: [
            (
                #"{"campaign":{"biddingStrategyType":"TARGET_SPEND","targetSpend":{"cpcBidCeilingMicros":"1500000"}}}"#,
                BidStrategy.bidCap(Money(minorUnits: 150, currency: .usd))
            ),
            (#"{"campaign":{"biddingStrategyType":"TARGET_SPEND","targetSpend":{}}}"#, .automatic),
            (
                #"{"campaign":{"biddingStrategyType":"MAXIMIZE_CONVERSIONS","maximizeConversions":{"targetCpaMicros":"12000000"}}}"#,
                .costCap(Money(minorUnits: 1200, currency: .usd))
            ),
            (
                #"{"campaign":{"biddingStrategyType":"MAXIMIZE_CONVERSION_VALUE","maximizeConversionValue":{"targetRoas":3}}}"#,
                .targetROAS(ReturnOnAdSpend(basisPoints: 30_000))
            ),
            (#"{"campaign":{"biddingStrategyType":"MANUAL_CPC"}}"#, .automatic),
        ])
    func parsesCampaignBid(row: String, expected: BidStrategy) throws {
        let rows = [try JSONValue(parsing: Data(row.utf8))]
        #expect(try GoogleResponseParser.campaignBid(in: rows, currency: .usd, operation: "readBid").bid == expected)
        #expect(throws: AdPlatformError.self) {
            try GoogleResponseParser.campaignBid(in: [], currency: .usd, operation: "readBid")
        }
    }

    @Test("criteria parse into countries and demographics")
    func parsesCriteria() throws {
        let rows = try JSONValue(
            parsing: Data(
                #"""
                [{"campaignCriterion":{"resourceName":"customers/1/campaignCriteria/22~2840","location":{"geoTargetConstant":"geoTargetConstants/2840"}}},
                 {"campaignCriterion":{"resourceName":"customers/1/campaignCriteria/22~9","negative":false,"location":{"geoTargetConstant":"geoTargetConstants/1014044"}}},
                 {"adGroupCriterion":{"resourceName":"customers/1/adGroupCriteria/33~503001","negative":true,"type":"AGE_RANGE","ageRange":{"type":"AGE_RANGE_18_24"}}},
                 {"adGroupCriterion":{"resourceName":"customers/1/adGroupCriteria/33~10","negative":true,"type":"GENDER","gender":{"type":"MALE"}}}]
                """#.utf8))
        let criteria = try GoogleResponseParser.criteria(in: rows.arrayValue ?? [], operation: "readTargeting")
        #expect(criteria.count == 4)
        #expect(GoogleResponseParser.countries(of: criteria) == ["US", "geoTargetConstants/1014044"])
        let demographics = GoogleResponseParser.demographics(of: criteria)
        #expect(demographics.ageRange == AgeRange(minimum: 25, maximum: 65) && demographics.genders == [.female])
        #expect(throws: AdPlatformError.self) {
            try GoogleResponseParser.criteria(
                in: [["campaignCriterion": ["negative": true]]], operation: "readTargeting")
        }
    }

    @Test("archive maps to REMOVED in the data; what it refuses never reaches the transport")
    func refusals() async throws {
        let lifecycle = GoogleCapabilities.capabilities.lifecycle
        #expect(lifecycle.archive.kind == .removal && lifecycle.archive.platformValue == "REMOVED")
        #expect(!lifecycle.archive.reversible)
        let transport = ScriptedTransport()
        let platform = GoogleAdsPlatform(transport: transport)
        let countries = await #expect(throws: AdPlatformError.self) {
            try await platform.changeTargeting(TargetingChange(countries: ["US"]), of: adGroup, in: account)
        }
        #expect(countries?.code == .unsupported && countries?.message.contains("campaign") == true)
        let young = await #expect(throws: AdPlatformError.self) {
            try await platform.changeTargeting(
                TargetingChange(ageRange: AgeRange(minimum: 13, maximum: 24)), of: adGroup, in: account)
        }
        #expect(young?.code == .invalidParameter && young?.message.contains("18 to 65") == true)
        await #expect(throws: AdPlatformError.self) {
            try await platform.setBudget(Budget(.lifetime, usd(10_000)), of: campaign, in: account)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("an automatic campaign bid reads the strategy type first")
    func automaticFlow() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: #"{"results":[{"campaign":{"biddingStrategyType":"MAXIMIZE_CONVERSIONS"}}]}"#)
        transport.enqueue(json: #"{"results":[{"resourceName":"customers/1234567890/campaigns/22"}]}"#)
        let platform = GoogleAdsPlatform(transport: transport)
        try await platform.setBid(.automatic, of: campaign, in: account)
        #expect(transport.requests.count == 2)
        let change = try operation(try #require(transport.lastRequest))
        #expect(change["updateMask"] == "maximizeConversions.targetCpaMicros")
    }
}
