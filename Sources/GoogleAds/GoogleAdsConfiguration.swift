import Foundation

/// Where the Google Ads REST API lives and which version to call.
///
/// The defaults reach the real service; tests and the emulator pass their own ``baseURL``.
public struct GoogleAdsConfiguration: Sendable, Hashable {
    /// The scheme and host every path is appended to, e.g. `https://googleads.googleapis.com`.
    public var baseURL: URL
    /// The API version prefix of every path, e.g. `v23`.
    public var apiVersion: String

    /// The production host, the `google.api.default_host` of the Google Ads protos.
    public static let productionBaseURL = URL(string: "https://googleads.googleapis.com") ?? URL(filePath: "/")

    /// The version this module's request shapes were written against.
    public static let defaultAPIVersion = "v23"

    /// Creates a configuration; the defaults call the production API at ``defaultAPIVersion``.
    public init(baseURL: URL = GoogleAdsConfiguration.productionBaseURL, apiVersion: String = defaultAPIVersion) {
        self.baseURL = baseURL
        self.apiVersion = apiVersion
    }
}
