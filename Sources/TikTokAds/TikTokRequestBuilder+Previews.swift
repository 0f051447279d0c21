import AdPlatformKit

extension TikTokRequestBuilder {
    /// `POST creative/ads_preview/create/` with `preview_type` `ADS_CREATION`: the ad built from a draft, a
    /// `SINGLE_IMAGE` ad with the first uploaded image, as ``createAd(_:adGroupID:in:)`` would create it.
    public func adsCreationPreview(
        _ draft: PreviewDraft, format: PreviewFormat, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "previews"
        let imageIDs = draft.media.filter { $0.kind == .image }.map(\.reference)
        guard !imageIDs.isEmpty else {
            throw AdPlatformError(
                code: .invalidParameter, message: "a TikTok single-image preview needs an uploaded image",
                platform: .tiktok, operation: operation, fieldPath: "media")
        }
        guard let text = draft.creative.primaryText ?? draft.creative.headlines.first else {
            throw AdPlatformError(
                code: .invalidParameter, message: "a TikTok preview needs ad_text (the creative's primary text)",
                platform: .tiktok, operation: operation, fieldPath: "creative.primaryText")
        }
        var body: [String: JSONValue] = [
            "advertiser_id": .string(account.accountID),
            "preview_type": "ADS_CREATION",
            "placement": "PLACEMENT_TIKTOK",
            "preview_format": .string(format.value),
            "ad_format": "SINGLE_IMAGE",
            "ad_text": .string(text),
            "image_ids": .array(imageIDs.map(JSONValue.string)),
            "landing_page_url": .string(draft.landingURL),
        ]
        if let action = draft.creative.callToAction {
            guard let value = capabilities.callToActions[action] else {
                throw AdPlatformError(
                    code: .unsupported, message: "TikTok has no '\(action.rawValue)' call to action",
                    platform: .tiktok, operation: operation, fieldPath: "creative.callToAction")
            }
            body["call_to_action"] = .string(value)
        }
        if let brandName = draft.creative.brandName { body["display_name"] = .string(brandName) }
        if let identity = account.settings[Self.identitySettingKey], !identity.isEmpty {
            body["identity_type"] = "CUSTOMIZED_USER"
            body["identity_id"] = .string(identity)
        }
        return try post("creative/ads_preview/create", body: .object(body), in: account, operation: operation)
    }

    /// `POST creative/ads_preview/create/` with `preview_type` `AD`: an existing ad by `ad_id`.
    public func adPreview(
        adID: String, format: PreviewFormat, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let body: JSONValue = [
            "advertiser_id": .string(account.accountID), "preview_type": "AD", "ad_id": .string(adID),
            "preview_format": .string(format.value),
        ]
        return try post("creative/ads_preview/create", body: body, in: account, operation: "previews")
    }
}
