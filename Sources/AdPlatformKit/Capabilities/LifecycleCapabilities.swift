/// What a platform lets us change after launch, per level, as data: the engine refuses an action from this alone,
/// before any call (see ``PlatformCapabilities/lifecycleRefusal(for:at:)``).
public struct LifecycleCapabilities: Sendable, Hashable, Codable {
    /// What one level (campaign, ad group or ad) takes.
    public struct Level: Sendable, Hashable, Codable {
        /// The status changes the level takes.
        public var statusActions: Set<StatusAction>
        /// The budget periods that can be set at this level; empty when the level carries no budget.
        public var budgetPeriods: Set<Budget.Period>
        /// The bid strategies that can be set at this level.
        public var bidStrategies: Set<BidStrategy.Kind>
        /// The targeting fields held at this level.
        public var targetingFields: Set<TargetingField>

        /// Creates a level; everything absent is unsupported.
        public init(
            statusActions: Set<StatusAction> = [], budgetPeriods: Set<Budget.Period> = [],
            bidStrategies: Set<BidStrategy.Kind> = [], targetingFields: Set<TargetingField> = []
        ) {
            self.statusActions = statusActions
            self.budgetPeriods = budgetPeriods
            self.bidStrategies = bidStrategies
            self.targetingFields = targetingFields
        }

        /// A level that takes nothing.
        public static let none = Level()
    }

    /// The campaign level.
    public var campaign: Level
    /// The ad group (ad set, ad squad) level.
    public var adGroup: Level
    /// The ad level.
    public var ad: Level
    /// What "archive" means on the platform.
    public var archive: ArchiveMapping
    /// The youngest and oldest ages the platform targets; the oldest means "and over" (Meta 65, Snapchat 50).
    /// `nil` when the platform sets no limits we know of.
    public var ageLimits: AgeRange?
    /// The countries the module can target (ISO-3166 alpha-2), where it needs a table of platform location ids;
    /// `nil` when any code is accepted.
    public var countries: Set<String>?
    /// Why a capability is missing or what it maps to, for refusals and the capability table: by capability name
    /// (`bid.targetROAS`), or by level and capability (`campaign.bid.costCap`) where it differs per level.
    public var notes: [String: String]

    /// Creates lifecycle capabilities.
    public init(
        campaign: Level, adGroup: Level, ad: Level, archive: ArchiveMapping, ageLimits: AgeRange? = nil,
        countries: Set<String>? = nil, notes: [String: String] = [:]
    ) {
        self.campaign = campaign
        self.adGroup = adGroup
        self.ad = ad
        self.archive = archive
        self.ageLimits = ageLimits
        self.countries = countries
        self.notes = notes
    }

    /// What every platform module offered before lifecycle capabilities were declared: activate, pause, resume and
    /// remove at every level, and budgets of the supported periods where ``BudgetRules/placement`` puts them. No
    /// bids, targeting or archive. Used when a platform declares nothing.
    public static func basic(budget: BudgetRules) -> LifecycleCapabilities {
        let statuses: Set<StatusAction> = [.activate, .pause, .resume, .remove]
        let periods: Set<Budget.Period> = budget.supportsLifetime ? [.daily, .lifetime] : [.daily]
        return LifecycleCapabilities(
            campaign: Level(statusActions: statuses, budgetPeriods: budget.placement == .campaign ? periods : []),
            adGroup: Level(statusActions: statuses, budgetPeriods: budget.placement == .adGroup ? periods : []),
            ad: Level(statusActions: statuses),
            archive: .unsupported("the platform declared no archive state"))
    }

    /// The note for a capability at a level: the level's own (`adGroup.targeting.countries`), else the general one.
    public func note(for capability: String, at level: EntityKind) -> String? {
        notes["\(level.rawValue).\(capability)"] ?? notes[capability]
    }

    /// The level for an entity kind; `nil` for kinds that take no lifecycle action (media, creatives, budgets).
    public func level(_ kind: EntityKind) -> Level? {
        switch kind {
        case .campaign: campaign
        case .adGroup: adGroup
        case .ad: ad
        default: nil
        }
    }
}
