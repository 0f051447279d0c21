import Foundation

/// A GAQL statement the API refuses: answered as a `queryError` (or another code) in a `GoogleAdsFailure`.
struct GoogleAdsQueryError: Error, Sendable {
    /// The `errorCode` member, `queryError` unless said otherwise.
    var category: String
    /// The code, e.g. `UNRECOGNIZED_FIELD`.
    var code: String
    /// The message.
    var message: String
    /// The text that triggered it, if any.
    var trigger: String?
    /// The request field the error is located at (`page_token`); query errors have none.
    var location: String?

    /// Creates an error.
    init(
        _ code: String, _ message: String, trigger: String? = nil, category: String = "queryError",
        location: String? = nil
    ) {
        self.category = category
        self.code = code
        self.message = message
        self.trigger = trigger
        self.location = location
    }

    /// The error as it appears in a failure.
    var googleAdsError: GoogleAdsError {
        GoogleAdsError(
            category, code, message: message, trigger: trigger.map(GoogleAdsError.stringTrigger),
            location: location.map { [GoogleAdsError.PathElement($0)] } ?? [])
    }
}
