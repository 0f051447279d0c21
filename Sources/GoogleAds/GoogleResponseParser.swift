import AdPlatformKit
import Foundation

/// Reads Google Ads REST success bodies: mutate results, search pages, entities and metrics.
///
/// Every function throws `malformedResponse`, saying what it expected, when a body does not have the shape
/// Google documents.
public enum GoogleResponseParser {
    /// The JSON of a success response.
    public static func body(_ response: PlatformHTTPResponse, operation: String) throws(AdPlatformError) -> JSONValue {
        do {
            return try JSONValue(parsing: response.body)
        } catch {
            let preview = String(decoding: response.body.prefix(200), as: UTF8.self)
            throw .google(
                .malformedResponse, "expected a JSON body from Google Ads, got '\(preview)'", operation: operation,
                httpStatus: response.status, cause: error)
        }
    }

    /// The resource name in the first `mutateOperationResponses` entry holding `resultKey`, e.g. `campaignResult`.
    public static func mutateResourceName(
        _ body: JSONValue, resultKey: String, operation: String
    )
        throws(AdPlatformError) -> String
    {
        guard let responses = body["mutateOperationResponses"]?.arrayValue else {
            throw .google(
                .malformedResponse, "expected mutateOperationResponses in a googleAds:mutate response",
                operation: operation)
        }
        for response in responses {
            if let name = response[resultKey]?["resourceName"]?.stringValue, !name.isEmpty { return name }
        }
        throw .google(
            .malformedResponse, "expected a \(resultKey) with a resourceName in mutateOperationResponses",
            operation: operation)
    }

    /// The resource names in `results` of a service mutate (`campaigns:mutate`, `assets:mutate`, …).
    public static func resultResourceNames(_ body: JSONValue, operation: String) throws(AdPlatformError) -> [String] {
        guard let results = body["results"]?.arrayValue else {
            throw .google(.malformedResponse, "expected results in a mutate response", operation: operation)
        }
        var names: [String] = []
        for result in results {
            guard let name = result["resourceName"]?.stringValue, !name.isEmpty else {
                throw .google(
                    .malformedResponse, "expected a resourceName in every mutate result", operation: operation)
            }
            names.append(name)
        }
        return names
    }

    /// The first result's resource name of a service mutate.
    public static func firstResultResourceName(
        _ body: JSONValue, operation: String
    ) throws(AdPlatformError)
        -> String
    {
        guard let name = try resultResourceNames(body, operation: operation).first else {
            throw .google(.malformedResponse, "expected one result in a mutate response", operation: operation)
        }
        return name
    }

    /// A search page. Proto3 JSON omits empty fields, so a body without `results` is an empty page.
    public static func searchPage(_ body: JSONValue, operation: String) throws(AdPlatformError) -> GoogleSearchPage {
        guard body.objectValue != nil else {
            throw .google(.malformedResponse, "expected a SearchGoogleAdsResponse object", operation: operation)
        }
        let rows: [JSONValue]
        switch body["results"] {
        case nil, .null?: rows = []
        case .array(let elements)?: rows = elements
        default:
            throw .google(.malformedResponse, "expected results to be an array of GoogleAdsRow", operation: operation)
        }
        let token = body["nextPageToken"]?.stringValue
        return GoogleSearchPage(rows: rows, nextPageToken: token?.isEmpty == false ? token : nil)
    }

    /// The entity in a search row for a kind, with its resource name and parent facts in ``PlatformEntity/attributes``.
    ///
    /// Attributes: `resourceName` always; `budgetResourceName` for campaigns; `campaignResourceName` for ad groups;
    /// `marker` for ads that carry one; `amountMicros` for budgets; `type` for assets. An ad has no name on
    /// Google: its name is the tag of the marker it carries (`[ao-…]`), or empty.
    public static func entity(
        fromRow row: JSONValue, kind: EntityKind, operation: String
    )
        throws(AdPlatformError) -> PlatformEntity
    {
        guard let resource = GoogleEntityResource.forKind(kind) else {
            throw .google(.unsupported, "Google Ads has no separate \(kind) entity", operation: operation)
        }
        guard let object = row[resource.rowKey], object.objectValue != nil else {
            throw .google(.malformedResponse, "expected '\(resource.rowKey)' in a search row", operation: operation)
        }
        guard let resourceName = object["resourceName"]?.stringValue else {
            throw .google(
                .malformedResponse, "expected \(resource.rowKey).resourceName in a search row", operation: operation)
        }
        let idValue = kind == .ad ? object["ad"]?["id"] : object["id"]
        guard let id = idValue?.scalarText ?? GoogleResourceName.id(of: resourceName), !id.isEmpty else {
            throw .google(.malformedResponse, "expected an id for \(resourceName)", operation: operation)
        }
        var attributes = ["resourceName": resourceName]
        var name = object["name"]?.stringValue ?? ""
        var parentID: String?
        switch kind {
        case .campaign:
            attributes["budgetResourceName"] = object["campaignBudget"]?.stringValue
        case .adGroup:
            if let campaign = object["campaign"]?.stringValue {
                attributes["campaignResourceName"] = campaign
                parentID = GoogleResourceName.id(of: campaign)
            }
        case .ad:
            parentID = GoogleResourceName.adGroupID(ofAdGroupAd: resourceName)
            if let marker = markerParameter(ofAd: object) {
                attributes["marker"] = marker
                if name.isEmpty { name = "[\(marker)]" }
            }
        case .budget:
            attributes["amountMicros"] = object["amountMicros"]?.scalarText
        case .media:
            attributes["type"] = object["type"]?.stringValue
        default:
            break
        }
        return PlatformEntity(
            platform: .google, kind: kind, id: id, name: name,
            status: object["status"]?.stringValue.flatMap(GoogleStatus.deliveryStatus(from:)), parentID: parentID,
            attributes: attributes)
    }

