import AdPlatformKit
import Foundation

/// Turns a Google Ads error response into an ``AdPlatformError``.
///
/// The body is `{"error":{"code","message","status","details":[GoogleAdsFailure]}}`, or the same wrapped in an
/// array (`searchStream`). The first `GoogleAdsError` gives `platformCode` (`fieldError.REQUIRED`), the message and
/// the field path (`operations[0].create.name`); the failure's `requestId` (or the `request-id` header) gives the
/// request id, and a quota error's `retryDelay` the retry-after.
public enum GoogleErrorMapper {
    /// One error of a `GoogleAdsFailure`, reduced to what the mapping needs.
    struct FailureError: Sendable, Hashable {
        /// The error kind, the key of the `errorCode` oneof, e.g. `fieldError`.
        var kind: String
        /// The enum value, e.g. `REQUIRED`.
        var value: String
        /// The error's message.
        var message: String?
        /// `operations[0].create.name`, from `location.fieldPathElements`.
        var fieldPath: String?
        /// `details.quotaErrorDetails.retryDelay`, parsed.
        var retryDelay: Duration?
    }

    /// The error for a non-2xx response of an operation such as `createCampaign`.
    public static func error(from response: PlatformHTTPResponse, operation: String) -> AdPlatformError {
        guard let parsed = try? JSONValue(parsing: response.body), let envelope = errorEnvelope(in: parsed) else {
            return unparsedError(response, operation: operation)
        }
        let status = envelope["status"]?.stringValue
        let failure = envelope["details"]?.arrayValue?.first {
            $0["@type"]?.stringValue?.hasSuffix(".GoogleAdsFailure") == true || $0["errors"] != nil
        }
        let errors = (failure?["errors"]?.arrayValue ?? []).compactMap(failureError)
        let first = errors.first
        let code = classify(errors: errors, status: status, httpStatus: response.status)
        let message = first?.message ?? envelope["message"]?.stringValue ?? "HTTP \(response.status) from Google Ads"
        let retryAfter =
            code == .rateLimited
            ? (errors.lazy.compactMap(\.retryDelay).first ?? retryAfterHeader(response.headers)) : nil
        return AdPlatformError(
            code: code, message: message, platform: .google, operation: operation, httpStatus: response.status,
            platformCode: first.map { "\($0.kind).\($0.value)" } ?? status, platformSubcode: nil,
            retryAfter: retryAfter, fieldPath: first?.fieldPath,
            requestID: failure?["requestId"]?.stringValue ?? response.headers["request-id"])
    }

    /// The code for the errors of a failure, the RPC status and the HTTP status, in order of what matters most to
    /// the engine: throttling, credentials, permissions, then the first error's meaning, then the status.
    static func classify(errors: [FailureError], status: String?, httpStatus: Int) -> AdPlatformError.Code {
        if errors.contains(where: { $0.kind == "quotaError" }) || status == "RESOURCE_EXHAUSTED" || httpStatus == 429 {
            return .rateLimited
        }
        if let authentication = errors.first(where: { $0.kind == "authenticationError" }) {
            return authentication.value == "OAUTH_TOKEN_EXPIRED" ? .authExpired : .authInvalid
        }
        if errors.contains(where: { $0.kind == "authorizationError" }) { return .permissionDenied }
        if let first = errors.first, let code = code(for: first) { return code }
        switch (status, httpStatus) {
        case ("UNAUTHENTICATED", _), (_, 401): return .authInvalid
        case ("PERMISSION_DENIED", _), (_, 403): return .permissionDenied
        case ("NOT_FOUND", _), (_, 404): return .notFound
        case ("INTERNAL", _), ("UNAVAILABLE", _), ("DEADLINE_EXCEEDED", _), (_, 500), (_, 502), (_, 503), (_, 504):
            return .transient
        case ("INVALID_ARGUMENT", _): return .invalidParameter
        case (nil, 400) where !errors.isEmpty: return .invalidParameter
        default: return .permanent
        }
    }

