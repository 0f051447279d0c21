import AdPlatformKit
import Foundation

/// Turns Snap's error answers into ``AdPlatformError``s.
///
/// Snap answers a failed call with a 4xx or 5xx status and
/// `{"request_status":"ERROR","request_id","debug_message","display_message","error_code":"E3003"}`. A batch
/// item can also fail inside a 200 answer, with `sub_request_status: "ERROR"` and a reason.
public struct SnapchatErrorMapper: Sendable {
    private let clock: WallClock

    /// Creates a mapper; `clock` turns an HTTP-date or epoch rate-limit reset into a delay. It is the real time by
    /// default, as the platform's own servers stamp those resets with it.
    public init(clock: WallClock = .system) {
        self.clock = clock
    }

    /// The error for an HTTP error response, or for a 2xx response whose envelope says `ERROR`.
    ///
    /// The status decides the code (E3003 always means not found): 401 `authExpired`, since Snap access tokens
    /// last about 30 minutes and a refresh fixes it; 403 `permissionDenied`; 404 `notFound`; 429 `rateLimited`;
    /// 400 and 422 `invalidParameter`, or `budgetTooLow` when the message is about a budget minimum; 409
    /// `duplicate`; 5xx `transient`; anything else `permanent`. A body that is not Snap's error JSON does not
    /// change the code, so a proxy's HTML 502 is still retried.
    public func error(for response: PlatformHTTPResponse, operation: String) -> AdPlatformError {
        let json = try? JSONValue(parsing: response.body)
        let debugMessage = json?["debug_message"]?.stringValue
        let displayMessage = json?["display_message"]?.stringValue
        let platformCode = json?["error_code"]?.scalarText
        let message =
            debugMessage ?? displayMessage
            ?? "HTTP \(response.status) from Snap without its error JSON (expected "
            + "{\"request_status\":\"ERROR\",\"debug_message\":…,\"error_code\":…}): \(Self.excerpt(response.body))"
        let text = [debugMessage, displayMessage].compactMap { $0 }.joined(separator: " ")
        let code = Self.code(status: response.status, platformCode: platformCode, text: text)
        return AdPlatformError(
            code: code, message: message, platform: .snapchat, operation: operation, httpStatus: response.status,
            platformCode: platformCode, retryAfter: code == .rateLimited ? retryAfter(response.headers) : nil,
            fieldPath: code == .budgetTooLow ? "budget.amount" : nil, requestID: json?["request_id"]?.scalarText)
    }

    /// The error for one batch item whose `sub_request_status` is not `SUCCESS`.
    ///
    /// Snap's key for the reason is not documented: `sub_request_error_reason` is read first (third-party
    /// clients use it), then any other string field whose name or value mentions an error.
    public func subRequestError(
        item: JSONValue, in response: PlatformHTTPResponse, requestID: String?, operation: String
    ) -> AdPlatformError {
        let status = item["sub_request_status"]?.stringValue ?? "missing"
        let reason = Self.reason(in: item) ?? "Snap rejected the item with sub_request_status \(status) and no reason"
        let platformCode = item["error_code"]?.scalarText
        let code: AdPlatformError.Code =
            if platformCode == "E3003" {
                .notFound
            } else if Self.isAboutBudgetMinimum(reason) {
                .budgetTooLow
            } else {
                .invalidParameter
            }
        return AdPlatformError(
            code: code, message: reason, platform: .snapchat, operation: operation, httpStatus: response.status,
            platformCode: platformCode, fieldPath: code == .budgetTooLow ? "budget.amount" : nil,
            requestID: requestID)
    }

    /// The error for a successful status whose body is not what Snap sends; `expected` says what was wanted.
    public func malformed(
        expected: String, in response: PlatformHTTPResponse, operation: String, cause: (any Error & Sendable)? = nil
    ) -> AdPlatformError {
        AdPlatformError(
            code: .malformedResponse,
            message: "Snap answered HTTP \(response.status) with a body this module could not read: expected "
                + "\(expected); got \(Self.excerpt(response.body))",
            platform: .snapchat, operation: operation, httpStatus: response.status, cause: cause)
    }

    /// How long a 429 asks us to wait: `Retry-After` (seconds or an HTTP date), else `X-Rate-Limit-Reset`.
    ///
    /// Whether `X-Rate-Limit-Reset` counts seconds until the reset or is an epoch time is not documented; a value
    /// above 10^9 is read as epoch seconds and turned into a delay from now, a smaller one as seconds.
    public func retryAfter(_ headers: HTTPHeaderFields) -> Duration? {
        if let text = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Double(text), seconds.isFinite, seconds >= 0 {
                return Self.duration(seconds: seconds)
            }
            if let date = Self.httpDate(text) {
                return Self.duration(seconds: max(0, date.timeIntervalSince(clock.now)))
            }
        }
        if let text = headers["X-Rate-Limit-Reset"]?.trimmingCharacters(in: .whitespaces),
            let value = Double(text), value.isFinite, value >= 0
        {
            let seconds = value > 1_000_000_000 ? max(0, value - clock.now.timeIntervalSince1970) : value
            return Self.duration(seconds: seconds)
        }
        return nil
    }

    static func code(status: Int, platformCode: String?, text: String) -> AdPlatformError.Code {
        if platformCode == "E3003" { return .notFound }
        switch status {
        case 401: return .authExpired
        case 403: return .permissionDenied
        case 404: return .notFound
        case 409: return .duplicate
        case 429: return .rateLimited
        case 400, 422, 200..<300: return isAboutBudgetMinimum(text) ? .budgetTooLow : .invalidParameter
        case 500..<600: return .transient
        default: return .permanent
        }
    }

    static func isAboutBudgetMinimum(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.contains("budget") else { return false }
        return ["minimum", "too low", "at least", "below", "less than"].contains { lower.contains($0) }
    }

    private static func reason(in item: JSONValue) -> String? {
        if let reason = item["sub_request_error_reason"]?.stringValue, !reason.isEmpty { return reason }
        if let message = item["error"]?["message"]?.stringValue, !message.isEmpty { return message }
        guard let members = item.objectValue else { return nil }
        for key in members.keys.sorted() where key != "sub_request_status" {
            guard let value = members[key]?.stringValue, !value.isEmpty else { continue }
            if key.lowercased().contains("error") || value.lowercased().contains("error") { return value }
        }
        return nil
    }

    private static func duration(seconds: Double) -> Duration {
        .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .gmt
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }

    private static func excerpt(_ body: Data) -> String {
        guard !body.isEmpty else { return "an empty body" }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return body.count > 200 ? "'\(text)…'" : "'\(text)'"
    }
}
