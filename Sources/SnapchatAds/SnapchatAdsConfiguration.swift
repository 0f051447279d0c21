import Foundation

/// Where the Snapchat module sends its calls: Snap's Marketing API host by default, or an emulator.
public struct SnapchatAdsConfiguration: Sendable, Hashable {
    /// Snap's production Marketing API host, `https://adsapi.snapchat.com`.
    public static let productionBaseURL: URL =
        URL(string: "https://adsapi.snapchat.com") ?? URL(fileURLWithPath: "/")

    /// The scheme and host (and optional path prefix) every call goes to; paths start with `/v1/`.
    public var baseURL: URL
    /// The Marketing API version in every path, `v1`.
    public var apiVersion: String
    /// The page size asked for while searching for a marked entity; Snap accepts 50–1000.
    public var lookupPageSize: Int
    /// Where access tokens are refreshed: Snap's accounts host in production, `/login/oauth2/access_token` on
    /// any other ``baseURL`` (the emulator serves both on one port).
    public var tokenURL: URL

    /// Snap's production token endpoint.
    public static let productionTokenURL: URL =
        URL(string: "https://accounts.snapchat.com/login/oauth2/access_token") ?? URL(fileURLWithPath: "/")

    /// Creates a configuration; the defaults are Snap's production host, API v1 and 1000-entity lookup pages, and
    /// the token URL follows the host unless given.
    public init(
        baseURL: URL = SnapchatAdsConfiguration.productionBaseURL, apiVersion: String = "v1",
        lookupPageSize: Int = 1000,
        tokenURL: URL? = nil
    ) {
        self.baseURL = baseURL
        self.apiVersion = apiVersion
        self.lookupPageSize = lookupPageSize
        self.tokenURL =
            tokenURL
            ?? (baseURL == Self.productionBaseURL
                ? Self.productionTokenURL : baseURL.appendingPathComponent("login/oauth2/access_token"))
    }
}
