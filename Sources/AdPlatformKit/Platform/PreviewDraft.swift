/// A creative to preview before it is created.
public struct PreviewDraft: Sendable, Hashable {
    /// The creative's content.
    public var creative: CreativeDefinition
    /// The landing URL the ad would lead to, tracking parameters included.
    public var landingURL: String
    /// The creative's media, already uploaded to this platform, in the creative's order.
    public var media: [UploadedMedia]

    /// Creates a draft.
    public init(creative: CreativeDefinition, landingURL: String, media: [UploadedMedia] = []) {
        self.creative = creative
        self.landingURL = landingURL
        self.media = media
    }
}
