import Foundation

/// Where the Google Ads REST API lives and which version to call.
///
/// The defaults reach the real service; tests and the emulator pass their own ``baseURL``.
public struct GoogleAdsConfiguration: Sendable, Hashable {
    /// The scheme and host every path is appended to, e.g. `https://googleads.googleapis.com`.
    public var baseURL: URL
    /// The API version prefix of every path, e.g. `v23`.
    public var apiVersion: String
    /// Where access tokens are refreshed: Google's OAuth host in production, `/token` on any other ``baseURL``
    /// (the emulator serves both on one port).
    public var tokenURL: URL

    /// Google's production token endpoint.
    public static let productionTokenURL = URL(string: "https://oauth2.googleapis.com/token") ?? URL(filePath: "/")

    /// The production host, the `google.api.default_host` of the Google Ads protos.
    public static let productionBaseURL = URL(string: "https://googleads.googleapis.com") ?? URL(filePath: "/")

    /// The version this module's request shapes were written against.
    public static let defaultAPIVersion = "v23"

    /// Creates a configuration; the defaults call the production API at ``defaultAPIVersion``, and the token URL
    /// follows the host unless given.
    public init(
        baseURL: URL = GoogleAdsConfiguration.productionBaseURL, apiVersion: String = defaultAPIVersion,
        tokenURL: URL? = nil
    ) {
        self.baseURL = baseURL
        self.apiVersion = apiVersion
        self.tokenURL =
            tokenURL
            ?? (baseURL == Self.productionBaseURL ? Self.productionTokenURL : baseURL.appendingPathComponent("token"))
    }
}
