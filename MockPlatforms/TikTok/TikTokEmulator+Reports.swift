import Foundation

extension TikTokEmulator {
    /// The metrics the emulator reports, all as strings: counts as integers, money (USD) and ratios with two
    /// decimals, percentages (`ctr`, `conversion_rate`) as percent values. `conversion` counts pixel conversions
    /// attributed to the ads; `total_complete_payment_rate` is their value (TikTok's "total complete payment
    /// value"). Attribute metrics (`campaign_name`, …) name the row's entity, `-` where they do not apply.
    static let reportMetrics: Set<String> = [
        "spend", "impressions", "clicks", "ctr", "cpm", "cpc", "conversion", "cost_per_conversion",
        "conversion_rate", "conversion_rate_v2", "complete_payment", "cost_per_complete_payment",
        "total_complete_payment_rate", "complete_payment_roas", "value_per_complete_payment", "currency",
        "campaign_name", "campaign_id", "adgroup_name", "adgroup_id", "ad_name", "ad_text", "objective_type",
    ]
    /// Metrics reported when `metrics` is absent.
    static let defaultReportMetrics = [
        "spend", "impressions", "clicks", "ctr", "cpm", "cpc", "conversion", "cost_per_conversion", "conversion_rate",
    ]

    /// One report row before metrics: the entities it sums, its id dimension and its time bucket.
    private struct ReportRow {
        var entities: [MockEntity]
        var key: MockEntity?
        var idValue: String?
        var from: Date
        var to: Date
        var timeLabel: String?
        var totals: DeliveryTotals?
    }

    /// `GET /report/integrated/get/` (synchronous BASIC reports): `report_type`, `advertiser_id` (or
    /// `advertiser_ids`), `data_level`, `dimensions` (one id dimension matching the level and/or one of
    /// `stat_time_day`, `stat_time_hour`), `metrics`, `start_date`/`end_date` (inclusive, at most 30 days by day
    /// and 1 day by hour) or `query_lifetime`, `filtering` (`campaign_ids`/`adgroup_ids`/`ad_ids` with `IN`),
    /// `order_field`/`order_type`, `page`/`page_size` and `enable_total_metrics`. Rows come from
    /// ``MockWorld/delivery(_:entityID:from:to:)``; deleted entities keep their history.
    func report(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let query = call.query
        let reportType = try query.requiredEnum("report_type", TikTokEnums.reportTypes)
        guard reportType == "BASIC" else {
            throw .invalid("report_type", "The emulator answers BASIC reports only.")
        }
        var advertisers: [String] = []
        if let id = try query.id("advertiser_id") {
            advertisers = [id]
        } else if let ids = try query.stringList("advertiser_ids") {
            guard ids.count <= 5, ids.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
                throw .invalid("advertiser_ids", "Give 1 to 5 advertiser ids.")
            }
            advertisers = ids
        }
        guard !advertisers.isEmpty else { throw .missing("advertiser_id") }
        let service = try query.enumValue("service_type", TikTokEnums.serviceTypes) ?? "AUCTION"
        let level = try query.requiredEnum("data_level", TikTokEnums.dataLevels)
        _ = try query.enumValue("query_mode", TikTokEnums.queryModes)
        guard let dimensions = try query.stringList("dimensions") else { throw .missing("dimensions") }
        guard !dimensions.isEmpty, dimensions.count <= 4 else {
            throw .invalid("dimensions", "Length must be between 1 and 4.")
        }
        let metrics = try query.stringList("metrics") ?? Self.defaultReportMetrics
        for metric in metrics where !Self.reportMetrics.contains(metric) {
            let known = Self.reportMetrics.sorted().joined(separator: ", ")
            throw .invalid("metrics", "Unknown metric \(metric). The emulator reports: \(known).")
        }
        let lifetime = try query.bool("query_lifetime") ?? false
        let (page, size) = try query.paging()
        let orderField = try query.string("order_field")
        let descending = (try query.enumValue("order_type", TikTokEnums.orderTypes) ?? "DESC") == "DESC"
        let wantTotals = try query.bool("enable_total_metrics") ?? false

