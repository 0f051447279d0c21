import Foundation
import Synchronization

/// A Graph API error as Meta sends it: an HTTP status plus the `error` object
/// (`message`, `type`, `code`, `error_subcode`, `is_transient`, `error_user_title`, `error_user_msg`, `fbtrace_id`).
///
/// The body's `error` is always an object: the official SDK crashes on a string there (reference §1.3).
struct MetaError: Error, Sendable {
    /// The HTTP status.
    var status: Int
    /// Meta's error code (`100`, `190`, `17`, …).
    var code: Int
    /// Meta's subcode, when the error has one.
    var subcode: Int?
    /// `OAuthException` for almost everything, `GraphMethodException` for unsupported or missing objects.
    var type: String
    /// The developer-facing message.
    var message: String
    /// The title Meta shows people, for validation errors.
    var userTitle: String?
    /// The message Meta shows people, for validation errors.
    var userMessage: String?
    /// Whether retrying later may succeed; sent only when known, as Graph does.
    var transient: Bool?

    init(
        status: Int = 400, code: Int, subcode: Int? = nil, type: String = "OAuthException", message: String,
        userTitle: String? = nil, userMessage: String? = nil, transient: Bool? = nil
    ) {
        self.status = status
        self.code = code
        self.subcode = subcode
        self.type = type
        self.message = message
        self.userTitle = userTitle
        self.userMessage = userMessage
        self.transient = transient
    }

    // MARK: - Rendering

    /// The `{"error":{…}}` document.
    var body: MockJSON {
        var members: [(String, MockJSON)] = [
            ("message", .string(message)), ("type", .string(type)), ("code", .int(code)),
        ]
        if let subcode { members.append(("error_subcode", .int(subcode))) }
        if let transient { members.append(("is_transient", .bool(transient))) }
        if let userTitle { members.append(("error_user_title", .string(userTitle))) }
        if let userMessage { members.append(("error_user_msg", .string(userMessage))) }
        members.append(("fbtrace_id", .string(Self.nextTraceID())))
        return .object([("error", .object(members))])
    }

    /// The HTTP answer, with the `WWW-Authenticate` header Graph adds to token errors.
    var response: MockResponse {
        var headers: [(String, String)] = []
        if code == 190 || code == 104 || code == 102 {
            headers.append(("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \"\(message)\""))
        }
        return .json(body, status: status, headers: headers)
    }

    private static let traceCounter = Atomic<UInt64>(0)
    private static let traceAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")

    /// An 11-character trace id like Graph's `EJplcsCHuLu`; unique per process, no clock or randomness needed.
    static func nextTraceID() -> String {
        var value = SplitMix64.mix(traceCounter.add(1, ordering: .relaxed).newValue &+ 0x5EED)
        var characters: [Character] = []
        characters.reserveCapacity(11)
        for _ in 0..<11 {
            characters.append(traceAlphabet[Int(value % UInt64(traceAlphabet.count))])
            value /= UInt64(traceAlphabet.count)
        }
        return String(characters)
    }

    // MARK: - The errors the emulator answers with

    /// `(#100) The parameter name is required`.
    static func required(_ name: String) -> MetaError {
        MetaError(code: 100, message: "(#100) The parameter \(name) is required")
    }

    /// A parameter-level problem, `(#100) …`.
    static func param(_ text: String) -> MetaError {
        MetaError(code: 100, message: "(#100) \(text)")
    }

    /// `(#100) param objective must be one of {A, B}`.
    static func notInEnum(_ name: String, _ allowed: [String]) -> MetaError {
        param("param \(name) must be one of {\(allowed.joined(separator: ", "))}")
    }

    /// Ads validation as Marketing API sends it: `Invalid parameter` plus a title and message for people.
    static func invalid(_ title: String, _ userMessage: String, subcode: Int? = nil) -> MetaError {
        MetaError(
            code: 100, subcode: subcode, message: "Invalid parameter", userTitle: title, userMessage: userMessage,
            transient: false)
    }

    /// The documented "budget too low" error (subcode 1885272).
    static func budgetTooLow(minimumMinor: Int64, for object: String) -> MetaError {
        invalid(
            "Your Budget Is Too Low",
            "The budget for this \(object) must be at least \(MetaNumbers.dollars(minor: minimumMinor)).",
            subcode: 1_885_272)
    }

    /// A node that does not exist (or is not visible): code 100, subcode 33.
    static func notFound(_ id: String, method: String) -> MetaError {
        MetaError(
            code: 100, subcode: 33, type: "GraphMethodException",
            message:
                "Unsupported \(method.lowercased()) request. Object with ID '\(id)' does not exist, cannot be loaded "
                + "due to missing permissions, or does not support this operation. Please read the Graph API "
                + "documentation at https://developers.facebook.com/docs/graph-api")
    }

    /// A parameter naming an object that does not exist, or was deleted (code 100, subcode 33).
    static func missingReference(_ name: String, _ id: String, deleted: Bool) -> MetaError {
        MetaError(
            code: 100, subcode: 33,
            message: deleted
                ? "(#100) Param \(name): the object with ID '\(id)' has been deleted"
                : "(#100) Param \(name): object with ID '\(id)' does not exist, cannot be loaded due to missing "
                    + "permissions, or does not support this operation",
            userTitle: deleted ? "Object Deleted" : "Object Not Found",
            userMessage: deleted
                ? "The object \(id) was deleted; new objects cannot be created under it."
                : "The object \(id) could not be found.")
    }

