/// What a gRPC call to the Google Ads emulator answers: the messages, the status and the trailing metadata.
public struct GoogleAdsGRPCReply: Sendable {
    /// One trailing metadata value: text, or binary for keys ending in `-bin`.
    public enum MetadataValue: Sendable, Equatable {
        /// A text value.
        case text(String)
        /// A binary value (the `…googleadsfailure-bin` trailer).
        case binary([UInt8])
    }

    /// The serialized response messages: one for a unary call, any number for `SearchStream`.
    public var messages: [[UInt8]]
    /// The gRPC status code: 0 is OK, 3 `INVALID_ARGUMENT`, 8 `RESOURCE_EXHAUSTED`, 16 `UNAUTHENTICATED`, …
    public var statusCode: Int
    /// The status message; empty on success.
    public var statusMessage: String
    /// Trailing metadata: `request-id`, and on failure the serialized `GoogleAdsFailure` under
    /// `google.ads.googleads.vNN.errors.googleadsfailure-bin` and a `google.rpc.Status` carrying it under
    /// `grpc-status-details-bin`.
    public var trailers: [(String, MetadataValue)]

    /// Whether the call succeeded.
    public var isOK: Bool { statusCode == 0 }

    /// A failure without messages.
    static func failure(code: Int, message: String, trailers: [(String, MetadataValue)] = []) -> GoogleAdsGRPCReply {
        GoogleAdsGRPCReply(messages: [], statusCode: code, statusMessage: message, trailers: trailers)
    }
}
