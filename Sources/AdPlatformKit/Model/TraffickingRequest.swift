/// One campaign described once, for any platform: the input to validation and to the engine.
public struct TraffickingRequest: Sendable, Hashable, Codable {
    /// The campaign name.
    public var name: String
    /// What the campaign is for.
    public var objective: Objective
    /// The status entities are created with; `paused` unless asked otherwise, so nothing spends by surprise.
    public var status: DeliveryStatus
    /// The campaign's total budget, daily or lifetime.
    public var budget: Budget
    /// When it runs.
    public var schedule: Schedule
    /// Who sees it; ad groups may override.
    public var targeting: Targeting
    /// Tracking-link settings; `nil` uses defaults derived from the name.
    public var tracking: TrackingSettings?
    /// The ad groups.
    public var adGroups: [AdGroupDefinition]
    /// The creatives.
    public var creatives: [CreativeDefinition]
    /// The ads, each joining a group and a creative.
    public var ads: [AdDefinition]

    /// Creates a request.
    public init(
        name: String, objective: Objective, status: DeliveryStatus = .paused, budget: Budget, schedule: Schedule,
        targeting: Targeting, tracking: TrackingSettings? = nil, adGroups: [AdGroupDefinition],
        creatives: [CreativeDefinition], ads: [AdDefinition]
    ) {
        self.name = name
        self.objective = objective
        self.status = status
        self.budget = budget
        self.schedule = schedule
        self.targeting = targeting
        self.tracking = tracking
        self.adGroups = adGroups
        self.creatives = creatives
        self.ads = ads
    }

    private enum CodingKeys: String, CodingKey {
        case name, objective, status, budget, schedule, targeting, tracking, adGroups, creatives, ads
    }

    /// Decodes a request; `status` defaults to `PAUSED`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        objective = try container.decode(Objective.self, forKey: .objective)
        status = try container.decodeIfPresent(DeliveryStatus.self, forKey: .status) ?? .paused
        budget = try container.decode(Budget.self, forKey: .budget)
        schedule = try container.decode(Schedule.self, forKey: .schedule)
        targeting = try container.decode(Targeting.self, forKey: .targeting)
        tracking = try container.decodeIfPresent(TrackingSettings.self, forKey: .tracking)
        adGroups = try container.decode([AdGroupDefinition].self, forKey: .adGroups)
        creatives = try container.decode([CreativeDefinition].self, forKey: .creatives)
        ads = try container.decode([AdDefinition].self, forKey: .ads)
    }

    /// The creative with a key.
    public func creative(_ key: String) -> CreativeDefinition? { creatives.first { $0.key == key } }
    /// The ad group with a key.
    public func adGroup(_ key: String) -> AdGroupDefinition? { adGroups.first { $0.key == key } }
}
