import Foundation
import Trafficking

/// The body of `POST /api/v1/sync`: `{}` for an incremental sync of every ACTIVE account,
/// `{"ad_account_id": …, "kind": "full"}` for one account, `{"kind": "entity", "campaign_id": …}` for one campaign.
/// A field is left out to take its default; `null` is a 400, as the OpenAPI document allows no nulls here.
struct SyncBody: Decodable, Sendable {
    /// Our ad account; every ACTIVE account when absent (the campaign's, for `entity`).
    var adAccountID: UUID?
    /// `incremental`, `full` or `entity`, as given; ``SyncRoutes`` checks it and supplies the default.
    var kind: String?
    /// Our campaign, for `entity`.
    var campaignID: UUID?

    private enum CodingKeys: String, CodingKey {
        case adAccountID = "ad_account_id"
        case kind
        case campaignID = "campaign_id"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        adAccountID = try Self.value(UUID.self, container, .adAccountID)
        kind = try Self.value(String.self, container, .kind)
        campaignID = try Self.value(UUID.self, container, .campaignID)
    }

    /// The value under `key`, `nil` when the key is absent; a `null` fails as a value of the wrong type would.
    private static func value<T: Decodable>(
        _ type: T.Type, _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws -> T? {
        guard container.contains(key) else { return nil }
        return try container.decode(T.self, forKey: key)
    }
}
