/// Everything the platform calls need to create one ad, and its creative where that is a separate entity.
public struct AdSpec: Sendable, Hashable {
    /// A key unique within the request, e.g. `us-adults/social-hero`.
    public var key: String
    /// The ad name to send, with the idempotency marker applied.
    public var name: String
    /// The marker carried in the ad's name and in its creative's name.
    public var marker: IdempotencyMarker
    /// The status to create with.
    public var status: DeliveryStatus
    /// The creative's content.
    public var creative: CreativeDefinition
    /// The landing URL with tracking parameters for this platform and ad.
    public var landingURL: String
    /// The creative's media, already uploaded to this platform, in the creative's order.
    public var media: [UploadedMedia]
    /// True when a previous attempt may have created part of the ad (its creative) before a crash: the module
    /// then reuses a creative that carries ``marker`` instead of creating a second one.
    public var isRecovery: Bool

    /// Creates a spec.
    public init(
        key: String, name: String, marker: IdempotencyMarker, status: DeliveryStatus, creative: CreativeDefinition,
        landingURL: String, media: [UploadedMedia] = [], isRecovery: Bool = false
    ) {
        self.key = key
        self.name = name
        self.marker = marker
        self.status = status
        self.creative = creative
        self.landingURL = landingURL
        self.media = media
        self.isRecovery = isRecovery
    }
}