        let kind: TikTokKind? =
            level.hasSuffix("_CAMPAIGN")
            ? .campaign : level.hasSuffix("_ADGROUP") ? .adgroup : level.hasSuffix("_AD") ? .ad : nil
        let expectedID = kind?.idField ?? "advertiser_id"
        var idDimension: String?
        var timeDimension: String?
        for dimension in dimensions {
            switch dimension {
            case "advertiser_id", "campaign_id", "adgroup_id", "ad_id":
                guard idDimension == nil, dimension == expectedID else {
                    throw .invalid("dimensions", "\(dimension) does not fit data_level \(level); use \(expectedID).")
                }
                idDimension = dimension
            case "stat_time_day", "stat_time_hour":
                guard timeDimension == nil else { throw .invalid("dimensions", "Use one time dimension.") }
                timeDimension = dimension
            default:
                throw .invalid(
                    "dimensions",
                    "Unknown dimension \(dimension). Use \(expectedID) and/or stat_time_day or stat_time_hour.")
            }
        }

        var from: Date?
        var to = call.now
        if lifetime {
            if timeDimension != nil {
                throw .invalid("dimensions", "Time dimensions are not available with query_lifetime.")
            }
        } else {
            let start = try Self.reportDay(query, "start_date")
            let end = try Self.reportDay(query, "end_date")
            guard end >= start else { throw .invalid("end_date", "end_date must not be earlier than start_date.") }
            let days = Int(end.timeIntervalSince(start) / 86_400) + 1
            if timeDimension == "stat_time_day", days > 30 {
                throw .invalid("end_date", "A report by stat_time_day spans at most 30 days.")
            }
            if timeDimension == "stat_time_hour", days > 1 {
                throw .invalid("end_date", "A report by stat_time_hour spans at most 1 day.")
            }
            if timeDimension == nil, days > 365 { throw .invalid("end_date", "A report spans at most 365 days.") }
            from = start
            to = end.addingTimeInterval(86_400)
        }
        let filters = try Self.reportFilters(query, kind: kind)
        guard service == "AUCTION", level.hasPrefix("AUCTION_") else {
            return Self.page([], page: page, size: size, total: 0)
        }

        var lineage = TikTokLineage(world: call.world, now: call.now)
        var units: [(key: MockEntity?, id: String?, entities: [MockEntity])] = []
        for advertiser in advertisers {
            let entities = call.world.entities(
                Self.platformID, kind: (kind ?? .campaign).entityKind, account: advertiser, includeDeleted: true
            ) { entity in
                let campaign =
                    kind == .ad ? entity.fields["campaign_id"]?.string : kind == .adgroup ? entity.parentID : entity.id
                let adgroup = kind == .ad ? entity.parentID : kind == .adgroup ? entity.id : nil
                return (filters["campaign_ids"].map { campaign.map($0.contains) ?? false } ?? true)
                    && (filters["adgroup_ids"].map { adgroup.map($0.contains) ?? false } ?? true)
                    && (filters["ad_ids"].map { $0.contains(entity.id) } ?? true)
            }
            if kind == nil {
                units.append((nil, advertiser, entities))
            } else {
                units += entities.map { ($0, $0.id, [$0]) }
            }
        }
        if idDimension == nil { units = [(nil, nil, units.flatMap(\.entities))] }

        var rows: [ReportRow] = []
        for unit in units {
            let earliest = unit.entities.map(\.createdAt).min() ?? call.now
            let unitFrom = from ?? earliest
            switch timeDimension {
            case "stat_time_day", "stat_time_hour":
                let step: TimeInterval = timeDimension == "stat_time_day" ? 86_400 : 3_600
                var bucket = unitFrom
                while bucket < to {
                    rows.append(
                        ReportRow(
                            entities: unit.entities, key: unit.key, idValue: unit.id, from: bucket,
                            to: bucket.addingTimeInterval(step), timeLabel: TikTokTime.format(bucket)))
                    bucket = bucket.addingTimeInterval(step)
                }
            default:
                rows.append(
                    ReportRow(
                        entities: unit.entities, key: unit.key, idValue: unit.id, from: unitFrom, to: to,
                        timeLabel: nil))
            }
        }

