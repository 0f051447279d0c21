import AdPlatformKit
import Foundation

/// Reads TikTok responses: the `{"code","message","request_id","data"}` envelope every answer comes in, and the
/// `data` of each call. Errors become ``AdPlatformError`` through ``TikTokErrorMapper``.
public enum TikTokResponseParser {
    /// The `data` of a successful envelope (`.null` when absent); throws the mapped error for a non-2xx status
    /// or a non-zero `code`, and `malformedResponse` when the body is not an envelope.
    public static func data(
        from response: PlatformHTTPResponse, operation: String
    ) throws(AdPlatformError) -> JSONValue {
        guard response.isSuccess else {
            throw TikTokErrorMapper.error(httpResponse: response, operation: operation)
        }
        guard let envelope = try? JSONValue(parsing: response.body), envelope.objectValue != nil else {
            throw malformed("expected a JSON envelope {code, message, request_id, data}", response, operation)
        }
        guard let code = envelope["code"]?.int64Value else {
            throw malformed("expected an integer 'code' in the envelope", response, operation)
        }
        guard code == 0 else {
            throw TikTokErrorMapper.error(
                platformCode: code, message: envelope["message"]?.stringValue ?? "",
                requestID: envelope["request_id"]?.stringValue, httpStatus: response.status, operation: operation)
        }
        return envelope["data"] ?? .null
    }

    /// The id a create call returned in `data.<field>`, e.g. `campaign_id`.
    public static func createdID(
        _ field: String, from response: PlatformHTTPResponse, operation: String
    ) throws(AdPlatformError) -> String {
        let data = try data(from: response, operation: operation)
        guard let id = identifier(data[field]) else {
            throw malformed("expected data.\(field) with the new id", response, operation)
        }
        return id
    }

    /// The ad id `ad/create/` returned: `data.ad_ids[0]`, or `data.creatives[0].ad_id`.
    public static func createdAdID(
        from response: PlatformHTTPResponse, operation: String
    ) throws(AdPlatformError) -> String {
        let data = try data(from: response, operation: operation)
        guard let id = identifier(data["ad_ids"]?[0]) ?? identifier(data["creatives"]?[0]?["ad_id"]) else {
            throw malformed("expected data.ad_ids[0] or data.creatives[0].ad_id", response, operation)
        }
        return id
    }

    /// The image an upload created: `data.image_id` is required; `image_url` (or `url`) is read when present.
    public static func uploadedImage(
        from response: PlatformHTTPResponse, operation: String
    ) throws(AdPlatformError) -> UploadedMedia {
        let data = try data(from: response, operation: operation)
        guard let id = identifier(data["image_id"]) else {
            throw malformed("expected data.image_id", response, operation)
        }
        let url = data["image_url"]?.stringValue ?? data["url"]?.stringValue
        return UploadedMedia(kind: .image, reference: id, id: id, url: url)
    }

    /// One page of a `*/get/` list as entities of a kind.
    public static func entityPage(
        _ kind: EntityKind, from response: PlatformHTTPResponse, operation: String
    ) throws(AdPlatformError) -> TikTokPage<PlatformEntity> {
        let resource = try TikTokEntityResource.of(kind, operation: operation)
        let (items, page, totalPages) = try listData(from: response, operation: operation)
        var entities: [PlatformEntity] = []
        for (index, item) in items.enumerated() {
            guard let id = identifier(item[resource.idField]), let name = item[resource.nameField]?.stringValue else {
                throw malformed(
                    "expected \(resource.idField) and \(resource.nameField) in data.list[\(index)]", response,
                    operation)
            }
            entities.append(entity(resource, id: id, name: name, item: item))
        }
        return TikTokPage(items: entities, page: page, totalPages: totalPages)
    }

