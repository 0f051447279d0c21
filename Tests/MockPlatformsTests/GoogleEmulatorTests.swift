import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

/// The Google Ads emulator over real sockets: proto3 JSON shapes, atomic `googleAds:mutate` with temporary ids,
/// GAQL search and stream, paging, state changes, validation codes with field paths, delivery metrics, faults,
/// rate limits, OAuth and bad input, each checked against reference §4.
@Suite("Google Ads emulator")
struct GoogleEmulatorTests {
    typealias Client = GoogleTestClient

    /// Creates the full hierarchy; returns the resource names in operation order.
    static func createHierarchy(
        _ client: Client, name: String, status: String = "ENABLED", budgetMicros: Int64 = 50_000_000
    )
        async throws -> [String]
    {
        let reply = try await client.call(
            "googleAds:mutate", Client.hierarchy(name: name, status: status, budgetMicros: budgetMicros))
        #expect(reply.status == 200, "\(reply.json.serialized)")
        let responses = reply.json["mutateOperationResponses"]?.array ?? []
        return responses.compactMap { $0.members?.first?.1["resourceName"]?.string }
    }

    static func id(_ resourceName: String) -> String {
        String(resourceName.split(separator: "/").last?.split(separator: "~").last ?? "")
    }

    // MARK: - Hierarchy, reads and paging

