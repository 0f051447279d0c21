import AdPlatformKit
import Foundation

/// Answers gRPC calls of the Google Ads API with the REST emulator: the request message is read into proto3 JSON
/// with the official schema, served by the REST route it is annotated with, and the answer written back as the
/// response message, or, for an error, as the gRPC status with the serialized `GoogleAdsFailure` in the
/// `google.ads.googleads.vNN.errors.googleadsfailure-bin` trailer the official library raises
/// `GoogleAdsException` from, and the rich `google.rpc.Status` in `grpc-status-details-bin`.
///
/// It holds no gRPC code of its own (the `MockPlatformsGRPC` module serves it over HTTP/2), so it can be tested
/// and reused without a gRPC stack. Calls go through ``MockPlatforms/respond(to:context:)``: they land in the
/// journal under their REST path, and fault rules and rate-limit budgets apply to them as to REST calls.
public struct GoogleAdsGRPCBridge: Sendable {
    private let mock: MockPlatforms
    private let decoder = GoogleAdsWireDecoder(schema: .v23)
    private let encoder = GoogleAdsWireEncoder(schema: .v23)

    /// A bridge to these emulators.
    public init(mock: MockPlatforms) { self.mock = mock }

    /// The trailer the official library reads a `GoogleAdsFailure` from, for a version:
    /// `google.ads.googleads.v26.errors.googleadsfailure-bin`.
    public static func failureTrailer(version: String) -> String {
        "google.ads.googleads.\(version).errors.googleadsfailure-bin"
    }

    /// Answers one call: the serialized request message and the call's metadata (`authorization`,
    /// `developer-token`, `login-customer-id`, …) in, messages, status and trailers out.
    public func call(
        _ method: GoogleAdsGRPCMethod, request: [UInt8], metadata: [(String, String)]
    ) async -> GoogleAdsGRPCReply {
        let body: MockJSON
        do {
            body = try decoder.decode(request[...], as: method.requestMessage)
        } catch {
            journalRefusal(method, status: 400)
            return .failure(
                code: 3, message: "Invalid \(Self.protoName(method.requestMessage, method.version)): \(error)")
        }
        var headers: [String: String] = [:]
        for (name, value) in metadata where !name.hasPrefix(":") && !name.hasSuffix("-bin") {
            let key = name.lowercased()
            headers[key] = headers[key].map { "\($0), \(value)" } ?? value
        }
        headers["content-type"] = "application/json"
        let path: String
        let httpMethod: String
        var payload = Data()
        if method.restCall.hasPrefix("customers:") {
            path = "/\(method.version)/\(method.restCall)"
            httpMethod = "GET"
        } else {
            let customerID = body["customerId"]?.string ?? ""
            guard !customerID.isEmpty else {
                journalRefusal(method, status: 400)
                return missingCustomer(method)
            }
            let members = body.members?.filter { $0.0 != "customerId" } ?? []
            payload = Data(MockJSON.object(members).serialized.utf8)
            let segment =
                customerID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? customerID
            path = "/\(method.version)/customers/\(segment)/\(method.restCall)"
            httpMethod = "POST"
        }
        let response = await mock.respond(
            to: MockRequest(
                method: httpMethod, path: path, queryString: nil, headers: headers, body: payload,
                receivedAt: mock.configuration.clock.now),
            context: nil)
        return reply(to: method, from: response)
    }

    /// Turns the REST answer into the gRPC one.
    private func reply(to method: GoogleAdsGRPCMethod, from response: MockResponse) -> GoogleAdsGRPCReply {
        if response.dropsConnection {
            // A handler cannot drop an HTTP/2 connection that other calls share; the call fails as a broken
            // connection would.
            return .failure(code: 14, message: "the emulator dropped the connection (injected fault)")
        }
        let requestID = response.headers.first { $0.0.lowercased() == "request-id" }?.1
        var trailers: [(String, GoogleAdsGRPCReply.MetadataValue)] = requestID.map { [("request-id", .text($0))] } ?? []
        let json = MockJSON.parse(response.body)
        guard response.status == 200 else {
            var error = json?["error"] ?? json?.array?.first?["error"]
            if error == nil { error = .object([]) }
            let canonical = GoogleAdsErrorEnvelope.canonical(response.status)
            let status = error?["status"]?.string ?? canonical.status
            let message = error?["message"]?.string ?? canonical.message
            let failure = error?["details"]?.array?.first {
                $0["@type"]?.string?.hasSuffix(".errors.GoogleAdsFailure") == true
            }
            let code = GoogleAdsErrorEnvelope.canonicalCodes[status]?.grpc ?? 2
            if let failure, let members = failure.members,
                let bytes = try? encoder.encode(
                    .object(members.filter { $0.0 != "@type" }), as: "errors.GoogleAdsFailure")
            {
                trailers.append((Self.failureTrailer(version: method.version), .binary(bytes)))
                // Google's servers also send the rich status, which google-api-core reads into `.details`.
                let rich = MockJSON.object([
                    ("code", .int(code)), ("message", .string(message)), ("details", .array([failure])),
                ])
                if let status = try? encoder.encode(rich, as: "google.rpc.Status") {
                    trailers.append(("grpc-status-details-bin", .binary(status)))
                }
            }
            return .failure(code: code, message: message, trailers: trailers)
        }
        do throws(ProtobufWireError) {
            guard let json else { throw ProtobufWireError("the REST answer is not JSON") }
            let values = method.isServerStreaming ? (json.array ?? [json]) : [json]
            var messages: [[UInt8]] = []
            for value in values { messages.append(try encoder.encode(value, as: method.responseMessage)) }
            return GoogleAdsGRPCReply(messages: messages, statusCode: 0, statusMessage: "", trailers: trailers)
        } catch {
            return .failure(
                code: 13,
                message: "The emulator could not write \(Self.protoName(method.responseMessage, method.version)): "
                    + "\(error)", trailers: trailers)
        }
    }

    /// Journals a call refused before it had a REST path, under its gRPC path, so the journal still shows it.
    private func journalRefusal(_ method: GoogleAdsGRPCMethod, status: Int) {
        mock.journal.record(
            time: mock.configuration.clock.now, platform: "google", method: "POST", path: method.path, status: status,
            durationMicroseconds: 0, account: nil, fault: nil)
    }

    /// The API's answer to a call without a customer id: `INVALID_ARGUMENT` with `INVALID_CUSTOMER_ID`.
    private func missingCustomer(_ method: GoogleAdsGRPCMethod) -> GoogleAdsGRPCReply {
        let response = GoogleAdsErrorEnvelope.response(
            httpStatus: 400,
            errors: [
                GoogleAdsError(
                    "requestError", "INVALID_CUSTOMER_ID", trigger: GoogleAdsError.stringTrigger(""),
                    location: [GoogleAdsError.PathElement("customer_id")])
            ], version: method.version, requestID: GoogleAdsEmulator.newRequestID())
        return reply(to: method, from: response)
    }

    /// `services.MutateCampaignsRequest` → `google.ads.googleads.v26.services.MutateCampaignsRequest`.
    private static func protoName(_ schemaName: String, _ version: String) -> String {
        "google.ads.googleads.\(version).\(schemaName)"
    }
}
