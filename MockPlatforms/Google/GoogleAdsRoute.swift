import Foundation

/// Where a request under `/vNN/customers…` goes: the version, the customer and the method, following the
/// `google.api.http` annotations of the v23 service protos.
struct GoogleAdsRoute: Sendable {
    /// A REST method the emulator serves.
    enum Method: Sendable, Equatable {
        /// `GET /vNN/customers:listAccessibleCustomers`.
        case listAccessibleCustomers
        /// `POST /vNN/customers/{cid}/{collection}:mutate`.
        case mutate(GoogleAdsResource)
        /// `POST /vNN/customers/{cid}/googleAds:mutate`.
        case googleAdsMutate
        /// `POST /vNN/customers/{cid}/googleAds:search`.
        case search
        /// `POST /vNN/customers/{cid}/googleAds:searchStream`.
        case searchStream

        /// The HTTP method it answers.
        var httpMethod: String { self == .listAccessibleCustomers ? "GET" : "POST" }
    }

    /// The versions the emulator answers (the REST layout is the same across them).
    static let supportedVersions = 17...26

    /// The version segment, `v23`.
    var version: String
    /// Its number, `23`.
    var versionNumber: Int
    /// The customer in the path, when there is one.
    var customerID: String?
    /// The method; `nil` for a path under the prefix that names none.
    var method: Method?

    /// The OAuth token paths the emulator serves (`oauth2.googleapis.com/token` and the library's default
    /// `accounts.google.com/o/oauth2/token`).
    static let tokenPaths: Set<String> = ["/token", "/o/oauth2/token"]

    /// Whether a path is under the Google Ads prefix: `/v{digits}/customers` or `/v{digits}/customers:…`.
    static func isGoogleAdsPath(_ segments: [Substring]) -> Bool {
        guard segments.count >= 2, versionNumber(segments[0]) != nil else { return false }
        return segments[1] == "customers" || segments[1].hasPrefix("customers:")
    }

    /// `v23` → 23.
    static func versionNumber(_ segment: Substring) -> Int? {
        guard segment.hasPrefix("v"), segment.count > 1, segment.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return Int(segment.dropFirst())
    }

    /// Reads the route of a request under the prefix; `nil` when it is not one.
    init?(_ request: MockRequest) {
        let segments = request.segments
        guard Self.isGoogleAdsPath(segments), let number = Self.versionNumber(segments[0]) else { return nil }
        version = String(segments[0])
        versionNumber = number
        if request.hasTrailingSlash { return }
        if segments.count == 2, segments[1] == "customers:listAccessibleCustomers" {
            method = .listAccessibleCustomers
            return
        }
        guard segments.count == 4, segments[1] == "customers" else { return }
        customerID = String(segments[2])
        let call = segments[3].split(separator: ":", maxSplits: 1)
        guard call.count == 2 else { return }
        switch (call[0], call[1]) {
        case ("googleAds", "mutate"): method = .googleAdsMutate
        case ("googleAds", "search"): method = .search
        case ("googleAds", "searchStream"): method = .searchStream
        case (let collection, "mutate"):
            if let resource = GoogleAdsResource.collection(collection), resource != .customer {
                method = .mutate(resource)
            }
        default: break
        }
    }

    /// The customer a request acts on, read from the path alone (for rate limits and the journal).
    static func customerID(in request: MockRequest) -> String? {
        let segments = request.segments
        guard isGoogleAdsPath(segments), segments.count >= 3, segments[1] == "customers" else { return nil }
        return String(segments[2])
    }
}
