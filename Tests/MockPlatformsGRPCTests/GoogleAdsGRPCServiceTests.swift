import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Testing

@testable import MockPlatforms
@testable import MockPlatformsGRPC

@Suite("Google Ads over gRPC, through a real HTTP/2 socket")
struct GoogleAdsGRPCServiceTests {
    /// A `SearchGoogleAdsRequest` written by hand: customer_id (field 1) and query (field 2).
    static func searchRequest(customer: String, query: String) -> [UInt8] {
        [0x0A, UInt8(customer.utf8.count)] + Array(customer.utf8) + [0x12, UInt8(query.utf8.count)] + Array(query.utf8)
    }

    static let search = MethodDescriptor(
        fullyQualifiedService: "google.ads.googleads.v26.services.GoogleAdsService", method: "Search")

    func withClient<T: Sendable>(
        _ body: @Sendable @escaping (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> T
    ) async throws -> T {
        let mock = try MockPlatforms()
        return try await MockGoogleAdsGRPCServer(port: 0).withRunning(mock: mock) { port in
            try await withGRPCClient(
                transport: .http2NIOPosix(
                    target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
            ) { client in
                try await body(client)
            }
        }
    }

    @Test("A search answers rows with the request-id trailer")
    func search() async throws {
        let rows = try await withClient { client in
            var metadata: Metadata = ["authorization": "Bearer T", "developer-token": "DEV"]
            metadata.addString("1112223333", forKey: "login-customer-id")
            let request = ClientRequest(
                message: Self.searchRequest(customer: "1234567890", query: "SELECT customer.id FROM customer"),
                metadata: metadata)
            return try await client.unary(
                request: request, descriptor: Self.search, serializer: RawMessageCoder(),
                deserializer: RawMessageCoder(), options: .defaults
            ) { response in
                #expect(response.trailingMetadata[stringValues: "request-id"].first { _ in true } != nil)
                return try response.message
            }
        }
        let response = try GoogleAdsWireDecoder(schema: .v23).decode(rows[...], as: "services.SearchGoogleAdsResponse")
        #expect(response["results"]?.array?.first?["customer"]?["id"] == .string("1234567890"))
    }

    @Test("Without a token the call fails UNAUTHENTICATED with the GoogleAdsFailure trailer")
    func unauthenticated() async throws {
        let error = try await withClient { client in
            let request = ClientRequest(
                message: Self.searchRequest(customer: "1234567890", query: "SELECT customer.id FROM customer"))
            return try await client.unary(
                request: request, descriptor: Self.search, serializer: RawMessageCoder(),
                deserializer: RawMessageCoder(), options: .defaults
            ) { response -> RPCError? in
                if case .failure(let error) = response.accepted { return error }
                return nil
            }
        }
        let failure = try #require(error)
        #expect(failure.code == .unauthenticated)
        let trailer = failure.metadata[binaryValues: "google.ads.googleads.v26.errors.googleadsfailure-bin"]
        #expect(trailer.first { _ in true }?.isEmpty == false)
    }
}