    /// No access token at all (code 104).
    static let missingToken = MetaError(code: 104, message: "An access token is required to request this resource.")

    /// An empty or malformed access token (code 190).
    static let invalidToken = MetaError(code: 190, message: "Invalid OAuth access token - Cannot parse access token")

    /// An expired access token (code 190, subcode 463).
    static let expiredToken = MetaError(
        code: 190, subcode: 463,
        message: "Error validating access token: Session has expired. The current time is later than the expiry time.")

    /// A token whose session was invalidated, as a revoked grant is (code 190, subcode 460).
    static let invalidatedSession = MetaError(
        code: 190, subcode: 460,
        message: "Error validating access token: The session has been invalidated because the user changed their "
            + "password or Facebook has changed the session for security reasons.")

    /// Paths Graph does not know (code 2500).
    static func unknownPath(_ components: String) -> MetaError {
        MetaError(code: 2500, message: "Unknown path components: \(components)")
    }

    /// A version outside v18.0–v26.0 (code 2635, Graph's deprecated-version error).
    static func unsupportedVersion(_ version: String) -> MetaError {
        MetaError(
            code: 2635,
            message:
                "(#2635) You are calling a deprecated version of the Ads API (\(version)). Please update to the "
                + "latest version: \(MetaEmulator.latestVersion).")
    }

    /// A method Graph does not support on a path.
    static func unsupportedMethod(_ method: String, path: String) -> MetaError {
        MetaError(
            code: 100, type: "GraphMethodException",
            message: "Unsupported \(method.lowercased()) request. Please read the Graph API documentation at "
                + "https://developers.facebook.com/docs/graph-api")
    }

    // MARK: - Codes and their usual messages

    /// Whether a code is one of the throttling codes.
    static func isThrottling(_ code: Int) -> Bool {
        [4, 17, 32, 341, 613].contains(code) || (80_000...80_014).contains(code)
    }

    /// The message Graph usually sends with a code (and subcode).
    static func defaultMessage(code: Int, subcode: Int?) -> String {
        switch code {
        case 1: return "An unknown error occurred"
        case 2: return "An unexpected error has occurred. Please retry your request later."
        case 4: return "(#4) Application request limit reached"
        case 10: return "(#10) Application does not have permission for this action"
        case 17: return "(#17) User request limit reached"
        case 100 where subcode == 33:
            return "Unsupported get request. Object with ID does not exist, cannot be loaded due to missing "
                + "permissions, or does not support this operation"
        case 100: return "Invalid parameter"
        case 190 where subcode == 463:
            return "Error validating access token: Session has expired. The current time is later than the expiry "
                + "time."
        case 190 where subcode == 460:
            return "Error validating access token: The session has been invalidated because the user changed their "
                + "password or Facebook has changed the session for security reasons."
        case 190: return "Invalid OAuth access token - Cannot parse access token"
        case 200: return "(#200) Permissions error"
        case 613 where subcode == 1_487_742:
            return "(#613) There have been too many calls from this ad-account. Please wait a bit and try again."
        case 613: return "(#613) Calls to this api have exceeded the rate limit."
        case 80_000...80_014:
            let useCase = useCases[code] ?? "this business use case"
            return "(#\(code)) There have been too many calls to this ad-account for \(useCase). Wait a bit and try "
                + "again. For more info, please refer to "
                + "https://developers.facebook.com/docs/graph-api/overview/rate-limiting."
        default: return "(#\(code)) An error occurred"
        }
    }

    /// The Business Use Case behind each 800xx code.
    static let useCases: [Int: String] = [
        80_000: "ads_insights", 80_001: "pages", 80_002: "instagram", 80_003: "custom_audience",
        80_004: "ads_management", 80_005: "leadgen", 80_006: "messenger", 80_008: "whatsapp_business_management",
        80_009: "catalog_management", 80_014: "catalog_batch",
    ]

    /// The error an injected fault or spent budget asks for: the code and subcode given, the status given or
    /// Graph's usual one (500 for codes 1 and 2, otherwise 400), the type Graph uses for that code.
    static func forCode(_ code: Int, subcode: Int?, status: Int?, message: String?) -> MetaError {
        let type = code == 100 && subcode == 33 ? "GraphMethodException" : "OAuthException"
        let transient: Bool? = isThrottling(code) || code == 1 || code == 2 ? true : nil
        return MetaError(
            status: status ?? (code == 1 || code == 2 ? 500 : 400), code: code, subcode: subcode, type: type,
            message: message ?? defaultMessage(code: code, subcode: subcode), transient: transient)
    }

    /// The Meta error a bare HTTP status stands for: 5xx as codes 1 and 2, 4xx as the code Graph pairs with it.
    static func forStatus(_ status: Int, message: String?) -> MetaError {
        let code: Int
        var subcode: Int?
        switch status {
        case 401: code = 190
        case 403: code = 200
        case 404:
            code = 100
            subcode = 33
        case 429: code = 17
        case 502, 503, 504: code = 2
        case 500...599: code = 1
        default: code = status >= 500 ? 1 : 100
        }
        return forCode(code, subcode: subcode, status: status, message: message)
    }
}
