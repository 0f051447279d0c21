import AdPlatformKit

extension TikTokRequestBuilder {
    /// The ``AccountContext/settings`` key of the custom identity ads are published under; when set, creatives
    /// carry `identity_type` `CUSTOMIZED_USER` and this `identity_id`.
    public static let identitySettingKey = "identity_id"

    /// `POST ad/create/` with one inline `SINGLE_IMAGE` creative built from the spec and its uploaded images.
    public func createAd(
        _ spec: AdSpec, adGroupID: String, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "createAd"
        let imageIDs = spec.media.filter { $0.kind == .image }.map(\.reference)
        guard !imageIDs.isEmpty else {
            throw AdPlatformError(
                code: .invalidParameter, message: "a TikTok single-image ad needs an uploaded image",
                platform: .tiktok, operation: operation, fieldPath: "media")
        }
        // TikTok has no headline field; the first headline stands in only when there is no primary text.
        guard let text = spec.creative.primaryText ?? spec.creative.headlines.first else {
            throw AdPlatformError(
                code: .invalidParameter, message: "a TikTok ad needs ad_text (the creative's primary text)",
                platform: .tiktok, operation: operation, fieldPath: "creative.primaryText")
        }
        var creative: [String: JSONValue] = [
            "ad_name": .string(spec.name),
            "ad_format": "SINGLE_IMAGE",
            "ad_text": .string(text),
            "image_ids": .array(imageIDs.map(JSONValue.string)),
            "landing_page_url": .string(spec.landingURL),
            "operation_status": .string(
                try TikTokOperationStatus.creationValue(for: spec.status, operation: operation)),
        ]
        if let action = spec.creative.callToAction {
            guard let value = capabilities.callToActions[action] else {
                throw AdPlatformError(
                    code: .unsupported, message: "TikTok has no '\(action.rawValue)' call to action",
                    platform: .tiktok, operation: operation, fieldPath: "creative.callToAction")
            }
            creative["call_to_action"] = .string(value)
        }
        if let brandName = spec.creative.brandName {
            creative["display_name"] = .string(brandName)
        }
        if let identity = account.settings[Self.identitySettingKey], !identity.isEmpty {
            creative["identity_type"] = "CUSTOMIZED_USER"
            creative["identity_id"] = .string(identity)
        }
        let body: JSONValue = [
            "advertiser_id": .string(account.accountID),
            "adgroup_id": .string(adGroupID),
            "creatives": [.object(creative)],
        ]
        return try post("ad/create", body: body, in: account, operation: operation)
    }
}
