import AdPlatformKit
import Foundation

/// Where the Meta module sends its calls: the Graph API host and the API version in every path.
///
/// Point ``baseURL`` at the emulator to run offline; the version is checked the way Meta's SDK checks it, so a
/// typo fails here rather than as a 404 from the platform.
public struct MetaAdsConfiguration: Sendable, Hashable {
    /// The Graph API host Meta's SDK uses (`FacebookSession.GRAPH`).
    public static let graphAPIURL: URL = URL(string: "https://graph.facebook.com") ?? URL(fileURLWithPath: "/")
    /// The Graph API version the module is written against.
    public static let defaultAPIVersion = "v26.0"

    /// The scheme and host (and optional path prefix) every request path is appended to.
    public let baseURL: URL
    /// The Graph API version, e.g. `v26.0`, sent as the first path component.
    public let apiVersion: String

    /// The real Graph API at the default version.
    public init() {
        baseURL = Self.graphAPIURL
        apiVersion = Self.defaultAPIVersion
    }

    /// A host and version of your choice; throws `invalidParameter` when the version does not look like `v26.0`.
    public init(baseURL: URL = graphAPIURL, apiVersion: String = defaultAPIVersion) throws(AdPlatformError) {
        guard Self.isValidVersion(apiVersion) else {
            throw AdPlatformError(
                code: .invalidParameter,
                message: "Meta API version '\(apiVersion)' must look like v26.0 (v, digits, a dot, digits)",
                platform: .meta, fieldPath: "configuration.apiVersion")
        }
        self.baseURL = baseURL
        self.apiVersion = apiVersion
    }

    /// Whether a version matches `v\d+\.\d+`, the pattern the official SDK enforces.
    static func isValidVersion(_ version: String) -> Bool {
        guard version.hasPrefix("v") else { return false }
        let parts = version.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
