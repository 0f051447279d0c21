import AdPlatformKit
import Foundation

/// Maps TikTok's error envelopes (`code` ≠ 0 in an HTTP 200) and non-2xx responses to ``AdPlatformError``.
public enum TikTokErrorMapper {
    /// The generic code for a TikTok envelope code, before any look at the message.
    public static func code(forPlatformCode code: Int64) -> AdPlatformError.Code {
        switch code {
        case 40100, 40132, 61000: .rateLimited
        case 40102: .authExpired
        case 40103, 40104, 40105, 40107: .authInvalid
        case 40001, 40003, 40130: .permissionDenied
        case 40000, 40002, 40700: .invalidParameter
        case 40007, 40300: .notFound
        case 40050: .duplicate
        case 40400: .unsupported
        case 50000, 50002, 51000...51999, 60001: .transient
        default: .permanent
        }
    }

    /// The error for an envelope whose `code` is not 0. Parameter errors name the field when the message does,
    /// and become `budgetTooLow` when the message says the budget is under the minimum.
    public static func error(
        platformCode: Int64, message: String, requestID: String?, httpStatus: Int, operation: String
    ) -> AdPlatformError {
        var code = code(forPlatformCode: platformCode)
        var fieldPath: String?
        if code == .invalidParameter {
            fieldPath = self.fieldPath(in: message)
            if isBudgetTooLow(message) {
                code = .budgetTooLow
                fieldPath = fieldPath ?? "budget"
            }
        }
        return AdPlatformError(
            code: code, message: message.isEmpty ? "TikTok error \(platformCode)" : message, platform: .tiktok,
            operation: operation, httpStatus: httpStatus, platformCode: String(platformCode), fieldPath: fieldPath,
            requestID: requestID)
    }

    /// The error for a non-2xx HTTP status: 5xx is `transient`, 429 `rateLimited` (with `Retry-After` when sent),
    /// anything else `permanent`. An envelope in the body contributes its message, code and request id.
    public static func error(httpResponse response: PlatformHTTPResponse, operation: String) -> AdPlatformError {
        let code: AdPlatformError.Code
        switch response.status {
        case 500...599: code = .transient
        case 429: code = .rateLimited
        default: code = .permanent
        }
        let envelope = try? JSONValue(parsing: response.body)
        let message =
            envelope?["message"]?.stringValue
            ?? "TikTok answered HTTP \(response.status) with \(response.body.count) bytes"
        return AdPlatformError(
            code: code, message: message, platform: .tiktok, operation: operation, httpStatus: response.status,
            platformCode: envelope?["code"]?.scalarText,
            retryAfter: response.status == 429 ? retryAfter(response.headers) : nil,
            requestID: envelope?["request_id"]?.stringValue)
    }

    /// The field a message names: `budget: …` or `… [field_name] …`; `nil` when it names none.
    public static func fieldPath(in message: String) -> String? {
        if let colon = message.firstIndex(of: ":") {
            let candidate = message[..<colon].trimmingCharacters(in: .whitespaces)
            if isFieldName(candidate) { return candidate }
        }
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "[") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "]") else { break }
            let candidate = String(rest[afterOpen..<close])
            if isFieldName(candidate) { return candidate }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }

    private static func isFieldName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { character in
            character.isASCII && (character.isLowercase || character.isNumber || "_.[]".contains(character))
        }
    }

    private static func isBudgetTooLow(_ message: String) -> Bool {
        let text = message.lowercased()
        guard text.contains("budget") else { return false }
        return ["too low", "minimum", "lower than", "less than", "at least", "below"].contains { text.contains($0) }
    }

    private static func retryAfter(_ headers: HTTPHeaderFields) -> Duration? {
        guard let text = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces), let seconds = Int64(text),
            seconds >= 0
        else { return nil }
        return .seconds(seconds)
    }
}
