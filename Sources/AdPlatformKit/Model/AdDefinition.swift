/// An ad in a trafficking request: one creative placed in one ad group.
public struct AdDefinition: Sendable, Hashable, Codable {
    /// The ad's name on the platform.
    public var name: String
    /// The ``AdGroupDefinition/key`` of its group.
    public var adGroup: String
    /// The ``CreativeDefinition/key`` of its creative. An ad whose creative is not for a platform is skipped
    /// there.
    public var creative: String

    /// Creates an ad.
    public init(name: String, adGroup: String, creative: String) {
        self.name = name
        self.adGroup = adGroup
        self.creative = creative
    }
}
