import Foundation
import Testing

@testable import MockPlatforms

@Suite("Google Ads protobuf wire codec")
struct GoogleAdsWireCodecTests {
    let decoder = GoogleAdsWireDecoder(schema: .v23)
    let encoder = GoogleAdsWireEncoder(schema: .v23)

    @Test("A mutate request survives the wire: enums, int64s, nested messages, repeated fields and field masks")
    func roundTrip() throws {
        let request = try #require(
            MockJSON.parse(
                """
                {"customerId":"1234567890","partialFailure":true,"responseContentType":"MUTABLE_RESOURCE",
                 "operations":[
                   {"create":{"name":"Spring","status":"PAUSED","advertisingChannelType":"SEARCH",
                              "campaignBudget":"customers/1234567890/campaignBudgets/7",
                              "manualCpc":{"enhancedCpcEnabled":false},
                              "networkSettings":{"targetGoogleSearch":true},
                              "excludedParentAssetFieldTypes":["HEADLINE","DESCRIPTION"]}},
                   {"update":{"resourceName":"customers/1234567890/campaigns/9","status":"ENABLED"},
                    "updateMask":"status,networkSettings.targetGoogleSearch"}]}
                """))
        let bytes = try encoder.encode(request, as: "services.MutateCampaignsRequest")
        #expect(try decoder.decode(bytes[...], as: "services.MutateCampaignsRequest") == request)
    }

    @Test("Bytes are laid out as protobuf lays them out")
    func knownBytes() throws {
        let request = MockJSON.object([("customerId", .string("42")), ("query", .string("SELECT"))])
        let bytes = try encoder.encode(request, as: "services.SearchGoogleAdsRequest")
        #expect(bytes == [0x0A, 0x02, 0x34, 0x32, 0x12, 0x06] + Array("SELECT".utf8))
        // A negative int32 is a ten-byte varint; an int64 is written as a string in JSON.
        let row = MockJSON.object([
            ("metrics", .object([("impressions", .string("-1"))])),
            ("segments", .object([("hour", .int(-2))])),
        ])
        let encoded = try encoder.encode(row, as: "services.GoogleAdsRow")
        let decoded = try decoder.decode(encoded[...], as: "services.GoogleAdsRow")
        #expect(decoded["metrics"]?["impressions"] == .string("-1"))
        #expect(decoded["segments"]?["hour"] == .int(-2))
        // page_size (field 4, int32) = -2: the tag, then the two's complement as a ten-byte varint.
        let negative = try encoder.encode(.object([("pageSize", .int(-2))]), as: "services.SearchGoogleAdsRequest")
        #expect(negative == [0x20, 0xFE] + [UInt8](repeating: 0xFF, count: 8) + [0x01])
    }

    @Test("Packed and unpacked repeated enums read the same; unknown enum numbers stay numbers")
    func packedAndUnknownEnums() throws {
        // Campaign.excluded_parent_asset_field_types is field 69: HEADLINE = 2, DESCRIPTION = 3, 999 is unknown.
        let packedTag: [UInt8] = [0xAA, 0x04]  // 69 << 3 | 2
        let varintTag: [UInt8] = [0xA8, 0x04]  // 69 << 3 | 0
        let packed = packedTag + [0x04, 0x02, 0x03, 0xE7, 0x07]
        let unpacked = varintTag + [0x02] + varintTag + [0x03] + varintTag + [0xE7, 0x07]
        let expected = MockJSON.object([
            ("excludedParentAssetFieldTypes", .array([.string("HEADLINE"), .string("DESCRIPTION"), .int(999)]))
        ])
        #expect(try decoder.decode(packed[...], as: "resources.Campaign") == expected)
        #expect(try decoder.decode(unpacked[...], as: "resources.Campaign") == expected)
    }

    @Test("Unknown fields are skipped, the last scalar wins, messages merge and a oneof keeps its last member")
    func parsingRules() throws {
        var writer = ProtobufWireWriter()
        writer.writeTag(500, .varint)  // unknown to the schema
        writer.writeVarint(1)
        writer.writeTag(2, .lengthDelimited)  // query, twice
        writer.writeLengthDelimited(Array("first".utf8))
        writer.writeTag(2, .lengthDelimited)
        writer.writeLengthDelimited(Array("second".utf8))
        let search = try decoder.decode(writer.bytes[...], as: "services.SearchGoogleAdsRequest")
        #expect(search == .object([("query", .string("second"))]))

        let create = try encoder.encode(
            .object([("create", .object([("name", .string("A"))]))]), as: "services.CampaignOperation")
        let remove = try encoder.encode(.object([("remove", .string("x"))]), as: "services.CampaignOperation")
        let oneof = try decoder.decode((create + remove)[...], as: "services.CampaignOperation")
        #expect(oneof == .object([("remove", .string("x"))]))

        let name = try encoder.encode(
            .object([("create", .object([("name", .string("A"))]))]), as: "services.CampaignOperation")
        let status = try encoder.encode(
            .object([("create", .object([("status", .string("PAUSED"))]))]), as: "services.CampaignOperation")
        let merged = try decoder.decode((name + status)[...], as: "services.CampaignOperation")
        #expect(merged == .object([("create", .object([("name", .string("A")), ("status", .string("PAUSED"))]))]))
    }

    @Test("A failure with a duration and an Any round-trips as the official trailer carries it")
    func failureAndWellKnownTypes() throws {
        let failure = MockJSON.object([
            (
                "errors",
                .array([
                    .object([
                        ("errorCode", .object([("quotaError", .string("RESOURCE_TEMPORARILY_EXHAUSTED"))])),
                        ("message", .string("Too many requests.")),
                        ("details", .object([("quotaErrorDetails", .object([("retryDelay", .string("1.500s"))]))])),
                    ])
                ])
            ),
            ("requestId", .string("abc")),
        ])
        let bytes = try encoder.encode(failure, as: "errors.GoogleAdsFailure")
        #expect(try decoder.decode(bytes[...], as: "errors.GoogleAdsFailure") == failure)

        let status = MockJSON.object([
            ("code", .int(3)), ("message", .string("partial")),
            (
                "details",
                .array([
                    .object(
                        [("@type", .string("type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure"))]
                            + (failure.members ?? []))
                ])
            ),
        ])
        let statusBytes = try encoder.encode(status, as: "google.rpc.Status")
        #expect(try decoder.decode(statusBytes[...], as: "google.rpc.Status") == status)
        // proto3 JSON writes 0, 3, 6 or 9 fractional digits.
        #expect(ProtobufWellKnownTypes.durationJSON(seconds: -1, nanos: -500_000_000) == "-1.500s")
        #expect(ProtobufWellKnownTypes.durationJSON(seconds: 30, nanos: 0) == "30s")
        let parsed = try #require(ProtobufWellKnownTypes.duration("-1.5s"))
        #expect(parsed.seconds == -1 && parsed.nanos == -500_000_000)
        #expect(
            ProtobufWellKnownTypes.fieldMaskPaths("campaignBudget,networkSettings.targetGoogleSearch")
                == ["campaign_budget", "network_settings.target_google_search"])
        #expect(GoogleAdsMutation.upperSnake("responsiveSearchAd") == "RESPONSIVE_SEARCH_AD")
    }

    @Test(
        "Broken messages fail with the field and the reason",
        arguments: [
            ([0x0A, 0x40, 0x31], "customer_id: a length of 64 bytes at byte 1, but only 1 remain"),
            ([0x10, 0x01], "query: wire type 0, but field 2 is a string"),
            ([0x0A, 0x02, 0xC3, 0x28], "customer_id: a string that is not valid UTF-8"),
            ([0x20, 0xFF, 0xFF], "page_size: truncated varint at byte 1"),
            ([0x07], "unknown wire type 7 at byte 0"),
            ([0x00], "invalid field number 0 at byte 0"),
        ] as [([UInt8], String)])
    func brokenMessages(bytes: [UInt8], message: String) {
        let error = #expect(throws: ProtobufWireError.self) {
            try decoder.decode(bytes[...], as: "services.SearchGoogleAdsRequest")
        }
        #expect(error?.description == message)
    }

    @Test("Answers the schema cannot express fail loudly, naming the field")
    func unknownResponseFields() {
        let unknown = #expect(throws: ProtobufWireError.self) {
            try encoder.encode(
                .object([("results", .array([.object([("bogus", .int(1))])]))]),
                as: "services.MutateCampaignsResponse")
        }
        #expect(unknown?.description == "results[0]: services.MutateCampaignResult has no field \"bogus\"")
        let wrongType = #expect(throws: ProtobufWireError.self) {
            try encoder.encode(
                .object([("operations", .array([.object([("create", .object([("name", .int(5))]))])]))]),
                as: "services.MutateCampaignsRequest")
        }
        #expect(wrongType?.description == "operations[0].create.name: 5 is not a string")
    }

    @Test("Messages nested past the depth limit are refused rather than overflowing the stack")
    func depthLimit() {
        // google.rpc.Status → Any(Status) → Any(Status) …: each level is a new message.
        var bytes: [UInt8] = []
        for _ in 0..<80 {
            var any = ProtobufWireWriter()
            any.writeTag(1, .lengthDelimited)
            any.writeLengthDelimited(Array("type.googleapis.com/google.rpc.Status".utf8))
            any.writeTag(2, .lengthDelimited)
            any.writeLengthDelimited(bytes)
            var status = ProtobufWireWriter()
            status.writeTag(3, .lengthDelimited)
            status.writeLengthDelimited(any.bytes)
            bytes = status.bytes
        }
        #expect(throws: ProtobufWireError.self) { try decoder.decode(bytes[...], as: "google.rpc.Status") }
    }
}