    /// One page of a report as one row per list item; values arrive as strings. Spend and revenue are rounded to
    /// the currency's minor unit; `-` or a missing metric counts as zero. A report by `stat_time_day` gives each
    /// row its day.
    public static func reportPage(
        level: EntityKind, currency: Currency, from response: PlatformHTTPResponse, operation: String
    ) throws(AdPlatformError) -> TikTokPage<MetricRow> {
        let resource = try TikTokEntityResource.of(level, operation: operation)
        let (items, page, totalPages) = try listData(from: response, operation: operation)
        var rows: [MetricRow] = []
        for (index, item) in items.enumerated() {
            let path = "data.list[\(index)]"
            guard let id = identifier(item["dimensions"]?[resource.idField]) else {
                throw malformed("expected \(path).dimensions.\(resource.idField)", response, operation)
            }
            var day: String?
            if let time = item["dimensions"]?["stat_time_day"] {
                guard let text = time.scalarText, text.count >= 10 else {
                    throw malformed(
                        "expected \(path).dimensions.stat_time_day as 'YYYY-MM-DD HH:MM:SS'", response, operation)
                }
                day = String(text.prefix(10))
            }
            let metrics = item["metrics"] ?? .object([:])
            func text(_ name: String) -> String? {
                guard let value = metrics[name]?.scalarText, value != "-", !value.isEmpty else { return nil }
                return value
            }
            func count(_ name: String) throws(AdPlatformError) -> Int64 {
                guard let value = text(name) else { return 0 }
                if let whole = Int64(value) { return whole }
                guard let decimal = Decimal(string: value),
                    let whole = Int64(exactly: NSDecimalNumber(decimal: decimal).doubleValue)
                else {
                    throw malformed(
                        "expected a whole number in \(path).metrics.\(name), got '\(value)'", response, operation)
                }
                return whole
            }
            func money(_ name: String) throws(AdPlatformError) -> Money {
                guard let value = text(name) else { return Money(minorUnits: 0, currency: currency) }
                guard let amount = Money.rounding(decimal: value, currency: currency) else {
                    throw malformed(
                        "expected a decimal in \(path).metrics.\(name), got '\(value)'", response, operation)
                }
                return amount
            }
            var conversions = 0.0
            if let value = text("conversion") {
                guard let number = Double(value) else {
                    throw malformed(
                        "expected a number in \(path).metrics.conversion, got '\(value)'", response, operation)
                }
                conversions = number
            }
            rows.append(
                MetricRow(
                    platform: .tiktok, level: level, entityID: id, impressions: try count("impressions"),
                    clicks: try count("clicks"), spend: try money("spend"), conversions: conversions,
                    revenue: try money("total_complete_payment_rate"), date: day))
        }
        return TikTokPage(items: rows, page: page, totalPages: totalPages)
    }

    /// Rows summed per entity (and day, for daily rows), in order of first appearance, for reports that return
    /// one entity on several rows or pages.
    public static func summing(_ rows: [MetricRow]) -> [MetricRow] {
        var order: [String] = []
        var byID: [String: MetricRow] = [:]
        for row in rows {
            let key = row.date.map { row.entityID + "|" + $0 } ?? row.entityID
            guard var total = byID[key] else {
                order.append(key)
                byID[key] = row
                continue
            }
            total.impressions += row.impressions
            total.clicks += row.clicks
            total.spend.minorUnits += row.spend.minorUnits
            total.conversions += row.conversions
            total.revenue.minorUnits += row.revenue.minorUnits
            byID[key] = total
        }
        return order.compactMap { byID[$0] }
    }

    static func listData(
        from response: PlatformHTTPResponse, operation: String
    ) throws(AdPlatformError) -> (items: [JSONValue], page: Int, totalPages: Int) {
        let data = try data(from: response, operation: operation)
        guard let items = data["list"]?.arrayValue else {
            throw malformed("expected data.list", response, operation)
        }
        let info = data["page_info"]
        let page = info?["page"]?.int64Value.map(Int.init) ?? 1
        let totalPages = info?["total_page"]?.int64Value.map(Int.init) ?? page
        return (items, page, totalPages)
    }

    private static func entity(
        _ resource: TikTokEntityResource, id: String, name: String, item: JSONValue
    ) -> PlatformEntity {
        var attributes: [String: String] = [:]
        for field in ["objective_type", "budget_mode", "budget", "campaign_id", "adgroup_id", "secondary_status"]
        where field != resource.idField {
            if let value = item[field]?.scalarText { attributes[field] = value }
        }
        return PlatformEntity(
            platform: .tiktok, kind: resource.kind, id: id, name: name,
            status: TikTokOperationStatus.status(
                operationStatus: item["operation_status"]?.stringValue,
                secondaryStatus: item["secondary_status"]?.stringValue),
            parentID: resource.parentIDField.flatMap { identifier(item[$0]) }, attributes: attributes)
    }

    /// TikTok ids are numeric strings; some clients see them as JSON numbers, so both are read.
    static func identifier(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text) where !text.isEmpty: text
        case .integer(let number): String(number)
        default: nil
        }
    }

    static func malformed(
        _ expectation: String, _ response: PlatformHTTPResponse, _ operation: String
    ) -> AdPlatformError {
        let envelope = try? JSONValue(parsing: response.body)
        return AdPlatformError(
            code: .malformedResponse, message: "TikTok response not understood: \(expectation)", platform: .tiktok,
            operation: operation, httpStatus: response.status, requestID: envelope?["request_id"]?.stringValue)
    }
}
