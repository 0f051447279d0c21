import AdPlatformKit
import Foundation

/// The body of `POST /api/v1/ads/{platform}`: one ad account and the request, in the ticket schema.
struct SubmissionBody: Decodable, Sendable {
    /// Our id of the ad account.
    var adAccountID: UUID
    /// The request.
    var request: TraffickingRequest

    private enum CodingKeys: String, CodingKey {
        case adAccountID = "ad_account_id"
        case request
    }
}
