/// What the platform (or a webhook receiver) answered to a rule's action, for its history.
public struct PlatformResponse: Sendable, Hashable, Codable {
    /// Whether the change was made.
    public var succeeded: Bool
    /// The platform's request or trace id, where it gave one.
    public var requestID: String?
    /// The platform's message or error, as logged.
    public var message: String

    /// Creates a response.
    public init(succeeded: Bool, requestID: String? = nil, message: String) {
        self.succeeded = succeeded
        self.requestID = requestID
        self.message = message
    }
}
