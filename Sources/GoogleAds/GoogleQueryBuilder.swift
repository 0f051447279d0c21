import AdPlatformKit
import Foundation

/// Builds the Google Ads Query Language (GAQL) text of every search this module sends.
///
/// Values from outside (ids, names, dates) are checked or escaped before they are spliced in: ids must be digits,
/// dates must be `YYYY-MM-DD`, and strings are quoted with `\` escapes.
public enum GoogleQueryBuilder {
    /// The marker in the name the custom parameter of an ad carries, since responsive search ads have no name.
    public static let markerParameterKey = "aomarker"

    /// Metrics for the query's level and days: `SELECT campaign.id, metrics.… FROM campaign WHERE segments.date
    /// BETWEEN '…' AND '…' AND campaign.id IN (…)`. For totals `segments.date` is filtered, not selected, so Google
    /// sums the days into one row per entity; a daily query selects it, for a row per entity and day.
    public static func metricsQuery(_ query: MetricsQuery) throws(AdPlatformError) -> String {
        let operation = "fetchMetrics"
        guard query.level == .campaign || query.level == .adGroup || query.level == .ad,
            let resource = GoogleEntityResource.forKind(query.level)
        else {
            throw .google(
                .unsupported, "Google metrics are fetched per campaign, adGroup or ad, not \(query.level)",
                operation: operation, fieldPath: "level")
        }
        let since = try date(query.since, fieldPath: "since", operation: operation)
        let until = try date(query.until, fieldPath: "until", operation: operation)
        var conditions = ["segments.date BETWEEN '\(since)' AND '\(until)'"]
        if !query.entityIDs.isEmpty {
            let ids = try numericIDs(query.entityIDs, fieldPath: "entityIDs", operation: operation)
            conditions.append("\(resource.idField) IN (\(ids.joined(separator: ", ")))")
        }
        let fields =
            [resource.idField] + (query.granularity == .daily ? ["segments.date"] : []) + [
                "metrics.impressions", "metrics.clicks", "metrics.cost_micros", "metrics.conversions",
                "metrics.conversions_value",
            ]
        return "SELECT \(fields.joined(separator: ", ")) FROM \(resource.queryResource) WHERE "
            + conditions.joined(separator: " AND ")
    }

    /// The search that finds an entity by the marker in its name. Ads have no name: their search lists the ads
    /// of the parent ad group (or the account), and the caller matches the marker custom parameter.
    public static func lookupQuery(
        marker: IdempotencyMarker, kind: EntityKind, parent: PlatformEntity?
    ) throws(AdPlatformError) -> String {
        let resource = try self.resource(for: kind, operation: "findEntity")
        var conditions: [String] = []
        if let nameField = resource.nameField {
            conditions.append("\(nameField) LIKE \(literal("%" + likeEscaped(marker.value) + "%"))")
        }
        if let parent {
            switch (kind, parent.kind) {
            case (.adGroup, .campaign):
                let campaign = parent.attributes["resourceName"]
                if let campaign {
                    conditions.append("ad_group.campaign = \(literal(campaign))")
                } else {
                    conditions.append("campaign.id = \(try numericID(parent.id, fieldPath: "parent.id"))")
                }
            case (.ad, .adGroup):
                conditions.append("ad_group.id = \(try numericID(parent.id, fieldPath: "parent.id"))")
            default:
                break
            }
        }
        return select(resource, where: conditions)
    }

    /// Reads one entity by id: `… WHERE campaign.id = 22`.
    public static func readQuery(kind: EntityKind, id: String) throws(AdPlatformError) -> String {
        let resource = try self.resource(for: kind, operation: "readEntity")
        let id = try numericID(id, fieldPath: "id", operation: "readEntity")
        return select(resource, where: ["\(resource.idField) = \(id)"])
    }

    /// Lists the entities of a kind that are not removed, in id order so pages are stable. Media lists image
    /// assets only, the kind this module uploads.
    public static func listQuery(kind: EntityKind) throws(AdPlatformError) -> String {
        let resource = try self.resource(for: kind, operation: "listEntities")
        let condition =
            resource.statusField.map { "\($0) != 'REMOVED'" } ?? "\(resource.queryResource).type = 'IMAGE'"
        return select(resource, where: [condition]) + " ORDER BY \(resource.idField)"
    }

    /// The budget resource name of a campaign, for budget changes when the entity does not carry it.
    public static func campaignBudgetQuery(campaignID: String) throws(AdPlatformError) -> String {
        let id = try numericID(campaignID, fieldPath: "entity.id", operation: "setBudget")
        return "SELECT campaign.campaign_budget FROM campaign WHERE campaign.id = \(id)"
    }

    /// The countries a campaign already targets, so an ad group adds only the missing ones.
    public static func campaignLocationsQuery(campaignID: String) throws(AdPlatformError) -> String {
        let id = try numericID(campaignID, fieldPath: "campaign.id", operation: "createAdGroup")
        return "SELECT campaign_criterion.location.geo_target_constant FROM campaign_criterion "
            + "WHERE campaign.id = \(id) AND campaign_criterion.type = 'LOCATION'"
    }

    /// A GAQL string literal: single-quoted, with `\` and `'` escaped by a backslash.
    public static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// Escapes the characters GAQL `LIKE` treats as special (`[`, `]`, `%`, `_`) by bracketing them, as the GAQL
    /// grammar page says.
    public static func likeEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "[]%_".contains(character) {
                result += "[\(character)]"
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func select(_ resource: GoogleEntityResource, where conditions: [String]) -> String {
        var query = "SELECT \(resource.selectFields.joined(separator: ", ")) FROM \(resource.queryResource)"
        if !conditions.isEmpty { query += " WHERE " + conditions.joined(separator: " AND ") }
        return query
    }

    private static func resource(
        for kind: EntityKind, operation: String
    ) throws(AdPlatformError)
        -> GoogleEntityResource
    {
        guard let resource = GoogleEntityResource.forKind(kind) else {
            throw .google(
                .unsupported, "Google Ads has no separate \(kind) entity; creatives are inline in ads",
                operation: operation, fieldPath: "kind")
        }
        return resource
    }

    private static func numericID(
        _ id: String, fieldPath: String, operation: String = "findEntity"
    )
        throws(AdPlatformError) -> String
    {
        guard GoogleResourceName.isNumericID(id) else {
            throw .google(
                .invalidParameter, "'\(id)' is not a Google Ads id (digits only)", operation: operation,
                fieldPath: fieldPath)
        }
        return id
    }

    private static func numericIDs(
        _ ids: [String], fieldPath: String, operation: String
    ) throws(AdPlatformError)
        -> [String]
    {
        var result: [String] = []
        for (index, id) in ids.enumerated() {
            result.append(try numericID(id, fieldPath: "\(fieldPath)[\(index)]", operation: operation))
        }
        return result
    }

    private static func date(
        _ text: String, fieldPath: String, operation: String
    ) throws(AdPlatformError)
        -> String
    {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let lengths = parts.map(\.count)
        guard lengths == [4, 2, 2], parts.allSatisfy({ GoogleResourceName.isNumericID(String($0)) }) else {
            throw .google(
                .invalidParameter, "'\(text)' is not a date in YYYY-MM-DD form", operation: operation,
                fieldPath: fieldPath)
        }
        return text
    }
}
