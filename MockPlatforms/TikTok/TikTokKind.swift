/// The three manual-structure levels TikTok's `/get/`, `/status/update/` and report endpoints share, with the
/// names each uses for its ids and fields.
enum TikTokKind: String {
    /// A campaign.
    case campaign
    /// An ad group.
    case adgroup
    /// An ad.
    case ad

    /// The world entity kind.
    var entityKind: String { rawValue }
    /// The id field, e.g. `campaign_id`.
    var idField: String { rawValue + "_id" }
    /// The id-list field in filters and status updates, e.g. `campaign_ids`.
    var idsField: String { rawValue + "_ids" }
    /// The name field, e.g. `adgroup_name`.
    var nameField: String { rawValue + "_name" }
    /// How messages name it.
    var label: String {
        switch self {
        case .campaign: "Campaign"
        case .adgroup: "Ad group"
        case .ad: "Ad"
        }
    }
    /// The prefix of its secondary statuses, e.g. `ADGROUP_STATUS_`.
    var statusPrefix: String {
        switch self {
        case .campaign: "CAMPAIGN_STATUS_"
        case .adgroup: "ADGROUP_STATUS_"
        case .ad: "AD_STATUS_"
        }
    }
    /// How many ids one `/status/update/` call takes (campaigns 1–20 per the SDK docs).
    var statusUpdateLimit: Int { self == .campaign ? 20 : 100 }
}