    /// The value of the marker custom parameter of an `adGroupAd` object, if it has one.
    public static func markerParameter(ofAd adGroupAd: JSONValue) -> String? {
        let parameters = adGroupAd["ad"]?["urlCustomParameters"]?.arrayValue ?? []
        return parameters.first { $0["key"]?.stringValue == GoogleQueryBuilder.markerParameterKey }?["value"]?
            .stringValue
    }

    /// The geo target constants in rows of a campaign location search.
    public static func geoTargetConstants(in rows: [JSONValue]) -> Set<String> {
        Set(rows.compactMap { $0["campaignCriterion"]?["location"]?["geoTargetConstant"]?.stringValue })
    }

    /// The campaign budget resource name in the first row of a `SELECT campaign.campaign_budget` search.
    public static func campaignBudgetResourceName(
        in rows: [JSONValue], operation: String
    ) throws(AdPlatformError)
        -> String
    {
        guard let first = rows.first else {
            throw .google(.notFound, "the campaign does not exist", operation: operation)
        }
        guard let name = first["campaign"]?["campaignBudget"]?.stringValue, !name.isEmpty else {
            throw .google(
                .malformedResponse, "expected campaign.campaignBudget in the search row", operation: operation)
        }
        return name
    }

    /// One row per entity from metrics search rows, in the order entities first appear, summing rows of the same
    /// entity. Int64 metrics arrive as strings; conversions and their value as doubles. Spend is rounded from the
    /// summed micros; revenue from each row's major-unit value.
    public static func metricRows(
        from rows: [JSONValue], level: EntityKind, currency: Currency, operation: String = "fetchMetrics"
    ) throws(AdPlatformError) -> [MetricRow] {
        struct Totals {
            var id: String
            var date: String?
            var impressions: Int64 = 0
            var clicks: Int64 = 0
            var costMicros: Int64 = 0
            var conversions: Double = 0
            var revenueMinorUnits: Int64 = 0
        }
        guard let resource = GoogleEntityResource.forKind(level) else {
            throw .google(.unsupported, "no Google metrics level \(level)", operation: operation)
        }
        var order: [String] = []
        var totals: [String: Totals] = [:]
        for row in rows {
            let object = row[resource.rowKey]
            let idValue = level == .ad ? object?["ad"]?["id"] : object?["id"]
            guard let id = idValue?.scalarText else {
                throw .google(
                    .malformedResponse, "expected \(resource.idField) in a metrics row", operation: operation)
            }
            let metrics = row["metrics"] ?? [:]
            let day = row["segments"]?["date"]?.scalarText
            let key = day.map { id + "|" + $0 } ?? id
            var sum = totals[key] ?? Totals(id: id, date: day)
            if totals[key] == nil { order.append(key) }
            sum.impressions += try int64(metrics, "impressions", operation: operation)
            sum.clicks += try int64(metrics, "clicks", operation: operation)
            sum.costMicros += try int64(metrics, "costMicros", operation: operation)
            sum.conversions += try double(metrics, "conversions", operation: operation)
            let value = try double(metrics, "conversionsValue", operation: operation)
            guard let revenue = Money.rounding(decimal: String(value), currency: currency) else {
                throw .google(
                    .malformedResponse, "conversionsValue \(value) is not a decimal amount", operation: operation)
            }
            sum.revenueMinorUnits += revenue.minorUnits
            totals[key] = sum
        }
        return order.compactMap { key in
            guard let sum = totals[key] else { return nil }
            return MetricRow(
                platform: .google, level: level, entityID: sum.id, impressions: sum.impressions, clicks: sum.clicks,
                spend: Money.rounding(micros: sum.costMicros, currency: currency), conversions: sum.conversions,
                revenue: Money(minorUnits: sum.revenueMinorUnits, currency: currency), date: sum.date)
        }
    }

    private static func int64(
        _ metrics: JSONValue, _ key: String, operation: String
    ) throws(AdPlatformError)
        -> Int64
    {
        guard let value = metrics[key], value != .null else { return 0 }
        guard let number = value.int64Value else {
            throw .google(
                .malformedResponse, "expected metrics.\(key) as an int64 string, got \(value.scalarText ?? "?")",
                operation: operation)
        }
        return number
    }

    private static func double(
        _ metrics: JSONValue, _ key: String, operation: String
    ) throws(AdPlatformError)
        -> Double
    {
        guard let value = metrics[key], value != .null else { return 0 }
        guard let number = value.doubleValue, number.isFinite else {
            throw .google(
                .malformedResponse, "expected metrics.\(key) as a number, got \(value.scalarText ?? "?")",
                operation: operation)
        }
        return number
    }
}
