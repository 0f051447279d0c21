/// The kind names the Meta emulator stores entities under in the world (`MockEntity.kind`).
enum MetaKind {
    /// A campaign.
    static let campaign = "campaign"
    /// An ad set (the ad group).
    static let adSet = "adset"
    /// An ad.
    static let ad = "ad"
    /// An ad creative.
    static let creative = "adcreative"
    /// An uploaded ad image; its id is `<account digits>:<hash>`.
    static let image = "adimage"
    /// An async insights report run.
    static let reportRun = "adreportrun"
    /// An automated rule of the ad-rules library, with its history.
    static let adRule = "adrule"

    /// The kind an account edge lists or creates: `campaigns` → `campaign`.
    static func forEdge(_ edge: String) -> String? {
        switch edge {
        case "campaigns": campaign
        case "adsets": adSet
        case "ads": ad
        case "adcreatives": creative
        case "adimages": image
        default: nil
        }
    }
}
