import Foundation

/// `GET /v1/{campaigns|adsquads|ads|adaccounts}/{id}/stats`: the world's synthetic delivery and pixel
/// conversions in Snap's `total_stats` / `timeseries_stats` shapes. Numbers are JSON numbers; `spend` and
/// `conversion_purchases_value` are micro-currency.
extension SnapchatEmulator {
    /// What Snap reports when `fields` is not given (the reference's TOTAL example).
    static let defaultStatsFields = [
        "impressions", "swipes", "spend", "quartile_1", "quartile_2", "quartile_3", "view_completion",
        "screen_time_millis",
    ]

    /// Fields with a value from the world; the rest of ``zeroStatsFields`` are Snap fields the world does not
    /// simulate, answered as 0 rather than rejected.
    static let measuredStatsFields: Set<String> = [
        "impressions", "paid_impressions", "swipes", "spend", "conversion_sign_ups", "conversion_purchases",
        "conversion_purchases_value",
    ]
    static let zeroStatsFields: Set<String> = [
        "quartile_1", "quartile_2", "quartile_3", "view_completion", "screen_time_millis", "video_views",
        "view_time_millis", "earned_impressions", "uniques", "frequency", "shares", "saves", "story_opens",
        "story_completes", "total_installs", "conversion_page_views", "conversion_add_cart",
        "conversion_view_content", "conversion_start_checkout", "conversion_add_billing", "conversion_save",
        "conversion_searches", "conversion_subscribe", "conversion_app_opens", "conversion_level_completes",
    ]

    /// Stats of a campaign, ad squad or ad.
    func stats(
        _ kind: SnapchatKind, id: String, request: MockRequest, world: MockWorld, requestID: String
    )
        throws(SnapchatError) -> MockResponse
    {
        guard let entity = world.entity(platform, id), entity.kind == kind.rawValue else {
            throw .notFound("\(kind.title) \(id) can not be found")
        }
        ledger.remember(id, account: entity.accountID)
        let ads = world.entities(
            platform, kind: SnapchatKind.ad.rawValue, account: entity.accountID, includeDeleted: true)
        let squads =
            kind == .campaign
            ? Set(
                world.entities(
                    platform, kind: SnapchatKind.adsquad.rawValue, account: entity.accountID, includeDeleted: true
                ) { $0.parentID == id }.map(\.id)) : [id]
        let leaves: Set<String> =
            kind == .ad ? [id] : Set(ads.filter { $0.parentID.map(squads.contains) ?? false }.map(\.id))
        return try statsAnswer(
            id: id, type: kind.statsType ?? "", roots: [id], leaves: leaves, defaultStart: entity.createdAt,
            request: request, world: world, requestID: requestID)
    }

    /// Stats of an ad account: the sum over its campaigns.
    func accountStats(
        _ account: String, request: MockRequest, world: MockWorld, requestID: String
    )
        throws(SnapchatError) -> MockResponse
    {
        if let breakdown = request.queryValue("breakdown") {
            return try breakdownStats(
                account, breakdown: breakdown, request: request, world: world, requestID: requestID)
        }
        let campaigns = world.entities(
            platform, kind: SnapchatKind.campaign.rawValue, account: account, includeDeleted: true)
        let ads = world.entities(platform, kind: SnapchatKind.ad.rawValue, account: account, includeDeleted: true)
        return try statsAnswer(
            id: account, type: "AD_ACCOUNT", roots: campaigns.map(\.id), leaves: Set(ads.map(\.id)),
            defaultStart: campaigns.first?.createdAt ?? world.now, request: request, world: world,
            requestID: requestID)
    }

