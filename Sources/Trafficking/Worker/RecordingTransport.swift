import AdPlatformKit
import Foundation

/// A transport that spends a running job's or action's rate budget before each call and records the call into its
/// ``APICallCollector``, redacted: the path
/// without its query (Meta sends the access token there), query parameter names only, body sizes and types, and
/// a truncated response with token and secret values masked. If the masking pattern could not be built, no response
/// or error text is recorded at all. Calls outside a job pass straight through.
public struct RecordingTransport: HTTPTransport {
    private let base: any HTTPTransport
    /// Matches secret fields in recorded text; `nil` if it failed to compile.
    private let secretField: NSRegularExpression?

    /// Wraps a transport.
    public init(wrapping base: any HTTPTransport) { self.init(wrapping: base, secretField: Self.secretFieldPattern) }

    /// Wraps a transport, masking secrets with `secretField`; tests pass `nil`, as if it had failed to compile.
    init(wrapping base: any HTTPTransport, secretField: NSRegularExpression?) {
        self.base = base
        self.secretField = secretField
    }

    /// How much of a response body is kept.
    static let responseSummaryLimit = 512

    /// Sends the request through the wrapped transport and records it.
    public func send(_ request: PlatformHTTPRequest) async throws -> PlatformHTTPResponse {
        guard let collector = APICallCollector.current else { return try await base.send(request) }
        try await collector.acquire()
        let started = ContinuousClock.now
        let at = collector.clock.now
        do {
            let response = try await base.send(request)
            collector.append(
                record(
                    request, collector: collector, at: at, started: started, status: response.status,
                    response: summarize(response)))
            return response
        } catch {
            collector.append(
                record(
                    request, collector: collector, at: at, started: started, status: nil,
                    response: "no response: \(redact(String(describing: error)))"))
            throw error
        }
    }

    private func record(
        _ request: PlatformHTTPRequest, collector: APICallCollector, at: Date, started: ContinuousClock.Instant,
        status: Int?, response: String
    ) -> APICallRecord {
        let elapsed = ContinuousClock.now - started
        let milliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return APICallRecord(
            jobID: collector.jobID, platform: collector.platform, at: at, method: request.method.rawValue,
            path: request.url.path, status: status, durationMilliseconds: milliseconds,
            requestSummary: Self.summarize(request), responseSummary: response, actionID: collector.actionID,
            syncRunID: collector.syncRunID)
    }

    /// Content type, size and query parameter names; never values, because tokens travel in queries and forms.
    static func summarize(_ request: PlatformHTTPRequest) -> String {
        var parts: [String] = []
        let names = request.queryItems.map(\.name)
        if !names.isEmpty { parts.append("query: " + names.joined(separator: ",")) }
        if let body = request.body {
            parts.append("body: \(body.count) bytes \(request.headers["content-type"] ?? "")")
        }
        return parts.isEmpty ? "no body" : parts.joined(separator: "; ")
    }

    /// The response body, truncated, with secret-looking JSON values masked.
    func summarize(_ response: PlatformHTTPResponse) -> String {
        let text = String(decoding: response.body.prefix(Self.responseSummaryLimit * 4), as: UTF8.self)
        let redacted = redact(text)
        return redacted.count > Self.responseSummaryLimit
            ? String(redacted.prefix(Self.responseSummaryLimit)) + "…" : redacted
    }

    /// Masks the values of JSON or form fields whose names mention a token, secret or password. Most answers
    /// mention none, so a plain search decides first whether the regular expression needs to run at all. Without
    /// the expression nothing is kept at all: a call log that might hold a token is worse than one without bodies.
    func redact(_ text: String) -> String {
        guard let pattern = secretField else { return Self.withheld }
        guard Self.mentionsSecretWord(text) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return pattern.stringByReplacingMatches(in: text, range: range, withTemplate: "$1<redacted>")
    }

    /// What is recorded instead of a body or an error when secrets cannot be masked.
    static let withheld = "<withheld: the redaction pattern is unavailable>"

    private static let secretWords = ["token", "secret", "password", "authorization"].map { Array($0.utf8) }

    /// Whether any secret word occurs, ignoring ASCII case; a byte search, since every call's answer goes through it.
    private static func mentionsSecretWord(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return secretWords.contains { word in
            guard bytes.count >= word.count else { return false }
            return (0...(bytes.count - word.count)).contains { start in
                word.indices.allSatisfy { bytes[start + $0] | 0x20 == word[$0] }
            }
        }
    }

    /// Compiled once: building an `NSRegularExpression` costs more than matching with it.
    static let secretFieldPattern = try? NSRegularExpression(
        pattern: #"("?[A-Za-z_\-]*(token|secret|password|authorization)[A-Za-z_\-]*"?\s*[:=]\s*"?)([^"&,\s}]+)"#,
        options: [.caseInsensitive])
}
