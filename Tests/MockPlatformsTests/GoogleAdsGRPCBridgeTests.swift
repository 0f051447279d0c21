import Foundation
import Testing

@testable import MockPlatforms

@Suite("Google Ads gRPC bridge")
struct GoogleAdsGRPCBridgeTests {
    let encoder = GoogleAdsWireEncoder(schema: .v23)
    let decoder = GoogleAdsWireDecoder(schema: .v23)
    static let metadata = [
        ("authorization", "Bearer T"), ("developer-token", "DEV"), ("login-customer-id", "1112223333"),
    ]

    func method(_ name: String, version: String = "v26") throws -> GoogleAdsGRPCMethod {
        try #require(GoogleAdsGRPCMethod.all.first { $0.method == name && $0.version == version })
    }

    func call(
        _ bridge: GoogleAdsGRPCBridge, _ name: String, _ request: MockJSON, requestMessage: String,
        metadata: [(String, String)] = metadata
    ) async throws -> GoogleAdsGRPCReply {
        let bytes = try encoder.encode(request, as: requestMessage)
        return await bridge.call(try method(name), request: bytes, metadata: metadata)
    }

    @Test("Every version v17–v26 has each service's methods, once")
    func methodTable() {
        let all = GoogleAdsGRPCMethod.all
        #expect(all.count == 10 * 11)
        #expect(Set(all.map(\.path)).count == all.count)
        #expect(all.contains { $0.path == "/google.ads.googleads.v26.services.CampaignService/MutateCampaigns" })
        #expect(all.filter(\.isServerStreaming).allSatisfy { $0.method == "SearchStream" })
    }

    @Test("A mutate answers the response message and a request-id trailer; search streams read it back")
    func mutateAndStream() async throws {
        let mock = try MockPlatforms()
        let bridge = GoogleAdsGRPCBridge(mock: mock)
        let budget = MockJSON.object([
            ("customerId", .string("1234567890")),
            (
                "operations",
                .array([
                    .object([
                        (
                            "create",
                            .object([
                                ("name", .string("Budget")), ("amountMicros", .string("50000000")),
                                ("deliveryMethod", .string("STANDARD")),
                            ])
                        )
                    ])
                ])
            ),
        ])
        let reply = try await call(
            bridge, "MutateCampaignBudgets", budget, requestMessage: "services.MutateCampaignBudgetsRequest")
        #expect(reply.isOK)
        #expect(reply.trailers.contains { $0.0 == "request-id" })
        let response = try decoder.decode(
            try #require(reply.messages.first)[...], as: "services.MutateCampaignBudgetsResponse")
        let name = try #require(response["results"]?.array?.first?["resourceName"]?.string)
        #expect(name.hasPrefix("customers/1234567890/campaignBudgets/"))

        let query = MockJSON.object([
            ("customerId", .string("1234567890")),
            ("query", .string("SELECT campaign_budget.amount_micros FROM campaign_budget")),
        ])
        let stream = try await call(
            bridge, "SearchStream", query, requestMessage: "services.SearchGoogleAdsStreamRequest")
        #expect(stream.isOK && stream.messages.count == 1)
        let batch = try decoder.decode(stream.messages[0][...], as: "services.SearchGoogleAdsStreamResponse")
        #expect(batch["results"]?.array?.first?["campaignBudget"]?["amountMicros"] == .string("50000000"))
        #expect(!mock.journal.query(path: "/v26/customers/1234567890/googleAds:searchStream").isEmpty)
    }

    @Test("Errors carry the canonical status and the GoogleAdsFailure trailer of the version called")
    func failures() async throws {
        let mock = try MockPlatforms()
        let bridge = GoogleAdsGRPCBridge(mock: mock)
        let query = MockJSON.object([
            ("customerId", .string("1234567890")), ("query", .string("SELECT campaign.id FROM campaign")),
        ])
        let unauthenticated = try await call(
            bridge, "Search", query, requestMessage: "services.SearchGoogleAdsRequest", metadata: [])
        #expect(unauthenticated.statusCode == 16)
        let trailer = try #require(
            unauthenticated.trailers.first { $0.0 == "google.ads.googleads.v26.errors.googleadsfailure-bin" }?.1)
        guard case .binary(let bytes) = trailer else {
            Issue.record("the failure trailer is not binary")
            return
        }
        let failure = try decoder.decode(bytes[...], as: "errors.GoogleAdsFailure")
        #expect(
            failure["errors"]?.array?.first?["errorCode"]
                == .object([("authenticationError", .string("AUTHENTICATION_ERROR"))]))

        let rich = try #require(unauthenticated.trailers.first { $0.0 == "grpc-status-details-bin" }?.1)
        guard case .binary(let statusBytes) = rich else {
            Issue.record("the rich status trailer is not binary")
            return
        }
        let status = try decoder.decode(statusBytes[...], as: "google.rpc.Status")
        #expect(status["code"] == .int(16))
        #expect(status["details"]?.array?.first?["errors"] == failure["errors"])

        let noCustomer = try await call(
            bridge, "Search", .object([("query", .string("SELECT campaign.id FROM campaign"))]),
            requestMessage: "services.SearchGoogleAdsRequest")
        #expect(noCustomer.statusCode == 3)
        #expect(noCustomer.trailers.contains { $0.0.hasSuffix("googleadsfailure-bin") })

        let garbage = await bridge.call(try method("Search"), request: [0x0A, 0x7F], metadata: Self.metadata)
        #expect(garbage.statusCode == 3)
        #expect(
            garbage.statusMessage
                == "Invalid google.ads.googleads.v26.services.SearchGoogleAdsRequest: customer_id: a length of 127 "
                + "bytes at byte 1, but only 0 remain")
        // Calls refused before they have a REST path are journalled under their gRPC path.
        let refused = mock.journal.query(path: "/google.ads.googleads.v26.services.GoogleAdsService/Search")
        #expect(refused.count == 2 && refused.allSatisfy { $0.status == 400 })
    }

    @Test("A fault given by a canonical status name answers that code over gRPC and its HTTP status over REST")
    func canonicalFault() async throws {
        let mock = try MockPlatforms()
        _ = mock.faults.add(
            FaultRule(platform: "google", path: "*googleAds:search", kind: .platformError, code: "DEADLINE_EXCEEDED"))
        let query = MockJSON.object([
            ("customerId", .string("1234567890")), ("query", .string("SELECT campaign.id FROM campaign")),
        ])
        let reply = try await call(
            GoogleAdsGRPCBridge(mock: mock), "Search", query, requestMessage: "services.SearchGoogleAdsRequest")
        #expect(reply.statusCode == 4)
        #expect(mock.journal.query(path: "googleAds:search").map(\.status) == [504])
    }

    @Test("An injected dropped connection fails the call as UNAVAILABLE")
    func droppedConnection() async throws {
        let mock = try MockPlatforms()
        _ = mock.faults.add(FaultRule(platform: "google", path: "*googleAds:search", kind: .drop, remaining: 1))
        let query = MockJSON.object([
            ("customerId", .string("1234567890")), ("query", .string("SELECT campaign.id FROM campaign")),
        ])
        let reply = try await call(
            GoogleAdsGRPCBridge(mock: mock), "Search", query, requestMessage: "services.SearchGoogleAdsRequest")
        #expect(reply.statusCode == 14)
    }
}
