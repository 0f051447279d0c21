/// Builds and takes apart Google Ads resource names such as `customers/1234567890/campaigns/22`.
public enum GoogleResourceName {
    /// `customers/{cid}/{collection}/{id}`.
    public static func make(customerID: String, collection: String, id: String) -> String {
        "customers/\(customerID)/\(collection)/\(id)"
    }

    /// The last path component: `22` for a campaign, `33~44` for an ad group ad.
    public static func lastComponent(of resourceName: String) -> String? {
        guard let last = resourceName.split(separator: "/").last, !last.isEmpty else { return nil }
        return String(last)
    }

    /// The entity id in a resource name; for composite ids (`{adGroupId}~{adId}`) the last part, the ad's id.
    public static func id(of resourceName: String) -> String? {
        guard let last = lastComponent(of: resourceName) else { return nil }
        return last.split(separator: "~").last.map(String.init)
    }

    /// The ad group id of an ad group ad resource name (`…/adGroupAds/{adGroupId}~{adId}`).
    public static func adGroupID(ofAdGroupAd resourceName: String) -> String? {
        guard let last = lastComponent(of: resourceName) else { return nil }
        let parts = last.split(separator: "~")
        return parts.count == 2 ? String(parts[0]) : nil
    }

    /// Whether a text is a non-empty run of ASCII digits, as Google ids are; ids are spliced into queries, so
    /// nothing else may pass.
    public static func isNumericID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