    @Test("googleAds:mutate creates the hierarchy with temporary ids, in Google's ids and names")
    func atomicHierarchy() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let reply = try await client.call(
                "googleAds:mutate", Client.hierarchy(name: "Winter launch [ao-1a2b3c4d5e]"))
            #expect(reply.status == 200)
            #expect(reply.headers["request-id"]?.count == 22)
            let responses = try #require(reply.json["mutateOperationResponses"]?.array)
            #expect(
                responses.compactMap { $0.members?.first?.0 } == [
                    "campaignBudgetResult", "campaignResult", "adGroupResult", "adGroupAdResult",
                    "campaignCriterionResult", "adGroupCriterionResult",
                ])
            let names = responses.compactMap { $0.members?.first?.1["resourceName"]?.string }
            #expect(names.count == 6)
            let budgetID = Self.id(names[0])
            let campaignID = Self.id(names[1])
            let adGroupID = Self.id(names[2])
            let adID = Self.id(names[3])
            for id in [budgetID, campaignID, adGroupID, adID] {
                #expect((10...11).contains(id.count) && id.allSatisfy(\.isNumber), "\(id)")
            }
            #expect(names[0] == Client.name("campaignBudgets", budgetID))
            #expect(names[3] == Client.name("adGroupAds", "\(adGroupID)~\(adID)"))
            #expect(names[4] == Client.name("campaignCriteria", "\(campaignID)~2840"))
            #expect(names[5].hasPrefix(Client.name("adGroupCriteria", "\(adGroupID)~")))

            let world = running.mock.world
            let campaign = try #require(world.entity("google", campaignID))
            #expect(campaign.kind == "campaign" && campaign.isActive && campaign.dailyBudgetMicros == 50_000_000)
            let ad = try #require(world.entity("google", adID))
            #expect(ad.kind == "adGroupAd" && ad.role == .leaf && ad.parentID == adGroupID)
            #expect(ad.landingURL == "https://example.test/signup?utm_source=google&utm_campaign=winter")
            #expect(world.entity("google", "\(campaignID)~2840")?.kind == "campaignCriterion")

            let read = try await client.search(
                "SELECT campaign.id, campaign.name, campaign.status, campaign.campaign_budget, "
                    + "campaign.network_settings.target_google_search, campaign_budget.amount_micros FROM campaign "
                    + "WHERE campaign.id = \(campaignID)")
            #expect(read.status == 200)
            let row = try #require(read.results.first)
            #expect(row["campaign"]?["id"] == .string(campaignID))
            #expect(row["campaign"]?["resourceName"] == .string(names[1]))
            #expect(row["campaign"]?["status"] == .string("ENABLED"))
            #expect(row["campaign"]?["campaignBudget"] == .string(names[0]))
            #expect(row["campaignBudget"]?["amountMicros"] == .string("50000000"))
            #expect(row["campaignBudget"]?["resourceName"] == .string(names[0]))
            #expect(read.json["requestId"] == nil)
            #expect(
                read.json["fieldMask"]
                    == .string(
                        "campaign.id,campaign.name,campaign.status,campaign.campaignBudget,"
                            + "campaign.networkSettings.targetGoogleSearch,campaignBudget.amountMicros"))

            let ads = try await client.search(
                "SELECT ad_group_ad.resource_name, ad_group_ad.ad.id, ad_group_ad.status, "
                    + "ad_group_ad.ad.responsive_search_ad.path1, ad_group.name, campaign.id FROM ad_group_ad "
                    + "WHERE ad_group.id = \(adGroupID)")
            let adRow = try #require(ads.results.first)
            #expect(adRow["adGroupAd"]?["ad"]?["resourceName"] == .string(Client.name("ads", adID)))
            #expect(adRow["adGroupAd"]?["ad"]?["id"] == .string(adID))
            #expect(adRow["adGroupAd"]?["ad"]?["responsiveSearchAd"]?["path1"] == .string("movies"))
            #expect(adRow["campaign"]?["id"] == .string(campaignID))

            // The adapter's own lookups: a resource-name filter and a quoted enum.
            let byCampaign = try await client.search(
                "SELECT ad_group.id FROM ad_group WHERE ad_group.name LIKE '%AD GROUP%' AND ad_group.campaign = '"
                    + names[1] + "'")
            #expect(byCampaign.results.count == 1)
            let locations = try await client.search(
                "SELECT campaign_criterion.location.geo_target_constant FROM campaign_criterion WHERE campaign.id = "
                    + "\(campaignID) AND campaign_criterion.type = 'LOCATION'")
            #expect(
                locations.results.first?["campaignCriterion"]?["location"]?["geoTargetConstant"]
                    == .string("geoTargetConstants/2840"))
        }
    }

    @Test("search pages at 10,000 rows with stable, query-bound page tokens; searchStream batches the same rows")
    func paging() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let assets = (0..<10_001).map { index in
                Client.create([
                    ("name", .string("Text \(index)")), ("textAsset", .object([("text", .string("T\(index)"))])),
                ])
            }
            let first = try await client.call("assets:mutate", Client.operations(Array(assets.prefix(10_000))))
            #expect(first.status == 200 && first.results.count == 10_000)
            let second = try await client.call("assets:mutate", Client.operations([assets[10_000]]))
            let lastName = try #require(second.results.first?["resourceName"]?.string)

            let query = "SELECT asset.id, asset.name, asset.type FROM asset"
            let page1 = try await client.search(query)
            #expect(page1.results.count == 10_000)
            #expect(page1.results.first?["asset"]?["name"] == .string("Text 0"))
            #expect(page1.results.first?["asset"]?["type"] == .string("TEXT"))
            let token = try #require(page1.json["nextPageToken"]?.string)
            let page2 = try await client.search(query, pageToken: token)
            #expect(page2.results.count == 1)
            #expect(page2.results.first?["asset"]?["resourceName"] == .string(lastName))
            #expect(page2.json["nextPageToken"] == nil)
            let again = try await client.search(query, pageToken: token)
            #expect(again.results.first?["asset"]?["resourceName"] == .string(lastName))

            let foreign = try await client.search("SELECT asset.id FROM asset", pageToken: token)
            #expect(foreign.status == 400 && foreign.codes == ["requestError.INVALID_PAGE_TOKEN"])
            let sized = try await client.call(
                "googleAds:search", .object([("query", .string(query)), ("pageSize", .int(5))]))
            #expect(sized.codes == ["requestError.PAGE_SIZE_NOT_SUPPORTED"] && sized.fieldPath == "page_size")

            let stream = try await client.call("googleAds:searchStream", .object([("query", .string(query))]))
            let batches = try #require(stream.json.array)
            #expect(batches.map { $0["results"]?.array?.count ?? 0 } == [10_000, 1])
            #expect(batches.allSatisfy { $0["requestId"]?.string?.isEmpty == false && $0["fieldMask"] != nil })

            let limited = try await client.search(query + " ORDER BY asset.id DESC LIMIT 3")
            #expect(limited.results.count == 3 && limited.json["nextPageToken"] == nil)
            #expect(limited.results.first?["asset"]?["resourceName"] == .string(lastName))
        }
    }

    // MARK: - State changes

    @Test("status and budget updates are visible on read and in the world; removes hide from filtered lists")
    func updatesAndRemoves() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let names = try await Self.createHierarchy(client, name: "Mutable")
            let campaignID = Self.id(names[1])
            let pause = try await client.call(
                "campaigns:mutate",
                Client.operations(
                    [
                        .object([
                            ("update", .object([("resourceName", .string(names[1])), ("status", .string("PAUSED"))])),
                            ("updateMask", .string("status")),
                        ])
                    ], extra: [("responseContentType", .string("MUTABLE_RESOURCE"))]))
            #expect(pause.status == 200, "\(pause.json.serialized)")
            #expect(pause.results.first?["resourceName"] == .string(names[1]))
            #expect(pause.results.first?["campaign"]?["status"] == .string("PAUSED"))
            let read = try await client.search("SELECT campaign.status FROM campaign WHERE campaign.id = \(campaignID)")
            #expect(read.results.first?["campaign"]?["status"] == .string("PAUSED"))
            #expect(running.mock.world.entity("google", campaignID)?.isActive == false)

            let budget = try await client.call(
                "campaignBudgets:mutate",
                Client.operations([
                    .object([
                        (
                            "update",
                            .object([("resourceName", .string(names[0])), ("amountMicros", .string("75000000"))])
                        ),
                        ("updateMask", .string("amount_micros")),
                    ])
                ]))
            #expect(budget.status == 200 && budget.results.first?["resourceName"] == .string(names[0]))
            #expect(running.mock.world.entity("google", campaignID)?.dailyBudgetMicros == 75_000_000)

            let noMask = try await client.call(
                "campaigns:mutate",
                Client.operations([
                    .object([
                        ("update", .object([("resourceName", .string(names[1])), ("status", .string("ENABLED"))]))
                    ])
                ]))
            #expect(noMask.codes == ["fieldMaskError.FIELD_MASK_MISSING"])
            let immutable = try await client.call(
                "campaigns:mutate",
                Client.operations([
                    .object([
                        (
                            "update",
                            .object([
                                ("resourceName", .string(names[1])), ("advertisingChannelType", .string("DISPLAY")),
                            ])
                        ), ("updateMask", .string("advertisingChannelType")),
                    ])
                ]))
            #expect(immutable.codes == ["requestError.IMMUTABLE_FIELD"])

            let remove = try await client.call(
                "adGroupAds:mutate", Client.operations([.object([("remove", .string(names[3]))])]))
            #expect(remove.status == 200 && remove.results.first?["resourceName"] == .string(names[3]))
            let live = try await client.search(
                "SELECT ad_group_ad.status FROM ad_group_ad WHERE ad_group_ad.status != REMOVED")
            #expect(live.results.isEmpty)
            let all = try await client.search("SELECT ad_group_ad.status FROM ad_group_ad")
            #expect(all.results.first?["adGroupAd"]?["status"] == .string("REMOVED"))
            #expect(running.mock.world.entity("google", Self.id(names[3]))?.deleted == true)
            let again = try await client.call(
                "adGroupAds:mutate", Client.operations([.object([("remove", .string(names[3]))])]))
            #expect(again.codes == ["operationAccessDeniedError.OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE"])

            let inUse = try await client.call(
                "campaignBudgets:mutate", Client.operations([.object([("remove", .string(names[0]))])]))
            #expect(inUse.codes == ["campaignBudgetError.CAMPAIGN_BUDGET_IN_USE"])
        }
    }

    @Test("atomic requests store nothing on error; partialFailure keeps the good ones; validateOnly keeps none")
    func atomicityPartialFailureAndValidateOnly() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            var body = Client.hierarchy(name: "Half done")
            if var operations = body["mutateOperations"]?.array {
                operations[2] = .object([
                    (
                        "adGroupOperation",
                        .object([
                            (
                                "create",
                                .object([
                                    ("resourceName", .string(Client.name("adGroups", "-3"))),
                                    ("campaign", .string(Client.name("campaigns", "-2"))),
                                ])
                            )
                        ])
                    )
                ])
                body = body.setting("mutateOperations", .array(operations))
            }
            let failed = try await client.call("googleAds:mutate", body)
            #expect(failed.status == 400)
            #expect(failed.error?["status"] == .string("INVALID_ARGUMENT"))
            #expect(failed.codes.first == "fieldError.REQUIRED")
            #expect(Client.Reply.path(failed.errors.first) == "mutate_operations[2].ad_group_operation.create.name")
            #expect(failed.codes.contains("newResourceCreationError.TEMP_ID_RESOURCE_HAD_ERRORS"))
            #expect(
                failed.detail?["@type"]
                    == .string("type.googleapis.com/google.ads.googleads.v23.errors.GoogleAdsFailure"))
            #expect(failed.detail?["requestId"]?.string?.isEmpty == false)
            #expect(running.mock.world.entities("google", kind: "campaignBudget", account: Client.customer).isEmpty)

            let partial = try await client.call(
                "campaignBudgets:mutate",
                Client.operations(
                    [
                        Client.create([("name", .string("Good")), ("amountMicros", .string("10000000"))]),
                        Client.create([("name", .string("Bad")), ("amountMicros", .string("10000001"))]),
                    ], extra: [("partialFailure", .bool(true))]))
            #expect(partial.status == 200)
            #expect(partial.results.count == 2 && partial.results[1] == .object([]))
            let partialError = try #require(partial.json["partialFailureError"])
            #expect(partialError["code"] == .int(3))
            let errors = partialError["details"]?.array?.first?["errors"]?.array ?? []
            #expect(Client.Reply.path(errors.first) == "operations[1].create.amount_micros")
            #expect(
                errors.first?["errorCode"]?["campaignBudgetError"] == .string("NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT"))
            #expect(running.mock.world.entities("google", kind: "campaignBudget", account: Client.customer).count == 1)

            let dryRun = try await client.call(
                "campaignBudgets:mutate",
                Client.operations(
                    [Client.create([("name", .string("Dry")), ("amountMicros", .string("10000000"))])],
                    extra: [("validateOnly", .bool(true))]))
            #expect(dryRun.status == 200 && dryRun.json == .object([]))
            #expect(running.mock.world.entities("google", kind: "campaignBudget", account: Client.customer).count == 1)
        }
    }

    // MARK: - Validation

    @Test("validation answers Google's error codes with the offending field's path")
    func validation() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let names = try await Self.createHierarchy(client, name: "Validation home")
            func campaign(_ members: [(String, MockJSON)]) async throws -> Client.Reply {
                try await client.call("campaigns:mutate", Client.operations([Client.create(members)]))
            }
            let base: [(String, MockJSON)] = [
                ("advertisingChannelType", .string("SEARCH")), ("campaignBudget", .string(names[0])),
            ]
            let unnamed = try await campaign(base)
            #expect(unnamed.codes == ["fieldError.REQUIRED"] && unnamed.fieldPath == "operations[0].create.name")
            let duplicate = try await campaign(base + [("name", .string("Validation home"))])
            #expect(duplicate.codes == ["campaignError.DUPLICATE_CAMPAIGN_NAME"])
            let noChannel = try await campaign([("name", .string("x")), ("campaignBudget", .string(names[0]))])
            #expect(noChannel.fieldPath == "operations[0].create.advertising_channel_type")
            let badEnum = try await campaign(base + [("name", .string("x")), ("status", .string("LIVE"))])
            #expect(badEnum.status == 400)
            #expect(badEnum.detail?["@type"] == .string("type.googleapis.com/google.rpc.BadRequest"))
            #expect(
                badEnum.error?["message"]?.string
                    == "Invalid value at 'operations[0].create.status' "
                    + "(type.googleapis.com/google.ads.googleads.v23.enums.CampaignStatusEnum.CampaignStatus), \"LIVE\""
            )
            let removedStatus = try await campaign(base + [("name", .string("x")), ("status", .string("REMOVED"))])
            #expect(removedStatus.codes == ["operationAccessDeniedError.CREATE_AS_REMOVED_NOT_PERMITTED"])
            let unknownBudget = try await campaign(
                [
                    ("name", .string("x")), ("advertisingChannelType", .string("SEARCH")),
                    ("campaignBudget", .string(Client.name("campaignBudgets", "999"))),
                ])
            #expect(unknownBudget.codes == ["mutateError.RESOURCE_NOT_FOUND"])
            #expect(unknownBudget.fieldPath == "operations[0].create.campaign_budget")
            let badDate = try await campaign(base + [("name", .string("x")), ("startDateTime", .string("20261201"))])
            #expect(badDate.codes == ["dateError.INVALID_STRING_DATE_TIME_SECONDS"])

            func budget(_ micros: String) async throws -> Client.Reply {
                try await client.call(
                    "campaignBudgets:mutate",
                    Client.operations([
                        Client.create([("name", .string("B \(micros)")), ("amountMicros", .string(micros))])
                    ]))
            }
            #expect(try await budget("0").codes == ["campaignBudgetError.MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC"])
            #expect(try await budget("-10000").codes == ["campaignBudgetError.NEGATIVE_MONEY_AMOUNT"])
            let uneven = try await budget("1234567")
            #expect(uneven.codes == ["campaignBudgetError.NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT"])
            #expect(uneven.errors.first?["trigger"]?["int64Value"] == .string("1234567"))
            let wrongType = try await budget("lots")
            #expect(wrongType.status == 400)
            #expect(
                wrongType.error?["message"]?.string
                    == "Invalid value at 'operations[0].create.amount_micros' (TYPE_INT64), \"lots\"")

            func ad(_ ad: MockJSON, adGroup: String = names[2]) async throws -> Client.Reply {
                try await client.call(
                    "adGroupAds:mutate",
                    Client.operations([Client.create([("adGroup", .string(adGroup)), ("ad", ad)])]))
            }
            let tooLong = try await ad(Client.rsa(headlines: ["This headline is longer than thirty", "B", "C"]))
            #expect(tooLong.codes == ["adError.TOO_LONG"])
            #expect(tooLong.fieldPath == "operations[0].create.ad.responsive_search_ad.headlines[0].text")
            let wide = try await ad(Client.rsa(headlines: ["全角文字で十六文字の見出しを書いてみた", "B", "C"]))
            #expect(wide.codes == ["adError.TOO_LONG"])
            let fitsWide = try await ad(Client.rsa(headlines: ["全角文字の見出し", "B", "C"]))
            #expect(fitsWide.status == 200)
            let few = try await ad(Client.rsa(headlines: ["A", "B"], descriptions: ["One", "One"]))
            #expect(few.codes.contains("collectionSizeError.TOO_FEW"))
            #expect(few.codes.contains("assetError.DUPLICATE_ASSET"))
            let longPath = try await ad(Client.rsa(path1: "a-very-long-path-one"))
            #expect(longPath.fieldPath == "operations[0].create.ad.responsive_search_ad.path1")
            let noURL = try await ad(Client.rsa(finalURL: "example.test"))
            #expect(noURL.codes == ["urlFieldError.MISSING_PROTOCOL_IN_FINAL_URL"])
            let orphan = try await ad(Client.rsa(), adGroup: Client.name("adGroups", "12345"))
            #expect(
                orphan.codes == ["mutateError.RESOURCE_NOT_FOUND"]
                    && orphan.fieldPath == "operations[0].create.ad_group")
            let malformed = try await ad(Client.rsa(), adGroup: "adGroups/12345")
            #expect(malformed.codes == ["requestError.RESOURCE_NAME_MALFORMED"])

            // Creating under a removed parent.
            let removed = try await client.call(
                "adGroups:mutate", Client.operations([.object([("remove", .string(names[2]))])]))
            #expect(removed.status == 200)
            let underRemoved = try await ad(Client.rsa())
            #expect(underRemoved.codes == ["operationAccessDeniedError.OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE"])
            let removeCampaign = try await client.call(
                "campaigns:mutate", Client.operations([.object([("remove", .string(names[1]))])]))
            #expect(removeCampaign.status == 200)
            let removeBudget = try await client.call(
                "campaignBudgets:mutate", Client.operations([.object([("remove", .string(names[0]))])]))
            #expect(removeBudget.status == 200)
            let onRemovedBudget = try await campaign(base + [("name", .string("After"))])
            #expect(onRemovedBudget.codes == ["campaignBudgetError.CAMPAIGN_BUDGET_REMOVED"])

            let keyword = try await client.call(
                "adGroupCriteria:mutate",
                Client.operations([
                    Client.create([
                        ("adGroup", .string(names[2])),
                        ("keyword", .object([("text", .string("x")), ("matchType", .string("EXACT"))])),
                    ])
                ]))
            #expect(keyword.codes == ["operationAccessDeniedError.OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE"])
        }
    }

    @Test("credentials: missing token 401 UNAUTHENTICATED, missing developer token, malformed login customer")
    func credentials() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let body = MockJSON.object([("query", .string("SELECT campaign.id FROM campaign"))])
            let noToken = try await client.call("googleAds:search", body, headers: Client.headers(token: nil))
            #expect(noToken.status == 401 && noToken.error?["status"] == .string("UNAUTHENTICATED"))
            #expect(noToken.codes == ["authenticationError.AUTHENTICATION_ERROR"])
            #expect(noToken.error?["message"]?.string?.hasPrefix("Request is missing required authentication") == true)
            let emptyToken = try await client.call("googleAds:search", body, headers: Client.headers(token: ""))
            #expect(emptyToken.status == 401)
            let noDeveloper = try await client.call(
                "googleAds:search", body, headers: Client.headers(developerToken: nil))
            #expect(
                noDeveloper.status == 400 && noDeveloper.codes == ["requestError.DEVELOPER_TOKEN_PARAMETER_MISSING"])
            var dashed = Client.headers()
            dashed["login-customer-id"] = "111-222-3333"
            let badLogin = try await client.call("googleAds:search", body, headers: dashed)
            #expect(badLogin.codes == ["headerError.INVALID_LOGIN_CUSTOMER_ID"])
            let streamAuth = try await client.call(
                "googleAds:searchStream", body, headers: Client.headers(token: nil))
            #expect(streamAuth.status == 401 && streamAuth.json.array?.count == 1)
        }
    }

    // MARK: - GAQL

    @Test("invalid GAQL answers queryError codes; stream errors are wrapped in an array")
    func gaqlErrors() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let cases: [(String, String)] = [
                ("SELECT campaign.nope FROM campaign", "queryError.UNRECOGNIZED_FIELD"),
                ("SELECT campaign.id FROM keyword_view", "queryError.PROHIBITED_RESOURCE_TYPE_IN_FROM_CLAUSE"),
                ("SELECT campaign.id FROM bogus", "queryError.BAD_RESOURCE_TYPE_IN_FROM_CLAUSE"),
                ("SELECT ad_group.id FROM campaign", "queryError.PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE"),
                (
                    "SELECT campaign.id FROM campaign WHERE segments.date DURING LAST_8_DAYS",
                    "queryError.INVALID_VALUE_WITH_DURING_OPERATOR"
                ),
                (
                    "SELECT campaign.id FROM campaign WHERE segments.date BETWEEN '2026-01-05' AND 'x'",
                    "queryError.INVALID_VALUE_WITH_BETWEEN_OPERATOR"
                ),
                ("SELECT campaign.id FROM campaign WHERE campaign.status = LIVE", "queryError.BAD_ENUM_CONSTANT"),
                ("SELECT campaign.id, segments.date FROM campaign", "queryError.EXPECTED_FILTERS_ON_DATE_RANGE"),
                (
                    "SELECT asset.id, metrics.clicks FROM asset",
                    "queryError.PROHIBITED_METRIC_IN_SELECT_OR_WHERE_CLAUSE"
                ),
                (
                    "SELECT campaign.id FROM campaign WHERE campaign.name = 'unterminated",
                    "queryError.STRING_NOT_TERMINATED"
                ),
                ("campaign.id FROM campaign", "queryError.EXPECTED_SELECT"),
                ("SELECT campaign.id", "queryError.EXPECTED_FROM"),
                ("SELECT campaign.id FROM campaign LIMIT 0", "queryError.LIMIT_VALUE_TOO_LOW"),
            ]
            for (query, code) in cases {
                let reply = try await client.search(query)
                #expect(reply.status == 400 && reply.codes == [code], "\(query) → \(reply.json.serialized)")
            }
            let stream = try await client.call(
                "googleAds:searchStream",
                .object([("query", .string("SELECT campaign.id FROM campaign WHERE segments.date DURING LAST_8_DAYS"))])
            )
            #expect(stream.status == 400 && stream.json.array?.count == 1)
            #expect(stream.codes == ["queryError.INVALID_VALUE_WITH_DURING_OPERATOR"])
            #expect(stream.errors.first?["trigger"]?["stringValue"] == .string("LAST_8_DAYS"))
        }
    }

    // MARK: - Metrics

    @Test("metrics come from delivery after the clock moves: int64 strings, double ratios, pixel conversions")
    func metrics() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let world = running.mock.world
            let start = world.now
            let names = try await Self.createHierarchy(client, name: "Delivery [ao-42]", budgetMicros: 40_000_000)
            let campaignID = Self.id(names[1])
            let adID = Self.id(names[3])
            // No modelled conversions, so the pixel's is the only one.
            try world.setPerformance(
                PerformanceTruth(from: start, conversionRate: 0), platform: "google", entityID: campaignID)
            world.advance(by: 86_400)
            let click = try #require(world.mintClick(platform: "google", adID: adID))
            world.recordPixelEvent(
                platform: "google", event: "SIGN_UP", page: "/landing/disneyplus/",
                parameters: ["gclid": click.clickID], valueMicros: 12_500_000)
            world.advance(by: 2 * 86_400)
            let formatter = ISO8601DateFormatter()
            let since = String(formatter.string(from: start).prefix(10))
            let until = String(formatter.string(from: world.now).prefix(10))
            let reply = try await client.search(
                "SELECT campaign.id, metrics.impressions, metrics.clicks, metrics.cost_micros, metrics.conversions, "
                    + "metrics.conversions_value, metrics.ctr, metrics.average_cpc FROM campaign WHERE campaign.name "
                    + "LIKE '%[[]ao-42]%' AND segments.date BETWEEN '\(since)' AND '\(until)' AND campaign.id IN (\(campaignID), 1)"
            )
            #expect(reply.status == 200, "\(reply.json.serialized)")
            let row = try #require(reply.results.first)
            let metrics = try #require(row["metrics"])
            let impressions = try #require(metrics["impressions"]?.string.flatMap { Int64($0) })
            let clicks = try #require(metrics["clicks"]?.string.flatMap { Int64($0) })
            let cost = try #require(metrics["costMicros"]?.string.flatMap { Int64($0) })
            #expect(impressions > 0 && clicks > 0 && cost > 0)
            #expect(cost <= 40_000_000 * 4)
            #expect(metrics["conversions"] == .number("1"))
            #expect(metrics["conversionsValue"] == .number("12.5"))
            if case .number(let ctr) = metrics["ctr"] ?? .null, let value = Double(ctr) {
                #expect(value > 0 && value < 1)
            } else {
                Issue.record("ctr is not a number: \(metrics.serialized)")
            }
            let totals = world.delivery("google", entityID: campaignID, from: start, to: world.now)
            #expect(totals.spendMicros == cost && totals.impressions == impressions)

            let daily = try await client.search(
                "SELECT segments.date, metrics.cost_micros FROM campaign WHERE segments.date DURING LAST_7_DAYS")
            let days = daily.results.compactMap { $0["segments"]?["date"]?.string }
            #expect(days.count >= 2 && days == days.sorted())
            let dailyCosts = daily.results.compactMap { $0["metrics"]?["costMicros"]?.string.flatMap { Int64($0) } }
            #expect(dailyCosts.allSatisfy { $0 > 0 && $0 <= 40_000_000 })

            let customer = try await client.search(
                "SELECT customer.id, customer.currency_code, metrics.cost_micros FROM customer")
            #expect(customer.results.first?["customer"]?["currencyCode"] == .string("USD"))
            #expect(customer.results.first?["metrics"]?["costMicros"]?.string.flatMap { Int64($0) } ?? 0 >= cost)
        }
    }

    // MARK: - Faults and rate limits

    @Test("faults render as Google errors: status, quota with retryDelay, expired token, internal, drop")
    func faults() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let faults = running.mock.faults
            let query = "SELECT campaign.id FROM campaign"
            func rule(_ kind: FaultRule.Kind, status: Int? = nil, code: String? = nil) -> FaultRule {
                FaultRule(
                    platform: "google", path: "/v23/customers/*/googleAds:search", kind: kind, status: status,
                    code: code, remaining: 1)
            }
            faults.add(rule(.status, status: 503))
            let unavailable = try await client.search(query)
            #expect(unavailable.status == 503 && unavailable.error?["status"] == .string("UNAVAILABLE"))

            faults.add(rule(.platformError, code: "quotaError.RESOURCE_EXHAUSTED"))
            let quota = try await client.search(query)
            #expect(quota.status == 429 && quota.error?["status"] == .string("RESOURCE_EXHAUSTED"))
            #expect(quota.codes == ["quotaError.RESOURCE_EXHAUSTED"])
            #expect(quota.errors.first?["details"]?["quotaErrorDetails"]?["retryDelay"] == .string("30s"))

            faults.add(rule(.platformError, code: "authenticationError.OAUTH_TOKEN_EXPIRED"))
            let expired = try await client.search(query)
            #expect(expired.status == 401 && expired.codes == ["authenticationError.OAUTH_TOKEN_EXPIRED"])

            faults.add(rule(.platformError, code: "internalError.INTERNAL_ERROR"))
            let internalError = try await client.search(query)
            #expect(internalError.status == 500 && internalError.error?["status"] == .string("INTERNAL"))

            faults.add(rule(.drop))
            await #expect(throws: (any Error).self) { _ = try await client.search(query) }

            let healthy = try await client.search(query)
            #expect(healthy.status == 200)
        }
    }

    @Test("a spent rate-limit budget answers 429 RESOURCE_EXHAUSTED with the reset as retryDelay, no usage headers")
    func rateLimits() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            running.mock.rateLimits.set(
                RateLimitBudget(platform: "google", account: Client.customer, limit: 2, windowSeconds: 60))
            let query = "SELECT customer.id FROM customer"
            let first = try await client.search(query)
            #expect(first.status == 200)
            #expect(first.headers.contains { $0.name.lowercased().contains("rate") } == false)
            _ = try await client.search(query)
            let limited = try await client.search(query)
            #expect(limited.status == 429 && limited.error?["status"] == .string("RESOURCE_EXHAUSTED"))
            #expect(limited.codes == ["quotaError.RESOURCE_TEMPORARILY_EXHAUSTED"])
            let delay = limited.errors.first?["details"]?["quotaErrorDetails"]?["retryDelay"]?.string ?? ""
            let seconds = Int(delay.dropLast()) ?? 0
            #expect(delay.hasSuffix("s") && (1...60).contains(seconds))
        }
    }

    // MARK: - Bad input

    @Test("malformed bodies, wrong types, oversized bodies, unknown routes and versions get Google-shaped errors")
    func badInput() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let path = "/v23/customers/\(Client.customer)/campaigns:mutate"
            let malformed = try await client.send("POST", path, body: Data("{\"operations\": [".utf8))
            #expect(malformed.status == 400 && malformed.error?["status"] == .string("INVALID_ARGUMENT"))
            #expect(malformed.error?["message"]?.string?.hasPrefix("Invalid JSON payload received.") == true)
            let unknown = try await client.call(
                "campaigns:mutate", .object([("operations", .array([])), ("bogus", .int(1))]))
            #expect(
                unknown.error?["message"]?.string
                    == "Invalid JSON payload received. Unknown name \"bogus\": Cannot find field.")
            let nested = try await client.call(
                "campaigns:mutate", Client.operations([Client.create([("nmae", .string("typo"))])]))
            #expect(
                nested.error?["message"]?.string
                    == "Invalid JSON payload received. Unknown name \"nmae\" at 'operations[0].create': Cannot find field."
            )
            #expect(nested.detail?["fieldViolations"]?.array?.first?["field"] == .string("operations[0].create"))
            let list = try await client.call("campaigns:mutate", .object([("operations", .string("x"))]))
            #expect(list.status == 400)
            let array = try await client.send("POST", path, body: Data("[1,2]".utf8))
            #expect(array.status == 400)
            let empty = try await client.send("POST", path, body: Data())
            #expect(empty.codes == ["fieldError.REQUIRED"])

            let big = Data(("{\"operations\":[],\"x\":\"" + String(repeating: "a", count: 1_100_000) + "\"}").utf8)
            let tooBig = try await client.send("POST", path, body: big)
            #expect(tooBig.status == 413 && tooBig.error?["code"] == .int(413))
            let image = String(repeating: "A", count: 2_000_000)
            let upload = try await client.call(
                "assets:mutate",
                Client.operations([
                    Client.create([
                        ("name", .string("big.png")), ("type", .string("IMAGE")),
                        ("imageAsset", .object([("data", .string(image))])),
                    ])
                ]))
            #expect(upload.status == 200, "\(upload.json.serialized.prefix(300))")
            #expect(upload.results.first?["resourceName"]?.string?.contains("/assets/") == true)
            let huge = Data(String(repeating: "A", count: 10_600_000).utf8)
            let tooHuge = try await client.send("POST", "/v23/customers/\(Client.customer)/assets:mutate", body: huge)
            #expect(tooHuge.status == 413)

            let route = try await client.send("POST", "/v23/customers/\(Client.customer)/campaigns:frobnicate")
            #expect(route.status == 404 && route.error?["status"] == .string("NOT_FOUND"))
            let getMutate = try await client.send("GET", path)
            #expect(getMutate.status == 404)
            let old = try await client.send(
                "POST", "/v16/customers/\(Client.customer)/googleAds:search", body: Data("{}".utf8))
            #expect(old.status == 404 && old.error?["message"]?.string?.contains("v16") == true)
            #expect(old.codes == ["requestError.UNSUPPORTED_VERSION"])
            #expect(
                old.detail?["@type"] == .string("type.googleapis.com/google.ads.googleads.v16.errors.GoogleAdsFailure"))
            let badCustomer = try await client.send(
                "POST", "/v23/customers/123-456/googleAds:search",
                body: Data("{\"query\":\"SELECT customer.id FROM customer\"}".utf8))
            #expect(badCustomer.codes == ["requestError.INVALID_CUSTOMER_ID"])
            let unserved = try await client.call(
                "googleAds:mutate",
                .object([
                    ("mutateOperations", .array([.object([("labelOperation", .object([("create", .object([]))]))])]))
                ]))
            #expect(unserved.status == 501)
        }
    }

    // MARK: - OAuth and accounts

    @Test("the token endpoint refreshes with Google's body and refuses like Google; accessible customers are listed")
    func oauthAndCustomers() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            func token(_ form: String, path: String = "/token") async throws -> Client.Reply {
                var headers = HTTPHeaderFields()
                headers.append(name: "Content-Type", value: "application/x-www-form-urlencoded")
                return try await client.send("POST", path, body: Data(form.utf8), headers: headers)
            }
            let good = try await token("grant_type=refresh_token&client_id=c&client_secret=s&refresh_token=1%2F%2Fr")
            #expect(good.status == 200)
            #expect(good.json["access_token"]?.string?.hasPrefix("ya29.") == true)
            #expect(good.json["expires_in"] == .int(3_599))
            #expect(good.json["scope"] == .string("https://www.googleapis.com/auth/adwords"))
            #expect(good.json["token_type"] == .string("Bearer"))
            let legacy = try await token(
                "grant_type=refresh_token&client_id=c&client_secret=s&refresh_token=r", path: "/o/oauth2/token")
            #expect(legacy.status == 200)
            let revoked = try await token(
                "grant_type=refresh_token&client_id=c&client_secret=s&refresh_token=revoked-1")
            #expect(revoked.status == 400 && revoked.json["error"] == .string("invalid_grant"))
            let missing = try await token("grant_type=refresh_token&client_id=c&client_secret=s")
            #expect(missing.json["error"] == .string("invalid_request"))
            let grant = try await token("grant_type=password")
            #expect(grant.json["error"] == .string("unsupported_grant_type"))

            _ = try await Self.createHierarchy(client, name: "Owned")
            let customers = try await client.send("GET", "/v23/customers:listAccessibleCustomers")
            #expect(customers.status == 200)
            let names = customers.json["resourceNames"]?.array?.compactMap(\.string) ?? []
            #expect(names.contains("customers/\(Client.customer)"))
        }
    }
}
