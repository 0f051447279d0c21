import Foundation

/// Adds UTM parameters, and on demand a click id, to landing URLs.
///
/// The taxonomy, also in `docs/tracking-links.md`:
/// - `utm_source`: the platform id (`meta`, `tiktok`, `snapchat`, `google`);
/// - `utm_medium`: `cpc` for search platforms (Google), `paid_social` for the others;
/// - `utm_campaign`: the request's `tracking.campaign`, or a slug of the campaign name;
/// - `utm_content`: a slug of the ad group key and the creative key, `us_adults__social_hero`.
///
/// Parameters already in the landing URL are kept and never overwritten, so a hand-set `utm_campaign` wins.
/// Click ids (`fbclid`, `ttclid`, `ScCid`, `gclid`) are added by the platforms on a real click; ``link(_:for:)``
/// adds one only when asked, to simulate a click offline.
public struct TrackingLinkBuilder: Sendable {
    /// `utm_medium` per platform; platforms not listed use `paid_social`.
    public var mediums: [PlatformID: String]

    /// Creates a builder with the default mediums.
    public init(mediums: [PlatformID: String] = [.google: "cpc"]) {
        self.mediums = mediums
    }

    /// The parameters that identify one ad's traffic.
    public struct Tags: Sendable, Hashable {
        /// `utm_campaign`.
        public var campaign: String
        /// `utm_content`.
        public var content: String
        /// Extra parameters from the request's tracking settings.
        public var extra: [String: String]

        /// Creates tags.
        public init(campaign: String, content: String, extra: [String: String] = [:]) {
            self.campaign = campaign
            self.content = content
            self.extra = extra
        }
    }

    /// The click-id parameter a platform appends on a click.
    public static func clickIDParameter(for platform: PlatformID) -> String? {
        switch platform {
        case .meta: "fbclid"
        case .tiktok: "ttclid"
        case .snapchat: "ScCid"
        case .google: "gclid"
        default: nil
        }
    }

    /// Lower-case letters, digits and single underscores: `Disney+ Signup — Winter` → `disney_signup_winter`.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingSeparator = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingSeparator, !result.isEmpty { result.append("_") }
                pendingSeparator = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        return result
    }

    /// The landing URL tagged for a platform, with a click id when `clickID` is given.
    public func link(_ landingURL: String, for platform: PlatformID, tags: Tags, clickID: String? = nil) -> String {
        var parameters: [(String, String)] = [
            ("utm_source", platform.rawValue),
            ("utm_medium", mediums[platform] ?? "paid_social"),
            ("utm_campaign", tags.campaign),
            ("utm_content", tags.content),
        ]
        parameters += tags.extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if let clickID, let name = TrackingLinkBuilder.clickIDParameter(for: platform) {
            parameters.append((name, clickID))
        }
        return Self.appending(parameters, to: landingURL)
    }

    /// Appends parameters the URL does not already have, before any `#fragment`.
    static func appending(_ parameters: [(String, String)], to url: String) -> String {
        let fragmentStart = url.firstIndex(of: "#") ?? url.endIndex
        let base = String(url[..<fragmentStart])
        let fragment = String(url[fragmentStart...])
        let existingQuery = base.firstIndex(of: "?").map { String(base[base.index(after: $0)...]) } ?? ""
        let existing = Set(FormURLEncoding.decode(existingQuery).map(\.name))
        let added = parameters.filter { !existing.contains($0.0) }
        guard !added.isEmpty else { return url }
        let separator = base.contains("?") ? (base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&") : "?"
        return base + separator + FormURLEncoding.encode(added) + fragment
    }
}
