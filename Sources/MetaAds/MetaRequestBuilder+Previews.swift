import AdPlatformKit

extension MetaRequestBuilder {
    /// `GET /{v}/act_{id}/generatepreviews?creative={"object_story_spec":…}&ad_format=…`: a preview of a creative
    /// that is not yet created, its spec inline as creating it would send it.
    public func generatePreview(
        _ draft: PreviewDraft, format: PreviewFormat, in context: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "previews"
        let account = try MetaAccount(context, operation: operation)
        let storySpec = try objectStorySpec(
            draft.creative, landingURL: draft.landingURL, media: draft.media, account: account, operation: operation)
        let creative: JSONValue = ["object_story_spec": storySpec]
        return try request(
            .get, path: [account.nodeID, "generatepreviews"],
            query: [("creative", Self.formText(creative)), ("ad_format", format.value)], account: account,
            operation: operation)
    }

    /// `GET /{v}/{id}/previews?ad_format=…`: a preview of an existing ad or creative.
    public func preview(
        ofEntity id: String, format: PreviewFormat, in context: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "previews"
        let account = try MetaAccount(context, operation: operation)
        return try request(
            .get, path: [id, "previews"], query: [("ad_format", format.value)], account: account, operation: operation)
    }
}
