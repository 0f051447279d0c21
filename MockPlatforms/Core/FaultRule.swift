import Foundation

/// A rule that makes matching requests fail, slow down or lose their connection: the control plane's fault
/// injection, in the spirit of WireMock's faults but answered in each platform's own error shape.
public struct FaultRule: Sendable, Codable, Hashable {
    /// What the rule does.
    public enum Kind: String, Sendable, Codable, Hashable {
        /// Answer with ``FaultRule/status`` in the platform's error shape.
        case status
        /// Answer with the platform's own error ``FaultRule/code`` (and ``FaultRule/subcode``).
        case platformError
        /// Wait ``FaultRule/latencyMilliseconds`` before handling the request normally.
        case latency
        /// Close the connection without handling the request.
        case drop
        /// Handle the request (its effects happen), then close the connection without answering: the
        /// "created on the platform, but the caller never heard" failure.
        case dropResponse
    }

    /// The rule's id, assigned when added.
    public var id: String
    /// The platform it applies to; `nil` for any.
    public var platform: String?
    /// The method it applies to; `nil` for any.
    public var method: String?
    /// A path pattern where `*` matches any run of characters, e.g. `/v*/act_*/campaigns`.
    public var path: String
    /// What it does.
    public var kind: Kind
    /// The HTTP status, for `status` (and optionally `platformError`).
    public var status: Int?
    /// The platform's error code, for `platformError`.
    public var code: String?
    /// The platform's error subcode (Meta).
    public var subcode: String?
    /// A message to answer with instead of the platform's usual one.
    public var message: String?
    /// The added latency, for `latency`.
    public var latencyMilliseconds: Int?
    /// The chance, 0–1, that a matching request triggers the rule; 1 when absent.
    public var probability: Double?
    /// How many more times the rule may fire; unlimited when absent. The rule is removed when it reaches 0.
    public var remaining: Int?
    /// How many times it has fired.
    public var fired: Int

    /// The statuses a fault may answer with: those that can end an HTTP exchange. An informational 1xx cannot (the
    /// client would read the error body as the next response), and HTTP has no status outside 100…599.
    public static let answerableStatuses = 200...599

    /// Creates a rule; the id is assigned when it is added to a ``FaultInjector``.
    public init(
        platform: String? = nil, method: String? = nil, path: String = "*", kind: Kind, status: Int? = nil,
        code: String? = nil, subcode: String? = nil, message: String? = nil, latencyMilliseconds: Int? = nil,
        probability: Double? = nil, remaining: Int? = nil
    ) {
        self.id = ""
        self.platform = platform
        self.method = method
        self.path = path
        self.kind = kind
        self.status = status
        self.code = code
        self.subcode = subcode
        self.message = message
        self.latencyMilliseconds = latencyMilliseconds
        self.probability = probability
        self.remaining = remaining
        self.fired = 0
    }

    /// Whether the rule applies to a request.
    func matches(platform: String, method: String, path: String) -> Bool {
        (self.platform == nil || self.platform == platform)
            && (self.method == nil || self.method?.uppercased() == method)
            && Self.glob(self.path, matches: path)
    }

    /// `*` matches any run of characters; everything else matches itself.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let pieces = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard pieces.count > 1 else { return pattern == text }
        var rest = Substring(text)
        guard rest.hasPrefix(pieces[0]) else { return false }
        rest = rest.dropFirst(pieces[0].count)
        for (index, piece) in pieces.enumerated().dropFirst() {
            if index == pieces.count - 1 { return piece.isEmpty || rest.hasSuffix(piece) }
            guard !piece.isEmpty else { continue }
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
