/// Everything one platform call needs to create a campaign, already resolved from a request.
public struct CampaignSpec: Sendable, Hashable {
    /// The name to send, with the idempotency marker applied.
    public var name: String
    /// The marker carried in the name.
    public var marker: IdempotencyMarker
    /// The generic objective; the module maps it.
    public var objective: Objective
    /// The status to create with.
    public var status: DeliveryStatus
    /// The budget, when the platform budgets campaigns; `nil` when budgets sit on ad groups.
    public var budget: Budget?
    /// When it runs.
    public var schedule: Schedule
    /// The request's targeting, for platforms that target at campaign level (Google's locations).
    public var targeting: Targeting

    /// Creates a spec.
    public init(
        name: String, marker: IdempotencyMarker, objective: Objective, status: DeliveryStatus, budget: Budget?,
        schedule: Schedule, targeting: Targeting = Targeting(countries: [])
    ) {
        self.name = name
        self.marker = marker
        self.objective = objective
        self.status = status
        self.budget = budget
        self.schedule = schedule
        self.targeting = targeting
    }
}
