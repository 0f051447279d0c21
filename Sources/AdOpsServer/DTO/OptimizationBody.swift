import Foundation
import Trafficking

/// The body of `POST /api/v1/optimizations`: `{}` for a dry run over every account's live campaigns,
/// `{"ad_account_id": …, "mode": "apply"}` to apply on one account's. A field is left out to take its default; `null`
/// is a 400, as the OpenAPI document allows no nulls here.
struct OptimizationBody: Decodable, Sendable {
    /// Our ad account; every account's campaigns when absent.
    var adAccountID: UUID?
    /// `dry_run` or `apply`, as given; ``OptimizationRoutes`` checks it and supplies the default (`dry_run`).
    var mode: String?

    private enum CodingKeys: String, CodingKey {
        case adAccountID = "ad_account_id"
        case mode
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        adAccountID = try container.contains(.adAccountID) ? container.decode(UUID.self, forKey: .adAccountID) : nil
        mode = try container.contains(.mode) ? container.decode(String.self, forKey: .mode) : nil
    }
}
