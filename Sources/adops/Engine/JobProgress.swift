import Foundation
import Synchronization
import Trafficking

/// Prints one line each time a job's status changes: elapsed time, platform and ticket, and the new status.
final class JobProgress: Sendable {
    private let names: [UUID: String]
    private let started: ContinuousClock.Instant
    private let seen = Mutex<[UUID: JobStatus]>([:])

    init(names: [UUID: String], started: ContinuousClock.Instant) {
        self.names = names
        self.started = started
    }

    /// Prints the jobs whose status differs from the last report.
    func report(_ jobs: [CampaignJob]) {
        let changed = seen.withLock { seen in
            jobs.filter { job in
                defer { seen[job.id] = job.status }
                return seen[job.id] != job.status
            }
        }
        for job in changed {
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            var line = String(format: "   [%6.2fs] ", seconds) + (names[job.id] ?? job.id.uuidString)
            line += "  " + job.status.rawValue
            if let campaign = job.platformCampaignID, job.status.isTerminal { line += "  campaign \(campaign)" }
            if let error = job.error, job.status.isTerminal { line += "  — \(error.message)" }
            print(line)
        }
    }
}
