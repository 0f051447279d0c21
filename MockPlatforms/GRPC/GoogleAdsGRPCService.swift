import GRPCCore
import MockPlatforms

/// The Google Ads API's gRPC services (`CampaignService`, `GoogleAdsService`, …, for v17–v26), answered by the
/// emulator through ``GoogleAdsGRPCBridge``.
///
/// Register it with a `GRPCServer`, or start one with ``MockGoogleAdsGRPCServer``.
public struct GoogleAdsGRPCService: RegistrableRPCService {
    private let bridge: GoogleAdsGRPCBridge

    /// A service answering from these emulators.
    public init(mock: MockPlatforms) { bridge = GoogleAdsGRPCBridge(mock: mock) }

    /// Registers every method of every version the emulator answers.
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        for method in GoogleAdsGRPCMethod.all {
            let bridge = bridge
            router.registerHandler(
                forMethod: MethodDescriptor(fullyQualifiedService: method.service, method: method.method),
                deserializer: RawMessageCoder(), serializer: RawMessageCoder()
            ) { request, _ in
                try await Self.handle(request, method: method, bridge: bridge)
            }
        }
    }

    private static func handle(
        _ request: StreamingServerRequest<[UInt8]>, method: GoogleAdsGRPCMethod, bridge: GoogleAdsGRPCBridge
    ) async throws -> StreamingServerResponse<[UInt8]> {
        var input: [UInt8]?
        for try await message in request.messages {
            guard input == nil else {
                throw RPCError(code: .invalidArgument, message: "\(method.path) takes exactly one request message")
            }
            input = message
        }
        guard let input else {
            throw RPCError(code: .invalidArgument, message: "\(method.path) was called without a request message")
        }
        var metadata: [(String, String)] = []
        for (key, value) in request.metadata {
            if case .string(let text) = value { metadata.append((key, text)) }
        }
        let reply = await bridge.call(method, request: input, metadata: metadata)
        var trailers = Metadata()
        for (key, value) in reply.trailers {
            switch value {
            case .text(let text): trailers.addString(text, forKey: key)
            case .binary(let bytes): trailers.addBinary(bytes, forKey: key)
            }
        }
        guard reply.isOK else {
            let code = Status.Code(rawValue: reply.statusCode).flatMap(RPCError.Code.init) ?? .unknown
            throw RPCError(code: code, message: reply.statusMessage, metadata: trailers)
        }
        let trailing = trailers
        return StreamingServerResponse(of: [UInt8].self) { writer in
            try await writer.write(contentsOf: reply.messages)
            return trailing
        }
    }
}