        if let orderField {
            let byMetric = metrics.contains(orderField) && Self.reportMetrics.contains(orderField)
            guard byMetric || dimensions.contains(orderField) else {
                throw .invalid("order_field", "Order by one of the requested metrics or dimensions.")
            }
            for (index, totals) in zip(rows.indices, totals(of: rows, world: call.world)) {
                rows[index].totals = totals
            }
            let keys = rows.map { row -> (Double?, String) in
                let text =
                    byMetric
                    ? Self.metric(orderField, row.totals ?? DeliveryTotals(), key: row.key, lineage: &lineage)
                    : (orderField.hasPrefix("stat_time") ? row.timeLabel : row.idValue) ?? ""
                return (Double(text), text)
            }
            let order = rows.indices.sorted { left, right in
                let (a, b) = (keys[left], keys[right])
                let ascending = a.0.flatMap { x in b.0.map { x < $0 } } ?? (a.1 < b.1)
                let equal = a.0.flatMap { x in b.0.map { x == $0 } } ?? (a.1 == b.1)
                return equal ? left < right : (descending ? !ascending : ascending)
            }
            rows = order.map { rows[$0] }
        }

        let start = min((page - 1) * size, rows.count)
        let end = min(start + size, rows.count)
        var list: [MockJSON] = []
        list.reserveCapacity(end - start)
        // The page's rows from one delivery model, so a month of daily rows works out each budget's day once.
        var pageTotals = totals(of: rows[start..<end].filter { $0.totals == nil }, world: call.world).makeIterator()
        for row in rows[start..<end] {
            let totals = row.totals ?? pageTotals.next() ?? DeliveryTotals()
            var dimensionMembers: [(String, MockJSON)] = []
            for dimension in dimensions {
                let value = dimension.hasPrefix("stat_time") ? row.timeLabel : row.idValue
                dimensionMembers.append((dimension, .string(value ?? "")))
            }
            var metricMembers: [(String, MockJSON)] = []
            for metric in metrics {
                metricMembers.append((metric, .string(Self.metric(metric, totals, key: row.key, lineage: &lineage))))
            }
            list.append(.object([("dimensions", .object(dimensionMembers)), ("metrics", .object(metricMembers))]))
        }
        var data = Self.page(list, page: page, size: size, total: rows.count)
        if wantTotals {
            var sum = DeliveryTotals()
            for unit in units {
                let earliest = unit.entities.map(\.createdAt).min() ?? call.now
                let whole = ReportRow(entities: unit.entities, from: from ?? earliest, to: to)
                let part = totals(of: whole, world: call.world)
                sum.impressions += part.impressions
                sum.clicks += part.clicks
                sum.spendMicros += part.spendMicros
                sum.conversions += part.conversions
                sum.revenueMicros += part.revenueMicros
            }
            var members: [(String, MockJSON)] = []
            for metric in metrics {
                members.append((metric, .string(Self.metric(metric, sum, key: nil, lineage: &lineage))))
            }
            data = data.setting("total_metrics", .object(members))
        }
        return data
    }

    /// The delivery a row sums, each entity counted from the start of its creation day.
    private func totals(of row: ReportRow, world: MockWorld) -> DeliveryTotals {
        totals(of: [row], world: world).first ?? DeliveryTotals()
    }

    /// Each row's delivery, summed over its entities, from one delivery model.
    private func totals(of rows: some Collection<ReportRow>, world: MockWorld) -> [DeliveryTotals] {
        var ranges: [(entityID: String, from: Date, to: Date)] = []
        var counts: [Int] = []
        for row in rows {
            var count = 0
            for entity in row.entities {
                let from = max(row.from, MockWorld.dayStart(entity.createdAt))
                guard from < row.to else { continue }
                ranges.append((entity.id, from, row.to))
                count += 1
            }
            counts.append(count)
        }
        var parts = world.deliveries(Self.platformID, ranges).makeIterator()
        return counts.map { count in
            var sum = DeliveryTotals()
            for _ in 0..<count {
                guard let part = parts.next() else { break }
                sum.impressions += part.impressions
                sum.clicks += part.clicks
                sum.spendMicros += part.spendMicros
                sum.conversions += part.conversions
                sum.revenueMicros += part.revenueMicros
            }
            return sum
        }
    }

    /// One metric's string.
    private static func metric(
        _ name: String, _ totals: DeliveryTotals, key: MockEntity?, lineage: inout TikTokLineage
    ) -> String {
        let spend = Double(totals.spendMicros) / 1_000_000
        let revenue = Double(totals.revenueMicros) / 1_000_000
        let impressions = Double(totals.impressions)
        let clicks = Double(totals.clicks)
        let conversions = Double(totals.conversions)
        switch name {
        case "spend": return money(totals.spendMicros)
        case "impressions": return String(totals.impressions)
        case "clicks": return String(totals.clicks)
        case "conversion", "complete_payment": return String(totals.conversions)
        case "total_complete_payment_rate": return money(totals.revenueMicros)
        case "ctr": return ratio(clicks * 100, impressions)
        case "cpm": return ratio(spend * 1000, impressions)
        case "cpc": return ratio(spend, clicks)
        case "cost_per_conversion", "cost_per_complete_payment": return ratio(spend, conversions)
        case "conversion_rate": return ratio(conversions * 100, clicks)
        case "conversion_rate_v2": return ratio(conversions * 100, impressions)
        case "complete_payment_roas": return ratio(revenue, spend)
        case "value_per_complete_payment": return ratio(revenue, conversions)
        case "currency": return currency
        default: break
        }
        guard let key else { return "-" }
        let chain = [key] + lineage.ancestors(of: key)
        let campaign = chain.first { $0.kind == TikTokKind.campaign.entityKind }
        let adgroup = chain.first { $0.kind == TikTokKind.adgroup.entityKind }
        let ad = chain.first { $0.kind == TikTokKind.ad.entityKind }
        switch name {
        case "campaign_name": return campaign?.name ?? "-"
        case "campaign_id": return campaign?.id ?? "-"
        case "adgroup_name": return adgroup?.name ?? "-"
        case "adgroup_id": return adgroup?.id ?? "-"
        case "ad_name": return ad?.name ?? "-"
        case "ad_text": return ad?.fields["ad_text"]?.string ?? "-"
        case "objective_type": return campaign?.fields["objective_type"]?.string ?? "-"
        default: return "-"
        }
    }

    /// A ratio with two decimals; `0.00` when the denominator is zero.
    private static func ratio(_ numerator: Double, _ denominator: Double) -> String {
        guard denominator > 0 else { return "0.00" }
        return String(format: "%.2f", numerator / denominator)
    }

    private static func reportDay(_ query: TikTokParams, _ field: String) throws(TikTokError) -> Date {
        let text = try query.requiredString(field)
        guard let day = TikTokTime.parseDay(text) else { throw .invalid(field, "Not a valid date. Use YYYY-MM-DD.") }
        return day
    }

    /// The id filters of `filtering`: a list of `{field_name, filter_type: IN, filter_value}` where the value is
    /// a JSON-encoded list of ids (or the list itself).
    private static func reportFilters(
        _ query: TikTokParams, kind: TikTokKind?
    ) throws(TikTokError) -> [String: Set<String>] {
        guard let filters = try query.list("filtering") else { return [:] }
        var result: [String: Set<String>] = [:]
        for (index, filter) in filters.enumerated() {
            let field = "filtering[\(index)]"
            guard case .object(let members) = filter else {
                throw .invalid(field, "Not a valid filter. Send {\"field_name\",\"filter_type\",\"filter_value\"}.")
            }
            let params = TikTokParams(json: members)
            guard let name = try? params.requiredString("field_name") else { throw .missing(field + ".field_name") }
            guard let type = try? params.requiredString("filter_type") else { throw .missing(field + ".filter_type") }
            let allowed: [String]
            switch kind {
            case .ad: allowed = ["campaign_ids", "adgroup_ids", "ad_ids"]
            case .adgroup: allowed = ["campaign_ids", "adgroup_ids"]
            default: allowed = ["campaign_ids"]
            }
            guard allowed.contains(name) else {
                throw .invalid(
                    field + ".field_name",
                    "\(name) cannot filter this data_level in the emulator; use \(allowed.joined(separator: ", ")).")
            }
            guard type == "IN" else { throw .invalid(field + ".filter_type", "Use IN for \(name).") }
            var values: [MockJSON]
            switch params.raw("filter_value") {
            case .array(let elements)?: values = elements
            case .string(let text)?:
                guard let parsed = MockJSON.parse(text), case .array(let elements) = parsed else {
                    throw .invalid(field + ".filter_value", "Not a valid JSON list of ids.")
                }
                values = elements
            default: throw .missing(field + ".filter_value")
            }
            var ids = Set<String>()
            for value in values {
                guard let text = value.text else { throw .invalid(field + ".filter_value", "Not a valid id.") }
                ids.insert(text)
            }
            result[name] = ids
        }
        return result
    }
}
