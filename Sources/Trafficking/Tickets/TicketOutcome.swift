import AdPlatformKit
import Foundation

/// What happened to a ticket's jobs, written back to the ticket once every job is over.
public struct TicketOutcome: Sendable, Hashable, Codable {
    /// One platform's result.
    public struct PlatformResult: Sendable, Hashable, Codable {
        /// The platform.
        public var platform: PlatformID
        /// The ad account's platform id.
        public var accountID: String
        /// The job.
        public var jobID: UUID
        /// How the job ended.
        public var status: JobStatus
        /// The ids created, by kind (`campaign`, `adGroup`, `creative`, `ad`, `budget`).
        public var externalIDs: [String: [String]]
        /// The error, if the job failed or stopped part-way.
        public var error: String?

        /// Creates a result.
        public init(
            platform: PlatformID, accountID: String, jobID: UUID, status: JobStatus,
            externalIDs: [String: [String]], error: String?
        ) {
            self.platform = platform
            self.accountID = accountID
            self.jobID = jobID
            self.status = status
            self.externalIDs = externalIDs
            self.error = error
        }

        /// The platform campaign id, if one was created.
        public var campaignID: String? { externalIDs["campaign"]?.first }
    }

    /// The overall status: SUCCESS when every job succeeded, FAILED when none created anything, else
    /// PARTIAL_SUCCESS.
    public var status: JobStatus
    /// Each platform's result.
    public var results: [PlatformResult]

    /// Creates an outcome, deriving the overall status from the results.
    public init(results: [PlatformResult]) {
        self.results = results
        if results.allSatisfy({ $0.status == .success }) {
            status = .success
        } else if results.allSatisfy({ $0.status == .failed }) {
            status = .failed
        } else {
            status = .partialSuccess
        }
    }
}
