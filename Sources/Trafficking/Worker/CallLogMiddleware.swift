import AdPlatformKit
import Foundation

/// Records each call of a unit of work into its ``APICallCollector``, redacted: the path without its query (Meta
/// sends the access token there), query parameter names only, body sizes and types, and a truncated response with
/// token and secret values masked. If the masking pattern could not be built, no response or error text is recorded
/// at all. The collector's records are written with the work's next store write.
public struct CallLogMiddleware: ClientMiddleware {
    /// Where the records go.
    public let calls: APICallCollector
    /// The time of day calls are stamped with.
    public let clock: WallClock
    /// Matches secret fields in recorded text; `nil` if it failed to compile.
    private let secretField: NSRegularExpression?

    /// Records into `calls`, stamped by `clock`.
    public init(calls: APICallCollector, clock: WallClock) {
        self.init(calls: calls, clock: clock, secretField: Self.secretFieldPattern)
    }

    /// Records into `calls`, masking secrets with `secretField`; tests pass `nil`, as if it had failed to compile.
    init(calls: APICallCollector, clock: WallClock, secretField: NSRegularExpression?) {
        self.calls = calls
        self.clock = clock
        self.secretField = secretField
    }

    /// Sends the call on and records it, with its answer or the error it failed with.
    public func intercept(
        _ request: PlatformHTTPRequest, next: @Sendable (PlatformHTTPRequest) async throws -> PlatformHTTPResponse
    ) async throws -> PlatformHTTPResponse {
        // The duration is measured on the monotonic clock: it is an interval, not a time of day.
        let started = ContinuousClock.now
        let at = clock.now
        do {
            let response = try await next(request)
            calls.append(
                record(request, at: at, started: started, status: response.status, response: summarize(response)))
            return response
        } catch {
            calls.append(
                record(
                    request, at: at, started: started, status: nil,
                    response: "no response: \(redact(String(describing: error)))"))
            throw error
        }
    }

    private func record(
        _ request: PlatformHTTPRequest, at: Date, started: ContinuousClock.Instant, status: Int?, response: String
    ) -> APICallRecord {
        let elapsed = ContinuousClock.now - started
        let milliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return APICallRecord(
            jobID: calls.jobID, platform: calls.platform, at: at, method: request.method.rawValue,
            path: request.url.path, status: status, durationMilliseconds: milliseconds,
            requestSummary: Self.summarize(request), responseSummary: response, actionID: calls.actionID,
            syncRunID: calls.syncRunID)
    }

    /// How much of a response body is kept.
    static let responseSummaryLimit = 512

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
