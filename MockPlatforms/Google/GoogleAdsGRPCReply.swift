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

    /// The canonical gRPC status codes by name, as Google's error bodies spell them.
    static let statusCodes: [String: Int] = [
        "OK": 0, "CANCELLED": 1, "UNKNOWN": 2, "INVALID_ARGUMENT": 3, "DEADLINE_EXCEEDED": 4, "NOT_FOUND": 5,
        "ALREADY_EXISTS": 6, "PERMISSION_DENIED": 7, "RESOURCE_EXHAUSTED": 8, "FAILED_PRECONDITION": 9,
        "ABORTED": 10, "OUT_OF_RANGE": 11, "UNIMPLEMENTED": 12, "INTERNAL": 13, "UNAVAILABLE": 14,
        "DATA_LOSS": 15, "UNAUTHENTICATED": 16,
    ]

    /// A failure without messages.
    static func failure(code: Int, message: String, trailers: [(String, MetadataValue)] = []) -> GoogleAdsGRPCReply {
        GoogleAdsGRPCReply(messages: [], statusCode: code, statusMessage: message, trailers: trailers)
    }
}