    /// A protobuf `Duration` in its JSON form (`"30s"`, `"1.5s"`), or its object form (`{"seconds","nanos"}`).
    public static func duration(_ value: JSONValue) -> Duration? {
        if let text = value.stringValue {
            guard text.hasSuffix("s"), let seconds = Decimal(string: String(text.dropLast()), locale: posix),
                seconds >= 0
            else { return nil }
            let whole = NSDecimalNumber(decimal: seconds).int64Value
            let nanos = NSDecimalNumber(decimal: (seconds - Decimal(whole)) * 1_000_000_000).int64Value
            return .seconds(whole) + .nanoseconds(nanos)
        }
        guard value.objectValue != nil else { return nil }
        let seconds = value["seconds"]?.int64Value ?? 0
        let nanos = value["nanos"]?.int64Value ?? 0
        return .seconds(seconds) + .nanoseconds(nanos)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    private static func code(for error: FailureError) -> AdPlatformError.Code? {
        let value = error.value
        let path = error.fieldPath ?? ""
        switch error.kind {
        case "internalError":
            return .transient
        case "databaseError" where value == "CONCURRENT_MODIFICATION":
            return .transient
        case "campaignBudgetError"
        where ["BUDGET_BELOW_PER_DAY_MINIMUM", "MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC"].contains(value):
            return .budgetTooLow
        case "campaignBudgetError" where value == "CAMPAIGN_BUDGET_REMOVED":
            return .notFound
        default:
            break
        }
        let tooLow = value.contains("TOO_SMALL") || value.contains("TOO_LOW") || value.contains("BELOW_")
        if tooLow,
            // Google's field paths use proto names (`amount_micros`); accept the JSON spelling too.
            error.kind.lowercased().contains("budget") || path.contains("amount_micros")
                || path.contains("amountMicros") || path.lowercased().contains("budget")
        {
            return .budgetTooLow
        }
        if value.contains("DUPLICATE") || value == "RESOURCE_ALREADY_EXISTS" { return .duplicate }
        if value.contains("NOT_FOUND") { return .notFound }
        return nil
    }

    private static func errorEnvelope(in body: JSONValue) -> JSONValue? {
        if let envelope = body["error"], envelope.objectValue != nil { return envelope }
        if let elements = body.arrayValue {
            return elements.lazy.compactMap { $0["error"] }.first { $0.objectValue != nil }
        }
        return nil
    }

    private static func failureError(_ error: JSONValue) -> FailureError? {
        guard let (kind, value) = error["errorCode"]?.objectValue?.first(where: { $0.value.stringValue != nil }),
            let valueText = value.stringValue
        else { return nil }
        let elements = error["location"]?["fieldPathElements"]?.arrayValue ?? []
        let path = elements.compactMap { element -> String? in
            guard let name = element["fieldName"]?.stringValue else { return nil }
            return element["index"]?.int64Value.map { "\(name)[\($0)]" } ?? name
        }
        let delay = error["details"]?["quotaErrorDetails"]?["retryDelay"].flatMap(duration)
        return FailureError(
            kind: kind, value: valueText, message: error["message"]?.stringValue,
            fieldPath: path.isEmpty ? nil : path.joined(separator: "."), retryDelay: delay)
    }

    /// A response whose body is not a Google error object: throttling, auth, not-found and server statuses keep
    /// their meaning so the engine still retries a 503 from a proxy; anything else is malformed.
    private static func unparsedError(_ response: PlatformHTTPResponse, operation: String) -> AdPlatformError {
        let preview = String(decoding: response.body.prefix(200), as: UTF8.self)
        let code: AdPlatformError.Code
        switch response.status {
        case 429: code = .rateLimited
        case 401: code = .authInvalid
        case 403: code = .permissionDenied
        case 404: code = .notFound
        case 500, 502, 503, 504: code = .transient
        default: code = .malformedResponse
        }
        return AdPlatformError(
            code: code,
            message:
                "HTTP \(response.status) without a Google Ads error object (expected {\"error\":{…}}): '\(preview)'",
            platform: .google, operation: operation, httpStatus: response.status,
            retryAfter: code == .rateLimited ? retryAfterHeader(response.headers) : nil,
            requestID: response.headers["request-id"])
    }

    private static func retryAfterHeader(_ headers: HTTPHeaderFields) -> Duration? {
        guard let text = headers["Retry-After"], let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) else {
            return nil
        }
        return .seconds(seconds)
    }
}
