import Foundation

/// Where the TikTok module sends its calls: the production host by default, or an emulator.
public struct TikTokAdsConfiguration: Sendable, Hashable {
    /// TikTok's production API host, `https://business-api.tiktok.com`.
    public static let productionBaseURL: URL =
        URL(string: "https://business-api.tiktok.com") ?? URL(fileURLWithPath: "/")

    /// The scheme and host (and optional path prefix) every call goes to; paths start with `/open_api/`.
    public var baseURL: URL
    /// The Marketing API version in every path, e.g. `v1.3`.
    public var apiVersion: String

    /// Creates a configuration; the defaults are TikTok's production host and API v1.3.
    public init(baseURL: URL = TikTokAdsConfiguration.productionBaseURL, apiVersion: String = "v1.3") {
        self.baseURL = baseURL
        self.apiVersion = apiVersion
    }

    /// The path of an endpoint, with TikTok's mandatory trailing slash: `/open_api/v1.3/campaign/create/`.
    public func path(_ endpoint: String) -> String {
        "/open_api/\(apiVersion)/\(endpoint)/"
    }
}
