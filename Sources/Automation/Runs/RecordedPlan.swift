import Foundation
import Trafficking

/// A rule's plan once its executions are on record: the lifecycle action requests, each with the id it is to be
/// requested under, and the id of each recorded execution, in the plan's order.
public struct RecordedPlan: Sendable {
    /// The plan.
    public var plan: RulePlan
    /// The plan's requests with their planned ids.
    public var requests: [ActionRequest]
    /// The history line of each of the plan's executions.
    public var recordIDs: [UUID]

    /// Creates a recorded plan.
    public init(plan: RulePlan, requests: [ActionRequest], recordIDs: [UUID]) {
        self.plan = plan
        self.requests = requests
        self.recordIDs = recordIDs
    }
}
