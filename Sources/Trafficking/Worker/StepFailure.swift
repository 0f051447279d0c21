import AdPlatformKit

/// Why a job's walk stopped before its end.
enum StepFailure: Error, Sendable {
    /// A permanent platform error, or a job that cannot run (deleted account, missing module).
    case permanent(JobError)
    /// A step's retries ran out on transient errors; the job may be claimed again later.
    case exhausted(JobError)
    /// The account is REQUIRES_REAUTH: the work goes back to the queue, where it is not claimed until the account's
    /// credentials are updated (see ``SQLiteTraffickingStore/duePendingSQL``).
    case awaitingReauthorisation(JobError)
}