    private func statsAnswer(
        id: String, type: String, roots: [String], leaves: Set<String>, defaultStart: Date, request: MockRequest,
        world: MockWorld, requestID: String
    ) throws(SnapchatError) -> MockResponse {
        let granularity = request.queryValue("granularity") ?? "TOTAL"
        guard ["TOTAL", "DAY", "HOUR"].contains(granularity) else {
            throw .invalid("Invalid value '\(granularity)' for granularity; expected one of TOTAL, DAY, HOUR")
        }
        let fields = try Self.statsFields(request)
        let givenStart = try Self.queryTime(request, "start_time")
        let givenEnd = try Self.queryTime(request, "end_time")
        if let givenStart, let givenEnd, givenEnd <= givenStart {
            throw .invalid("end_time must be after start_time")
        }
        let purchases = world.pixelEvents(platform: platform).filter {
            $0.isConversion && $0.event.uppercased() == "PURCHASE" && leaves.contains($0.attributedAdID ?? "")
        }
        let measure = { (from: Date, to: Date) -> MockJSON in
            var totals = DeliveryTotals()
            for root in roots { totals = totals + world.delivery(self.platform, entityID: root, from: from, to: to) }
            let purchaseCount = Int64(purchases.filter { $0.receivedAt >= from && $0.receivedAt < to }.count)
            return Self.statsObject(fields, totals: totals, purchases: purchaseCount)
        }
        if granularity == "TOTAL" {
            let start = givenStart ?? defaultStart
            let end = givenEnd ?? max(world.now, start)
            let stat = MockJSON.object([
                ("id", .string(id)), ("type", .string(type)), ("granularity", .string("TOTAL")),
                ("start_time", .string(SnapchatTime.format(start))), ("end_time", .string(SnapchatTime.format(end))),
                ("stats", measure(start, end)),
            ])
            return Self.statsEnvelope("total_stats", "total_stat", stat, requestID: requestID)
        }
        guard let start = givenStart, let end = givenEnd else {
            throw .invalid("start_time and end_time are required for \(granularity) granularity")
        }
        let step: Int64 = granularity == "DAY" ? 86_400 : 3_600
        guard SnapchatTime.isAligned(start, to: step), SnapchatTime.isAligned(end, to: step) else {
            throw .invalid(
                "start_time and end_time must fall on \(granularity == "DAY" ? "day" : "hour") boundaries (UTC, the "
                    + "ad account's time zone) for \(granularity) granularity")
        }
        let buckets = Int(end.timeIntervalSince(start)) / Int(step)
        let maximum = granularity == "DAY" ? 366 : 744
        guard buckets <= maximum else {
            throw .invalid("At most \(maximum) \(granularity == "DAY" ? "days" : "hours") may be requested at once")
        }
        var series: [MockJSON] = []
        series.reserveCapacity(buckets)
        for index in 0..<buckets {
            let from = start.addingTimeInterval(Double(Int64(index) * step))
            let to = from.addingTimeInterval(Double(step))
            series.append(
                .object([
                    ("start_time", .string(SnapchatTime.format(from))), ("end_time", .string(SnapchatTime.format(to))),
                    ("stats", measure(from, to)),
                ]))
        }
        let stat = MockJSON.object([
            ("id", .string(id)), ("type", .string(type)), ("granularity", .string(granularity)),
            ("start_time", .string(SnapchatTime.format(start))), ("end_time", .string(SnapchatTime.format(end))),
            ("timeseries", .array(series)),
        ])
        return Self.statsEnvelope("timeseries_stats", "timeseries_stat", stat, requestID: requestID)
    }

    /// The requested fields, in the order asked; unknown names are rejected.
    static func statsFields(_ request: MockRequest) throws(SnapchatError) -> [String] {
        guard let text = request.queryValue("fields") else { return defaultStatsFields }
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw .invalid("fields must name at least one stats field") }
        for name in names where !measuredStatsFields.contains(name) && !zeroStatsFields.contains(name) {
            throw .invalid("Invalid stats field '\(name)'")
        }
        return names
    }

    /// The stats of one span: swipes are the world's clicks; conversions that are not purchases count as sign
    /// ups (the landing pages' conversion); `conversion_purchases_value` is all conversion value.
    static func statsObject(_ fields: [String], totals: DeliveryTotals, purchases: Int64) -> MockJSON {
        .object(
            fields.map { name in
                let value: Int64 =
                    switch name {
                    case "impressions", "paid_impressions": totals.impressions
                    case "swipes": totals.clicks
                    case "spend": totals.spendMicros
                    case "conversion_purchases": min(purchases, totals.conversions)
                    case "conversion_sign_ups": max(0, totals.conversions - purchases)
                    case "conversion_purchases_value": totals.revenueMicros
                    default: 0
                    }
                return (name, .int(value))
            })
    }

    static func queryTime(_ request: MockRequest, _ name: String) throws(SnapchatError) -> Date? {
        guard let raw = request.queryValue(name) else { return nil }
        // An unencoded `+` of a UTC offset arrives as a space; read it back as the offset it was.
        let text = raw.replacingOccurrences(of: " ", with: "+")
        guard let date = SnapchatTime.parse(text) else {
            throw .invalid("\(name) must be an ISO 8601 timestamp such as 2026-12-01T00:00:00.000Z (got '\(text)')")
        }
        return date
    }

    static func statsEnvelope(
        _ plural: String, _ singular: String, _ stat: MockJSON, requestID: String
    )
        -> MockResponse
    {
        .json(
            .object([
                ("request_status", .string("SUCCESS")), ("request_id", .string(requestID)),
                (plural, .array([.object([("sub_request_status", .string("SUCCESS")), (singular, stat)])])),
            ]))
    }
}
