import AdPlatformKit
import Foundation
import Trafficking

/// Watches a set of jobs and prints one line each time one changes status, e.g. `meta      PROCESSING` or
/// `meta      SUCCESS  campaign 120000000000001`.
///
/// It reads the store rather than listening to the worker, so it reports the jobs whichever worker runs them: the
/// command's own, or an `adops serve` or `adops worker` sharing the database.
actor JobProgressPrinter {
    private let store: any TraffickingStore
    private let jobIDs: [UUID]
    private let write: @Sendable (String) -> Void
    private var printed: [UUID: JobStatus]
    private var latest: [UUID: CampaignJob] = [:]

    /// Watches `jobs`, whose current status counts as already printed; lines go to `write`.
    init(store: any TraffickingStore, jobs: [CampaignJob], write: @escaping @Sendable (String) -> Void) {
        self.store = store
        jobIDs = jobs.map(\.id)
        printed = Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, $0.status) })
        latest = Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, $0) })
        self.write = write
    }

    /// Reads every job, prints the ones whose status changed, and answers whether all of them are over.
    func poll() async throws -> Bool {
        for id in jobIDs {
            guard let job = try await store.job(id) else { continue }
            latest[id] = job
            guard printed[id] != job.status else { continue }
            printed[id] = job.status
            write(Self.line(for: job))
        }
        return jobIDs.allSatisfy { latest[$0]?.status.isTerminal == true }
    }

    /// The jobs as last read, in the order given.
    var jobs: [CampaignJob] { jobIDs.compactMap { latest[$0] } }

    /// `platform  STATUS  detail`, the platform padded so statuses line up.
    static func line(for job: CampaignJob) -> String {
        var line = job.platform.rawValue.padding(
            toLength: max(9, job.platform.rawValue.count), withPad: " ", startingAt: 0)
        line += " " + job.status.rawValue
        switch job.status {
        case .success:
            if let campaign = job.platformCampaignID { line += "  campaign \(campaign)" }
        case .failed, .partialSuccess:
            if let campaign = job.platformCampaignID { line += "  campaign \(campaign)" }
            if let error = job.error { line += "  \(error)" }
        case .pending:
            // Back in the queue after a step ran out of retries: say why, and that it will be claimed again.
            if let error = job.error { line += "  will retry: \(error)" }
        case .processing:
            break
        }
        return line
    }
}
