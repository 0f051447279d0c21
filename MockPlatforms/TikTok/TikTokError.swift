/// A failure the TikTok emulator answers in TikTok's envelope: a numeric `code` and a `message`, normally at
/// HTTP 200 (TikTok reports API-level failures in the body, never in the status line).
///
/// Validation messages follow one format, `<field>: <reason>`, e.g. `campaign_name: Missing data for required
/// field.`, so a caller can tell which field failed from the message alone, as with TikTok's own 40002 answers.
struct TikTokError: Error, Sendable {
    /// The envelope code (see `business_api_client/tiktok_business/tiktok_code.py`).
    var code: Int
    /// The envelope message.
    var message: String

    /// 40002 for a required field that is absent (or JSON `null`).
    static func missing(_ field: String) -> TikTokError {
        TikTokError(code: 40002, message: "\(field): Missing data for required field.")
    }

    /// 40002 for a field whose value is present but not acceptable.
    static func invalid(_ field: String, _ reason: String) -> TikTokError {
        TikTokError(code: 40002, message: "\(field): \(reason)")
    }

    /// 40007 for an id that names nothing the advertiser can see (unknown, another advertiser's, or deleted).
    static func notExist(_ field: String, _ reason: String) -> TikTokError {
        TikTokError(code: 40007, message: "\(field): \(reason)")
    }

    /// The message TikTok sends with a code, for injected faults and rate limits that carry no message of
    /// their own.
    static func standardMessage(for code: Int) -> String {
        switch code {
        case 0: "OK"
        case 20001: "Partial OK"
        case 40000: "Invalid params."
        case 40001: "Permission error: no permission to operate this advertiser."
        case 40002: "Param error."
        case 40003: "Forbidden."
        case 40007: "Not exist."
        case 40050: "Duplicated request."
        case 40051: "Invalid API version."
        case 40100: "Requests made too frequently, please try again later."
        case 40102: "Access token has expired."
        case 40103: "Refresh token has expired."
        case 40104: "Access token is empty. Put a valid token in the Access-Token header."
        case 40105: "Access token is incorrect or has been revoked."
        case 40107: "Refresh token is invalid."
        case 40108: "Invalid grant type."
        case 40110: "Auth code is invalid or has expired."
        case 40130: "Scope not authorized."
        case 40132: "Request frequency limited."
        case 40300: "Advertiser does not exist."
        case 40400: "Route not found."
        case 40502: "Ad number limit reached."
        case 40700: "RPC validation error."
        case 40900: "Signature error."
        case 40906: "File is empty."
        case 40907: "File too large."
        case 40908: "File type error."
        case 41000: "Blocked."
        case 50000: "System error."
        case 50002: "System timeout."
        case 60001: "System maintenance, please try again later."
        case 61000: "Too many requests."
        default: code >= 50000 ? "System error." : "Request failed."
        }
    }
}
