/// How tracking links are tagged for a request. See ``TrackingLinkBuilder`` for the taxonomy.
public struct TrackingSettings: Sendable, Hashable, Codable {
    /// The `utm_campaign` value; `nil` derives a slug from the campaign name.
    public var campaign: String?
    /// Extra query parameters added to every landing URL, e.g. `{"promo": "winter"}`.
    public var extraParameters: [String: String]

    /// Creates settings.
    public init(campaign: String? = nil, extraParameters: [String: String] = [:]) {
        self.campaign = campaign
        self.extraParameters = extraParameters
    }

    private enum CodingKeys: String, CodingKey {
        case campaign, extraParameters
    }

    /// Decodes settings; both fields may be omitted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        campaign = try container.decodeIfPresent(String.self, forKey: .campaign)
        extraParameters = try container.decodeIfPresent([String: String].self, forKey: .extraParameters) ?? [:]
    }
}
