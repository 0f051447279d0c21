import AdPlatformKit

/// Where one kind of entity lives on the Graph API: its edge under the ad account, the fields read back and the
/// field that names its parent.
struct MetaEdge: Sendable {
    /// The generic kind.
    let kind: EntityKind
    /// The edge under `act_<id>`, e.g. `adsets`.
    let name: String
    /// The fields requested when reading or listing.
    let fields: [String]
    /// The field holding the parent's id; `nil` for entities that sit directly under the ad account.
    let parentField: String?

    /// The `fields` query value.
    var fieldList: String { fields.joined(separator: ",") }

    /// The edge for a kind; throws `unsupported` for kinds Meta does not have (a separate budget).
    static func of(_ kind: EntityKind, operation: String) throws(AdPlatformError) -> MetaEdge {
        switch kind {
        case .campaign:
            return MetaEdge(
                kind: kind, name: "campaigns",
                fields: ["id", "name", "status", "objective", "daily_budget", "lifetime_budget"], parentField: nil)
        case .adGroup:
            return MetaEdge(
                kind: kind, name: "adsets",
                fields: ["id", "name", "status", "campaign_id", "daily_budget", "lifetime_budget"],
                parentField: "campaign_id")
        case .ad:
            return MetaEdge(
                kind: kind, name: "ads", fields: ["id", "name", "status", "adset_id", "creative"],
                parentField: "adset_id")
        case .creative:
            return MetaEdge(kind: kind, name: "adcreatives", fields: ["id", "name", "status"], parentField: nil)
        case .media:
            return MetaEdge(
                kind: kind, name: "adimages", fields: ["id", "hash", "name", "url", "status"], parentField: nil)
        default:
            throw AdPlatformError(
                code: .unsupported, message: "Meta has no entity of kind '\(kind)'", platform: .meta,
                operation: operation)
        }
    }
}
