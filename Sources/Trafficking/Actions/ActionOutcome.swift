/// How an action ended, for ``ActionStore/finishAction(_:owner:outcome:records:)``.
public enum ActionOutcome: Sendable, Hashable {
    /// Every entity has the new value.
    case done
    /// A permanent error (or retries that kept running out) stopped it; the steps done stay done.
    case failed(JobError)

    /// The status it ends in.
    public var status: ActionStatus {
        switch self {
        case .done: .done
        case .failed: .failed
        }
    }
}
