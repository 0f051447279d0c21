import AdPlatformKit

/// Why a job's walk stopped before its end.
enum StepFailure: Error, Sendable {
    /// A permanent platform error, or a job that cannot run (deleted account, missing module).
    case permanent(JobError)
    /// A step's retries ran out on transient errors; the job may be claimed again later.
    case exhausted(JobError)
}
