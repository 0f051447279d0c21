/// Everything one platform call needs to create an ad group (ad set, ad squad).
public struct AdGroupSpec: Sendable, Hashable {
    /// The group's key in the request.
    public var key: String
    /// The name to send, with the idempotency marker applied.
    public var name: String
    /// The marker carried in the name.
    public var marker: IdempotencyMarker
    /// The campaign's objective, for platforms whose optimisation goal depends on it.
    public var objective: Objective
    /// The status to create with.
    public var status: DeliveryStatus
    /// The group's share of the budget, when the platform budgets ad groups; otherwise `nil`.
    public var budget: Budget?
    /// A maximum bid, when given.
    public var bid: Money?
    /// When it runs.
    public var schedule: Schedule
    /// Who sees it.
    public var targeting: Targeting

    /// Creates a spec.
    public init(
        key: String, name: String, marker: IdempotencyMarker, objective: Objective, status: DeliveryStatus,
        budget: Budget?, bid: Money? = nil, schedule: Schedule, targeting: Targeting
    ) {
        self.key = key
        self.name = name
        self.marker = marker
        self.objective = objective
        self.status = status
        self.budget = budget
        self.bid = bid
        self.schedule = schedule
        self.targeting = targeting
    }
}
