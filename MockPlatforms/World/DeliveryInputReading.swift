/// What a platform's stored entities mean for synthetic delivery: each emulator reads its own fields (Meta's
/// `targeting`, TikTok's `location_ids`, Google's criteria), so the world's delivery model stays platform-neutral.
///
/// The world asks only for targeting and shared budgets. Budgets, schedules and statuses already arrive in
/// ``MockEntity``'s own properties.
public protocol DeliveryInputReading: Sendable {
    /// The platform whose entities it reads.
    var platform: String { get }

    /// The top-level fields of an entity of `kind` that hold its targeting. When an update changes one, the world
    /// keeps the targeting it replaced, so delivery before the change keeps the old audience.
    func targetingFields(ofKind kind: String) -> [String]

    /// Kinds of children that carry their parent's targeting, as Google's campaign and ad group criteria do.
    var criterionKinds: Set<String> { get }

    /// The targeting an entity sets through its fields and through `criteria`, its children of
    /// ``criterionKinds`` in force at the time; `nil` when it sets none.
    func targeting(of entity: MockEntity, criteria: [MockEntity]) -> DeliveryTargeting?

    /// The budget entity an entity spends from when the platform keeps budgets as entities of their own (a
    /// Google campaign's `campaignBudget`); `nil` when the entity carries its budget itself.
    func sharedBudget(of entity: MockEntity) -> SharedBudgetLink?
}

extension DeliveryInputReading {
    /// None: targeting lives in the entity's own fields.
    public var criterionKinds: Set<String> { [] }

    /// None: budgets live on campaigns and ad groups.
    public func sharedBudget(of entity: MockEntity) -> SharedBudgetLink? { nil }
}
