import AdPlatformKit
import Foundation

/// Turns Meta's failures into ``AdPlatformError``s.
///
/// Any JSON body with an `error` object is a failure, whatever the HTTP status, as Meta's SDK treats it. The
/// error's `code` decides the generic code; `error_subcode`, the usage headers and the message refine it.
public enum MetaErrorMapper {
    /// The error subcode Meta sends when a budget is below the minimum ("Your budget is too low"), seen in
    /// third-party code; not in Meta's error reference.
    public static let budgetTooLowSubcode: Int64 = 1_885_272
    /// The `190` subcode for an expired access token.
    public static let expiredTokenSubcode: Int64 = 463
    /// The `100` subcode for an object that does not exist or cannot be loaded.
    public static let objectDoesNotExistSubcode: Int64 = 33

    /// The error a response carries, or `nil` when it is a success.
    public static func error(in response: PlatformHTTPResponse, operation: String) -> AdPlatformError? {
        error(in: response, parsed: try? JSONValue(parsing: response.body), operation: operation)
    }

    /// The error a response carries, given its body already parsed (`nil` when it is not JSON).
    static func error(
        in response: PlatformHTTPResponse, parsed body: JSONValue?, operation: String
    )
        -> AdPlatformError?
    {
        if let errorValue = body?["error"], errorValue != .null {
            guard let object = errorValue.objectValue else {
                return AdPlatformError(
                    code: .malformedResponse,
                    message: "expected Meta's error object {\"error\":{\"message\",\"code\",…}}, got \"error\": "
                        + errorValue.encodedString().prefix(200),
                    platform: .meta, operation: operation, httpStatus: response.status)
            }
            return error(from: object, response: response, operation: operation)
        }
        guard !response.isSuccess else { return nil }
        let snippet = String(decoding: response.body.prefix(200), as: UTF8.self)
        return AdPlatformError(
            code: response.status >= 500 ? .transient : .permanent,
            message: "Meta answered HTTP \(response.status) without an error object: \(snippet)", platform: .meta,
            operation: operation, httpStatus: response.status)
    }

    /// The generic error for Meta's `error` object.
    public static func error(
        from object: [String: JSONValue], response: PlatformHTTPResponse, operation: String
    )
        -> AdPlatformError
    {
        let platformMessage = object["message"]?.stringValue ?? "Meta reported an error without a message"
        let code = object["code"]?.int64Value
        let subcode = object["error_subcode"]?.int64Value
        let userTitle = object["error_user_title"]?.stringValue
        let userMessage = object["error_user_msg"]?.stringValue
        let generic = Self.code(forCode: code, subcode: subcode, texts: [platformMessage, userTitle, userMessage])
        // The user-facing title and message often say what the developer message does not ("Budget Is Too Low").
        let details = [userTitle, userMessage].compactMap { $0?.isEmpty == false ? $0 : nil }
        let message = details.isEmpty ? platformMessage : "\(platformMessage) (\(details.joined(separator: ": ")))"
        return AdPlatformError(
            code: generic, message: message, platform: .meta, operation: operation, httpStatus: response.status,
            platformCode: code.map(String.init) ?? object["code"]?.scalarText,
            platformSubcode: subcode.map(String.init) ?? object["error_subcode"]?.scalarText,
            retryAfter: generic == .rateLimited ? retryAfter(from: response.headers) : nil,
            fieldPath: fieldPath(in: [platformMessage, userTitle, userMessage])
                ?? (generic == .budgetTooLow ? "budget.amount" : nil),
            requestID: object["fbtrace_id"]?.stringValue)
    }

    /// The generic code for Meta's code and subcode. `texts` are the messages, read only to recognise a budget
    /// below the minimum when the subcode is not the known one.
    public static func code(forCode code: Int64?, subcode: Int64?, texts: [String?] = []) -> AdPlatformError.Code {
        guard let code else { return .permanent }
        switch code {
        case 4, 17, 613, 80000...80014:
            return .rateLimited
        case 190:
            return subcode == expiredTokenSubcode ? .authExpired : .authInvalid
        case 10, 200...299:
            return .permissionDenied
        case 100:
            if subcode == objectDoesNotExistSubcode { return .notFound }
            if subcode == budgetTooLowSubcode || mentionsLowBudget(texts) { return .budgetTooLow }
            return .invalidParameter
        case 1, 2:
            return .transient
        default:
            return .permanent
        }
    }

    /// How long to wait, from `X-Business-Use-Case-Usage` (`estimated_time_to_regain_access`, in minutes, the
    /// largest across use cases) or else `X-Ad-Account-Usage` (`reset_time_duration`, in seconds); `nil` when
    /// neither says a positive time.
    public static func retryAfter(from headers: HTTPHeaderFields) -> Duration? {
        if let text = headers["X-Business-Use-Case-Usage"],
            let usage = try? JSONValue(parsing: Data(text.utf8)), let accounts = usage.objectValue
        {
            let minutes =
                accounts.values.flatMap { $0.arrayValue ?? [] }
                .compactMap { $0["estimated_time_to_regain_access"]?.doubleValue }.max() ?? 0
            if minutes > 0 { return .seconds(Int64((minutes * 60).rounded(.up))) }
        }
        if let text = headers["X-Ad-Account-Usage"], let usage = try? JSONValue(parsing: Data(text.utf8)),
            let seconds = usage["reset_time_duration"]?.doubleValue, seconds > 0
        {
            return .seconds(Int64(seconds.rounded(.up)))
        }
        return nil
    }

    /// The parameter a message names, as in `(#100) param name must be non-empty` or `The parameter daily_budget
    /// is required`; Meta's generic `Invalid parameter` names none.
    static func fieldPath(in texts: [String?]) -> String? {
        for text in texts.compactMap({ $0 }) {
            let words = text.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "," }).map(String.init)
            for (index, word) in words.enumerated().dropLast()
            where ["param", "parameter"].contains(word.lowercased()) {
                let candidate = words[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: "'\"`.()"))
                if isParameterName(candidate) { return candidate }
            }
        }
        return nil
    }

    private static let notParameterNames: Set<String> = [
        "a", "an", "the", "is", "are", "was", "must", "for", "in", "to", "of", "with", "value", "values",
    ]

    private static func isParameterName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, CharacterSet.letters.contains(first),
            !notParameterNames.contains(text.lowercased())
        else { return false }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_[].-"))
        return text.unicodeScalars.allSatisfy { $0.isASCII && allowed.contains($0) }
    }

    private static func mentionsLowBudget(_ texts: [String?]) -> Bool {
        texts.contains { text in
            guard let lower = text?.lowercased(), lower.contains("budget") else { return false }
            return lower.contains("too low") || lower.contains("minimum") || lower.contains("at least")
        }
    }
}
