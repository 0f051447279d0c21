import Foundation

/// `GET /v1/adaccounts/{id}/stats?breakdown=campaign|adsquad|ad`: the account's stats split by entity, one call for
/// every campaign, ad squad or ad of the account, as reporting tools read a whole account. The split entities are
/// in `breakdown_stats.<level>` of the account's `total_stat` or `timeseries_stat`, each with its `id`, `type` and
/// its own `stats` (TOTAL) or `timeseries` (DAY, HOUR).
extension SnapchatEmulator {
    /// The levels an account's stats split by, with Snap's type names.
    static let breakdownLevels: [String: (kind: SnapchatKind, type: String)] = [
        "campaign": (.campaign, "CAMPAIGN"), "adsquad": (.adsquad, "AD_SQUAD"), "ad": (.ad, "AD"),
    ]

    func breakdownStats(
        _ account: String, breakdown: String, request: MockRequest, world: MockWorld, requestID: String
    ) throws(SnapchatError) -> MockResponse {
        guard let level = Self.breakdownLevels[breakdown] else {
            throw .invalid("Invalid value '\(breakdown)' for breakdown; expected one of ad, adsquad, campaign")
        }
        let granularity = request.queryValue("granularity") ?? "TOTAL"
        guard ["TOTAL", "DAY"].contains(granularity) else {
            throw .invalid("A breakdown is available for TOTAL and DAY granularity, not '\(granularity)'")
        }
        let fields = try Self.statsFields(request)
        guard let start = try Self.queryTime(request, "start_time"),
            let end = try Self.queryTime(request, "end_time")
        else {
            throw .invalid("start_time and end_time are required for a breakdown")
        }
        guard end > start else { throw .invalid("end_time must be after start_time") }
        if granularity == "DAY" {
            guard SnapchatTime.isAligned(start, to: 86_400), SnapchatTime.isAligned(end, to: 86_400) else {
                throw .invalid("start_time and end_time must fall on day boundaries (UTC) for DAY granularity")
            }
            guard end.timeIntervalSince(start) <= 31 * 86_400 else {
                throw .invalid("At most 31 days may be requested at once with a breakdown")
            }
        }
        let entities = world.entities(platform, kind: level.kind.rawValue, account: account, includeDeleted: true)
        let ads = world.entities(platform, kind: SnapchatKind.ad.rawValue, account: account, includeDeleted: true)
        let squads = world.entities(
            platform, kind: SnapchatKind.adsquad.rawValue, account: account, includeDeleted: true)
        let campaignOfSquad = Dictionary(squads.map { ($0.id, $0.parentID ?? "") }, uniquingKeysWith: { a, _ in a })
        // Pixel purchases by ad, so each entity's come from its own ads.
        var purchasesByAd: [String: [Date]] = [:]
        for event in world.pixelEvents(platform: platform)
        where event.isConversion && event.event.uppercased() == "PURCHASE" {
            if let ad = event.attributedAdID { purchasesByAd[ad, default: []].append(event.receivedAt) }
        }
        // Each ad under its squad and its campaign, once: an account of a thousand campaigns would otherwise scan
        // every ad for every entity.
        var adsByParent: [String: [String]] = [:]
        for ad in ads {
            guard let squad = ad.parentID else { continue }
            adsByParent[level.kind == .adsquad ? squad : campaignOfSquad[squad] ?? "", default: []].append(ad.id)
        }
        func leaves(of id: String) -> [String] { level.kind == .ad ? [id] : adsByParent[id] ?? [] }
        func purchases(_ leaves: [String], from: Date, to: Date) -> Int64 {
            Int64(leaves.reduce(0) { $0 + (purchasesByAd[$1] ?? []).filter { $0 >= from && $0 < to }.count })
        }
        // Every entity's every day from one delivery model, so the entities' shared budgets are worked out once.
        let dayStarts = granularity == "DAY" ? MockWorld.days(from: start, to: end) : []
        var delivered = world.deliveries(
            platform,
            entities.flatMap { entity in
                granularity == "DAY"
                    ? dayStarts.map { (entity.id, $0, $0.addingTimeInterval(86_400)) } : [(entity.id, start, end)]
            }
        ).makeIterator()
        var items: [MockJSON] = []
        for entity in entities {
            let own = leaves(of: entity.id)
            var members: [(String, MockJSON)] = [
                ("id", .string(entity.id)), ("type", .string(level.type)), ("granularity", .string(granularity)),
            ]
            if granularity == "TOTAL" {
                let totals = delivered.next() ?? DeliveryTotals()
                members.append(
                    ("stats", Self.statsObject(fields, totals: totals, purchases: purchases(own, from: start, to: end)))
                )
            } else {
                let days = dayStarts.map { ($0, delivered.next() ?? DeliveryTotals()) }
                members.append(("start_time", .string(SnapchatTime.format(start))))
                members.append(("end_time", .string(SnapchatTime.format(end))))
                members.append(
                    (
                        "timeseries",
                        .array(
                            days.map { day, totals in
                                let next = day.addingTimeInterval(86_400)
                                return .object([
                                    ("start_time", .string(SnapchatTime.format(day))),
                                    ("end_time", .string(SnapchatTime.format(next))),
                                    (
                                        "stats",
                                        Self.statsObject(
                                            fields, totals: totals, purchases: purchases(own, from: day, to: next))
                                    ),
                                ])
                            })
                    ))
            }
            items.append(.object(members))
        }
        let stat = MockJSON.object([
            ("id", .string(account)), ("type", .string("AD_ACCOUNT")), ("granularity", .string(granularity)),
            ("start_time", .string(SnapchatTime.format(start))), ("end_time", .string(SnapchatTime.format(end))),
            ("breakdown_stats", .object([(breakdown, .array(items))])),
        ])
        return granularity == "TOTAL"
            ? Self.statsEnvelope("total_stats", "total_stat", stat, requestID: requestID)
            : Self.statsEnvelope("timeseries_stats", "timeseries_stat", stat, requestID: requestID)
    }
}
