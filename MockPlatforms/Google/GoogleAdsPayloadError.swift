import Foundation

/// A request body the REST gateway would refuse before the API sees it: not JSON, an unknown field, a wrong JSON
/// type or an unknown enum name. Answered as 400 `INVALID_ARGUMENT` with a `google.rpc.BadRequest`.
struct GoogleAdsPayloadError: Error, Sendable {
    /// The offending field's path in proto names (`operations[0].create.amount_micros`); `nil` at the root.
    var field: String?
    /// The gateway's description, e.g. `Invalid JSON payload received. Unknown name "foo" at 'operations[0]': …`.
    var description: String
}
