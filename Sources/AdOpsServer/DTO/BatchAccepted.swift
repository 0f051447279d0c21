import Foundation

/// The 202 answer to `POST /api/v1/campaigns`: the batch and one job per ad account, in the order given.
struct BatchAccepted: Encodable, Sendable {
    /// The id every job of the submission shares.
    var batchID: UUID
    /// The jobs.
    var jobs: [SubmissionAccepted]

    private enum CodingKeys: String, CodingKey {
        case batchID = "batch_id"
        case jobs
    }
}
