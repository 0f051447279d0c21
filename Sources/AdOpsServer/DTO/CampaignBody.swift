import AdPlatformKit
import Foundation

/// The body of `POST /api/v1/campaigns`: several ad accounts, on any platforms, and one request for all of them.
struct CampaignBody: Decodable, Sendable {
    /// Our ids of the ad accounts; one job is made per account.
    var adAccountIDs: [UUID]
    /// The request.
    var request: TraffickingRequest

    private enum CodingKeys: String, CodingKey {
        case adAccountIDs = "ad_account_ids"
        case request
    }
}
