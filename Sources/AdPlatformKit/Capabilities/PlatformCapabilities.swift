/// What a platform can do and what it limits, as data. Validation, the CLI's capability table and the engine
/// read it; nothing here calls the network.
public struct PlatformCapabilities: Sendable, Hashable, Codable {
    /// The platform.
    public var platform: PlatformID
    /// The name people know it by, e.g. `Meta`.
    public var displayName: String
    /// The entities created, in order.
    public var hierarchy: EntityHierarchy
    /// Text limits per field.
    public var textLimits: [TextLimit]
    /// How many headlines an ad takes.
    public var headlines: CountLimit
    /// How many descriptions an ad takes.
    public var descriptions: CountLimit
    /// Which media the ad format shows.
    public var media: MediaSupport
    /// Generic objective → platform value; an objective the platform lacks is absent.
    public var objectives: [Objective: String]
    /// Generic call to action → platform value; an absent one is unsupported.
    public var callToActions: [CallToAction: String]
    /// Whether the ad format has a call-to-action button at all (Google search ads do not; the field is then
    /// ignored).
    public var usesCallToAction: Bool
    /// Budget unit, placement and minimums.
    public var budget: BudgetRules
    /// What can be changed after launch, per level: status, budget, bid and targeting.
    public var lifecycle: LifecycleCapabilities
    /// How delivery is reported: the metric field map, attribution and restatement windows.
    public var reporting: ReportingCapabilities
    /// Which previews the platform renders itself, through its preview API; none means rendered locally.
    public var previews: PreviewCapabilities

    /// Creates capabilities. Without `lifecycle`, the platform gets ``LifecycleCapabilities/basic(budget:)``:
    /// status changes and budgets where they sit, nothing else.
    public init(
        platform: PlatformID, displayName: String, hierarchy: EntityHierarchy, textLimits: [TextLimit],
        headlines: CountLimit, descriptions: CountLimit, media: MediaSupport, objectives: [Objective: String],
        callToActions: [CallToAction: String], usesCallToAction: Bool = true, budget: BudgetRules,
        lifecycle: LifecycleCapabilities? = nil, reporting: ReportingCapabilities = .unspecified,
        previews: PreviewCapabilities = .renderedLocally("the platform declares no preview API")
    ) {
        self.platform = platform
        self.displayName = displayName
        self.hierarchy = hierarchy
        self.textLimits = textLimits
        self.headlines = headlines
        self.descriptions = descriptions
        self.media = media
        self.objectives = objectives
        self.callToActions = callToActions
        self.usesCallToAction = usesCallToAction
        self.budget = budget
        self.lifecycle = lifecycle ?? .basic(budget: budget)
        self.reporting = reporting
        self.previews = previews
    }

    /// The limits for one field (there may be a hard and a recommended one).
    public func limits(for field: TextField) -> [TextLimit] { textLimits.filter { $0.field == field } }
}
