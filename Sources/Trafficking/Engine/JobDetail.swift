import AdPlatformKit

/// A job with its ledger and execution log: what the API and `adops jobs show` print.
public struct JobDetail: Sendable, Hashable, Codable {
    /// The job.
    public var job: CampaignJob
    /// Its steps, in order, with the entities each created.
    public var steps: [LedgerStep]
    /// Its execution log.
    public var log: [ExecutionLogEntry]

    /// Creates a detail value.
    public init(job: CampaignJob, steps: [LedgerStep], log: [ExecutionLogEntry]) {
        self.job = job
        self.steps = steps
        self.log = log
    }

    /// The ids of everything the job created, by kind (`campaign`, `adGroup`, `creative`, `ad`, `budget`).
    public var externalIDs: [String: [String]] {
        var result: [String: [String]] = [:]
        for step in steps where step.state == .done {
            for entity in step.entities { result[entity.kind.rawValue, default: []].append(entity.id) }
        }
        return result
    }
}
