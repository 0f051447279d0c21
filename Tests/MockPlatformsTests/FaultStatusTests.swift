import AdPlatformKit
import Foundation
import Hummingbird
import Testing

@testable import MockPlatforms

/// A fault's status reaches the wire, so no value of it may crash the emulator: the control plane refuses what cannot
/// answer a request, and the responder and the gRPC bridge answer whatever an emulator hands them.
@Suite("Fault statuses")
struct FaultStatusTests {
    @Test(
        "the control plane refuses a fault status outside 200…599 with a 400 naming status, and keeps serving",
        arguments: [
            "-1", "0", "42", "99", "100", "101", "199", "600", "1000", "100000", "99999999999", "1e30", "503.5",
            "\"abc\"",
        ])
    func refusedStatus(status: String) async throws {
        try await MockPlatforms.withRunning { running in
            let client = ControlClient(baseURL: running.baseURL)
            let body = #"{"platform":"meta","kind":"status","status":\#(status),"count":1}"#
            let (code, reply) = try await client.call(.post, "/_mock/faults", body)
            #expect(code == 400)
            #expect(reply?["error"]?["field"]?.string == "status")
            #expect(reply?["error"]?["message"]?.string?.contains("100") == true)
            #expect(running.mock.faults.rules.isEmpty)
            let next = try await client.call(.get, "/v21.0/me").0
            #expect(next != 0)
        }
    }

    @Test("a platformError fault's optional status is held to the same range")
    func refusedPlatformErrorStatus() async throws {
        try await MockPlatforms.withRunning { running in
            let client = ControlClient(baseURL: running.baseURL)
            let body = #"{"platform":"tiktok","kind":"platformError","code":"40100","status":1000}"#
            let (code, reply) = try await client.call(.post, "/_mock/faults", body)
            #expect(code == 400)
            #expect(reply?["error"]?["field"]?.string == "status")
        }
    }

    @Test("every status in 200…599 is accepted", arguments: [200, 204, 304, 418, 503, 599])
    func acceptedStatus(status: Int) async throws {
        try await MockPlatforms.withRunning { running in
            let client = ControlClient(baseURL: running.baseURL)
            let body = #"{"platform":"meta","kind":"status","status":\#(status),"count":1}"#
            let (code, reply) = try await client.call(.post, "/_mock/faults", body)
            #expect(code == 201, "\(reply?.serialized ?? "")")
        }
    }

    @Test(
        "the responder never traps on a status an emulator hands it: what HTTP cannot carry becomes 500",
        arguments: [-1, 0, 42, 99, 100, 101, 199, 600, 1000, 100_000, 99_999_999_999, Int.max, Int.min])
    func responderStatus(status: Int) {
        let response = MockHTTPResponder.response(MockResponse(status: status, body: Data("{}".utf8)))
        #expect(response.status == .internalServerError)
    }

    @Test("a status that carries no body is sent without one", arguments: [204, 304])
    func bodilessStatus(status: Int) {
        let response = MockHTTPResponder.response(MockResponse(status: status, body: Data("{}".utf8)))
        #expect(response.status.code == status)
        #expect(response.body.contentLength == 0)
    }

    @Test(
        "a rule added through the library with an impossible status answers 500 and the emulator keeps serving",
        arguments: [-1, 0, 42, 100, 1000, 99_999_999_999])
    func libraryRule(status: Int) async throws {
        try await MockPlatforms.withRunning { running in
            _ = running.mock.faults.add(FaultRule(platform: "meta", kind: .status, status: status, remaining: 1))
            let client = ControlClient(baseURL: running.baseURL)
            let faulted = try await client.call(.get, "/v21.0/me").0
            #expect(faulted == 500)
            let health = try await client.call(.get, "/_mock/health").0
            #expect(health == 200)
        }
    }

    @Test(
        "the gRPC bridge maps any fault status to a valid gRPC code",
        arguments: [-1, 0, 42, 100, 200, 204, 302, 418, 599, 1000, Int.max, Int.min])
    func grpcStatus(status: Int) async throws {
        let mock = try MockPlatforms()
        _ = mock.faults.add(FaultRule(platform: "google", kind: .status, status: status))
        let query = MockJSON.object([
            ("customerId", .string("1234567890")), ("query", .string("SELECT campaign.id FROM campaign")),
        ])
        let method = try #require(GoogleAdsGRPCMethod.all.first { $0.method == "Search" && $0.version == "v23" })
        let bytes = try GoogleAdsWireEncoder(schema: .v23).encode(query, as: "services.SearchGoogleAdsRequest")
        let reply = await GoogleAdsGRPCBridge(mock: mock).call(
            method, request: bytes, metadata: GoogleAdsGRPCBridgeTests.metadata)
        #expect((1...16).contains(reply.statusCode))
    }
}
