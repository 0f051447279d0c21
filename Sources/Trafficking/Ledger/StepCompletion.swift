import AdPlatformKit

/// A step whose call succeeded, with what it created, for
/// ``TraffickingStore/advance(job:completing:starting:calls:at:)``.
public struct StepCompletion: Sendable, Hashable {
    /// The step key.
    public var key: String
    /// The entities it created.
    public var entities: [PlatformEntity]
    /// The uploaded media, for media steps.
    public var media: UploadedMedia?

    /// Creates a completion.
    public init(key: String, entities: [PlatformEntity] = [], media: UploadedMedia? = nil) {
        self.key = key
        self.entities = entities
        self.media = media
    }
}
