import Foundation

/// The proto3 JSON spellings of the well-known types the Google Ads schema uses as strings
/// (`google.protobuf.FieldMask` and `Duration`), and the resolution of `google.protobuf.Any` type URLs. They are the
/// only well-known types in the schema; `scripts/generate_google_ads_schema.py` refuses any other.
enum ProtobufWellKnownTypes {
    static let fieldMask = "google.protobuf.FieldMask"
    static let duration = "google.protobuf.Duration"
    static let any = "google.protobuf.Any"

    /// `["campaign_budget", "network_settings.target_search_network"]` → `"campaignBudget,networkSettings.targetSearchNetwork"`.
    static func fieldMaskJSON(_ paths: [String]) -> String {
        paths.map { path in
            path.split(separator: ".", omittingEmptySubsequences: false).map {
                GoogleAdsSchema.camelCase(String($0))
            }.joined(separator: ".")
        }.joined(separator: ",")
    }

    /// `"campaignBudget,status"` → `["campaign_budget", "status"]`.
    static func fieldMaskPaths(_ json: String) -> [String] {
        json.split(separator: ",").map { path in
            path.trimmingHTTPWhitespace.split(separator: ".", omittingEmptySubsequences: false).map {
                GoogleAdsSchema.snakeCase($0)
            }.joined(separator: ".")
        }
    }

    /// Seconds and nanoseconds → `"1.5s"`, `"-0.000000001s"`, `"3s"`.
    static func durationJSON(seconds: Int64, nanos: Int32) -> String {
        let negative = seconds < 0 || nanos < 0
        let wholeSeconds = seconds.magnitude
        let fraction = Int64(nanos).magnitude
        var text = (negative ? "-" : "") + String(wholeSeconds)
        if fraction > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 9 - digits.count) + digits
            while digits.hasSuffix("000") { digits.removeLast(3) }
            text += "." + digits
        }
        return text + "s"
    }

    /// `"1.5s"` → 1 second and 500,000,000 nanoseconds; `nil` when it is not a duration.
    static func duration(_ json: String) -> (seconds: Int64, nanos: Int32)? {
        guard json.hasSuffix("s") else { return nil }
        var body = Substring(json.dropLast())
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII), let seconds = Int64(whole) else {
            return nil
        }
        var nanos: Int32 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 9, let value = Int32(digits), digits.allSatisfy(\.isASCII) else {
                return nil
            }
            nanos = value * Int32(pow(10, Double(9 - digits.count)))
        }
        return negative ? (-seconds, -nanos) : (seconds, nanos)
    }

    /// The schema name of an `Any`'s type URL: `type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure`
    /// → `errors.GoogleAdsFailure` (one schema serves every version), `…/google.rpc.Status` → `google.rpc.Status`.
    static func schemaName(ofTypeURL url: String) -> String {
        let fullName = url.split(separator: "/").last.map(String.init) ?? url
        let prefix = "google.ads.googleads."
        guard fullName.hasPrefix(prefix) else { return fullName }
        let rest = fullName.dropFirst(prefix.count)
        guard let dot = rest.firstIndex(of: "."), rest.hasPrefix("v") else { return fullName }
        return String(rest[rest.index(after: dot)...])
    }
}
