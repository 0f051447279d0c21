import Foundation

extension MetaEmulator {
    /// What an insights call is about.
    enum InsightsRoot {
        /// An ad account, `act_<id>`.
        case account(String)
        /// A campaign, ad set or ad.
        case entity(MockEntity)
    }

    /// The ads reported together in one row per span: everything under one object of the requested level.
    private struct InsightsGroup {
        var key: String
        var order: Int
        var campaign: MockEntity?
        var adSet: MockEntity?
        var ad: MockEntity?
        var ads: [MockEntity] = []
    }

    /// `GET /{object}/insights`: one row per object of the level and per span, metrics as strings (spend in
    /// dollars), pixel conversions under `actions`/`action_values`, paged like any edge. Objects without delivery
    /// in a span get no row, as in Graph.
    ///
    /// Cursors are `row:<snapshot>:<position>`: the pages after the first read the rows the first one computed
    /// (``ReportSnapshots``), so paging through a month of a thousand campaigns models the month once. A cursor
    /// whose snapshot is gone, or one without a snapshot, pages through the rows computed again.
    func insights(root: InsightsRoot, call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        let pager = try MetaPager(call.params)
        let cursor = (pager.after ?? pager.before).flatMap(InsightsCursor.init)
        let query = Self.snapshotQuery(root: root, params: call.params)
        let kept = cursor?.snapshot.flatMap { insightsSnapshots.rows($0, query: query) }
        let rows: [MockJSON]
        if let kept { rows = kept } else { rows = try insightsRows(root: root, params: call.params, world: world) }
        let snapshot =
            kept != nil ? cursor?.snapshot : rows.count > pager.limit ? insightsSnapshots.keep(rows, query: query) : nil
        let items = rows.enumerated().map { offset, row in
            (position: offset, key: InsightsCursor(snapshot: snapshot, position: offset).key, item: row)
        }
        let (page, paging) = try pager.page(
            items, position: { key in InsightsCursor(key)?.position }, call: call)
        var body: [(String, MockJSON)] = [("data", .array(page))]
        if let paging { body.append(("paging", paging)) }
        return .json(.object(body))
    }

    /// What a snapshot's rows answer: the object and the parameters but paging and credentials.
    private static func snapshotQuery(root: InsightsRoot, params: MetaParams) -> String {
        let object =
            switch root {
            case .account(let account): account
            case .entity(let entity): entity.id
            }
        return params.values.filter { !pagingAndCredentials.contains($0.key) }.sorted { $0.key < $1.key }
            .reduce(object) { $0 + "&" + $1.key + "=" + String(describing: $1.value) }
    }

    /// The parameters a snapshot's query leaves out.
    private static let pagingAndCredentials: Set<String> = [
        "access_token", "appsecret_proof", "limit", "after", "before",
    ]

    /// `POST /{object}/insights`: an async report, already complete (`{"report_run_id":"…"}`); its results are
    /// at `GET /{report_run_id}/insights`.
    func startReport(root: InsightsRoot, call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        _ = try insightsRows(root: root, params: call.params, world: world)
        let (account, rootID): (String, String) =
            switch root {
            case .account(let account): (account, account)
            case .entity(let entity): (entity.accountID, entity.id)
            }
        var stored: [(String, MockJSON)] = []
        for (name, value) in call.params.values.sorted(by: { $0.key < $1.key })
        where !Self.pagingAndCredentials.contains(name) {
            stored.append((name, value))
        }
        let now = world.now
        let id = world.mintID(.meta)
        let stamp = MockJSON.int(MetaTime.epochSeconds(now))
        let fields: [(String, MockJSON)] = [
            ("id", .string(id)), ("account_id", .string(MetaCall.accountDigits(account))),
            ("async_status", .string("Job Completed")), ("async_percent_completion", .int(100)),
            ("is_running", .bool(false)), ("time_ref", stamp), ("time_completed", stamp),
            ("_root", .string(rootID)), ("_params", .object(stored)),
        ]
        world.insert(
            MockEntity(
                platform: Self.platformID, kind: MetaKind.reportRun, id: id, accountID: account, parentID: nil,
                name: "report \(id)", fields: .object(fields), createdAt: now, role: .passive, active: false))
        return .json(.object([("report_run_id", .string(id))]))
    }

    /// `GET /{report_run_id}/insights`: the stored request, paged by this call's `limit`/`after`/`before`.
    func reportResults(_ run: MockEntity, call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        guard let rootID = run.fields["_root"]?.string, let stored = run.fields["_params"]?.members else {
            throw MetaError.notFound(run.id, method: "GET")
        }
        var params = MetaParams()
        for (name, value) in stored { params.set(name, value) }
        for name in ["limit", "after", "before"] { if let value = call.params[name] { params.set(name, value) } }
        let root: InsightsRoot
        if MetaCall.isAccountNode(rootID) {
            root = .account(rootID)
        } else if let entity = world.entity(Self.platformID, rootID) {
            root = .entity(entity)
        } else {
            throw MetaError.notFound(rootID, method: "GET")
        }
        var inner = call
        inner.params = params
        return try insights(root: root, call: inner, world: world)
    }

    /// The rows of an insights request, in object then date order.
    func insightsRows(root: InsightsRoot, params: MetaParams, world: MockWorld) throws(MetaError) -> [MockJSON] {
        let account: String
        let rootLevel: String
        var rootEntity: MockEntity?
        switch root {
        case .account(let node):
            account = node
            rootLevel = "account"
        case .entity(let entity):
            account = entity.accountID
            rootEntity = entity
            rootLevel =
                entity.kind == MetaKind.campaign ? "campaign" : (entity.kind == MetaKind.adSet ? "adset" : "ad")
        }
        let campaigns = world.entities(Self.platformID, kind: MetaKind.campaign, account: account, includeDeleted: true)
        let now = world.now
        let today = MetaTime.dayNumber(now)
        let firstDay = campaigns.first.map { MetaTime.dayNumber($0.createdAt) } ?? today
        let query = try MetaInsightsQuery(params, rootLevel: rootLevel, today: today, firstDay: firstDay)
        let adSets = world.entities(Self.platformID, kind: MetaKind.adSet, account: account, includeDeleted: true)
        let ads = world.entities(Self.platformID, kind: MetaKind.ad, account: account, includeDeleted: true)
        let campaignByID = Dictionary(campaigns.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let adSetByID = Dictionary(adSets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let campaignOrder = Dictionary(
            campaigns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let adSetOrder = Dictionary(adSets.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        var adsPerAdSet: [String: Int] = [:]
        var adSetsPerCampaign: [String: Set<String>] = [:]
        var groups: [String: InsightsGroup] = [:]
        var groupOfAd: [String: String] = [:]
        for (position, ad) in ads.enumerated() {
            guard let adSetID = ad.parentID, let adSet = adSetByID[adSetID], let campaignID = adSet.parentID,
                let campaign = campaignByID[campaignID]
            else { continue }
            adsPerAdSet[adSetID, default: 0] += 1
            adSetsPerCampaign[campaignID, default: []].insert(adSetID)
            if let rootEntity {
                let owner =
                    rootEntity.kind == MetaKind.campaign
                    ? campaign.id : (rootEntity.kind == MetaKind.adSet ? adSet.id : ad.id)
                guard owner == rootEntity.id else { continue }
            }
            let passes = query.filters.allSatisfy { filter in
                filter.matches(
                    insightsFilterValue(filter.field, ad: ad, adSet: adSet, campaign: campaign, world: world))
            }
            guard passes else { continue }
            let key: String
            let order: Int
            switch query.level {
            case "account": (key, order) = (account, 0)
            case "campaign": (key, order) = (campaign.id, campaignOrder[campaign.id] ?? 0)
            case "adset": (key, order) = (adSet.id, adSetOrder[adSet.id] ?? 0)
            default: (key, order) = (ad.id, position)
            }
            if groups[key] == nil {
                groups[key] = InsightsGroup(
                    key: key, order: order, campaign: query.level == "account" ? nil : campaign,
                    adSet: query.level == "adset" || query.level == "ad" ? adSet : nil,
                    ad: query.level == "ad" ? ad : nil)
            }
            groups[key]?.ads.append(ad)
            groupOfAd[ad.id] = key
        }

        let events = world.pixelEvents(platform: Self.platformID).filter { event in
            event.isConversion && event.attributedAdID.flatMap { groupOfAd[$0] } != nil
        }
        let sorted = groups.values.sorted(by: { ($0.order, $0.key) < ($1.order, $1.key) })
        let sources = sorted.map {
            Self.deliverySources($0.ads, adsPerAdSet: adsPerAdSet, adSetsPerCampaign: adSetsPerCampaign)
        }
        // Every group's every span from one delivery model: a month of daily rows per ad shares its budgets' days.
        var ranges: [(entityID: String, from: Date, to: Date)] = []
        for groupSources in sources {
            for span in query.spans {
                let from = MetaTime.date(dayNumber: span.first)
                let to = MetaTime.date(dayNumber: span.last + 1)
                for source in groupSources { ranges.append((source, from, to)) }
            }
        }
        var delivered = world.deliveries(Self.platformID, ranges).makeIterator()
        var rows: [MockJSON] = []
        for (group, groupSources) in zip(sorted, sources) {
            let groupEvents = events.filter { event in event.attributedAdID.flatMap { groupOfAd[$0] } == group.key }
            for span in query.spans {
                let from = MetaTime.date(dayNumber: span.first)
                let to = MetaTime.date(dayNumber: span.last + 1)
                var totals = DeliveryTotals()
                for _ in groupSources { totals = totals + (delivered.next() ?? DeliveryTotals()) }
                var actions: [String: (count: Int64, micros: Int64)] = [:]
                for event in groupEvents where event.receivedAt >= from && event.receivedAt < to {
                    let type = MetaVocabulary.actionType(forEvent: event.event)
                    actions[type, default: (0, 0)].count += 1
                    actions[type, default: (0, 0)].micros += event.valueMicros ?? 0
                }
                MetaDeliveryInputs.addModelledConversions(totals, to: &actions)
                guard totals.impressions > 0 || totals.clicks > 0 || totals.spendMicros > 0 || !actions.isEmpty else {
                    continue
                }
                rows.append(
                    Self.insightsRow(
                        query.fields, group: group, account: account, span: span, totals: totals, actions: actions))
            }
        }
        return rows
    }

    /// The fewest entities whose delivery adds up to exactly these ads: whole campaigns and ad sets where every
    /// ad of theirs is included, single ads otherwise.
    private static func deliverySources(
        _ ads: [MockEntity], adsPerAdSet: [String: Int], adSetsPerCampaign: [String: Set<String>]
    ) -> [String] {
        var adsByAdSet: [(String, [String], String)] = []
        var index: [String: Int] = [:]
        for ad in ads {
            guard let adSetID = ad.parentID else { continue }
            if let at = index[adSetID] {
                adsByAdSet[at].1.append(ad.id)
            } else {
                index[adSetID] = adsByAdSet.count
                adsByAdSet.append((adSetID, [ad.id], ad.fields["campaign_id"]?.string ?? ""))
            }
        }
        var sources: [String] = []
        var fullAdSets: [(String, [String])] = []
        var campaignIndex: [String: Int] = [:]
        for (adSetID, adIDs, campaignID) in adsByAdSet {
            guard adIDs.count == adsPerAdSet[adSetID] else {
                sources += adIDs
                continue
            }
            if let at = campaignIndex[campaignID] {
                fullAdSets[at].1.append(adSetID)
            } else {
                campaignIndex[campaignID] = fullAdSets.count
                fullAdSets.append((campaignID, [adSetID]))
            }
        }
        for (campaignID, adSetIDs) in fullAdSets {
            if Set(adSetIDs) == adSetsPerCampaign[campaignID] {
                sources.append(campaignID)
            } else {
                sources += adSetIDs
            }
        }
        return sources
    }

    /// The value an insights `filtering` clause compares for an ad.
    private func insightsFilterValue(
        _ field: String, ad: MockEntity, adSet: MockEntity, campaign: MockEntity, world: MockWorld
    ) -> String? {
        switch field {
        case "campaign.id": campaign.id
        case "adset.id": adSet.id
        case "ad.id": ad.id
        case "campaign.name": campaign.name
        case "adset.name": adSet.name
        case "ad.name": ad.name
        case "campaign.effective_status": effectiveStatus(of: campaign, world: world)
        case "adset.effective_status": effectiveStatus(of: adSet, world: world)
        default: effectiveStatus(of: ad, world: world)
        }
    }

    /// One insights row: the fields asked for that apply at the level, then `date_start` and `date_stop`.
    private static func insightsRow(
        _ fields: [String], group: InsightsGroup, account: String, span: MetaInsightsQuery.Span,
        totals: DeliveryTotals, actions: [String: (count: Int64, micros: Int64)]
    ) -> MockJSON {
        let impressions = totals.impressions
        let clicks = totals.clicks
        let spend = Double(totals.spendMicros) / 1_000_000
        let reach = impressions * 10 / 13
        let uniqueClicks = clicks - clicks / 10
        let pixelTypes = actions.keys.sorted()
        func stats(_ pairs: [(String, String)]) -> MockJSON? {
            pairs.isEmpty
                ? nil
                : .array(pairs.map { .object([("action_type", .string($0.0)), ("value", .string($0.1))]) })
        }
        var members: [(String, MockJSON)] = []
        for field in fields {
            let value: MockJSON?
            switch field {
            case "account_id": value = .string(MetaCall.accountDigits(account))
            case "account_name": value = .string("AdOps mock account \(MetaCall.accountDigits(account))")
            case "account_currency": value = .string("USD")
            case "campaign_id": value = group.campaign.map { .string($0.id) }
            case "campaign_name": value = group.campaign.map { .string($0.name) }
            case "adset_id": value = group.adSet.map { .string($0.id) }
            case "adset_name": value = group.adSet.map { .string($0.name) }
            case "ad_id": value = group.ad.map { .string($0.id) }
            case "ad_name": value = group.ad.map { .string($0.name) }
            case "objective": value = group.campaign?.fields["objective"]
            case "buying_type": value = group.campaign?.fields["buying_type"]
            case "optimization_goal": value = group.adSet?.fields["optimization_goal"]
            case "impressions": value = .string(String(impressions))
            case "clicks", "inline_link_clicks": value = .string(String(clicks))
            case "unique_clicks", "unique_inline_link_clicks": value = .string(String(uniqueClicks))
            case "spend": value = .string(MetaNumbers.major(micros: totals.spendMicros))
            case "reach": value = .string(String(reach))
            case "frequency": value = reach > 0 ? .string(MetaNumbers.ratio(Double(impressions) / Double(reach))) : nil
            case "cpm": value = impressions > 0 ? .string(MetaNumbers.ratio(spend * 1_000 / Double(impressions))) : nil
            case "cpp": value = reach > 0 ? .string(MetaNumbers.ratio(spend * 1_000 / Double(reach))) : nil
            case "cpc", "cost_per_inline_link_click":
                value = clicks > 0 ? .string(MetaNumbers.ratio(spend / Double(clicks))) : nil
            case "ctr", "inline_link_click_ctr":
                value =
                    impressions > 0 ? .string(MetaNumbers.ratio(Double(clicks) * 100 / Double(impressions))) : nil
            case "unique_ctr":
                value = reach > 0 ? .string(MetaNumbers.ratio(Double(uniqueClicks) * 100 / Double(reach))) : nil
            case "outbound_clicks":
                value = stats(clicks > 0 ? [("outbound_click", String(clicks))] : [])
            case "actions":
                value = stats(
                    (clicks > 0 ? [("link_click", String(clicks))] : [])
                        + pixelTypes.compactMap { type in actions[type].map { (type, String($0.count)) } })
            case "action_values":
                value = stats(
                    pixelTypes.compactMap { type in
                        actions[type].flatMap { $0.micros > 0 ? (type, MetaNumbers.major(micros: $0.micros)) : nil }
                    })
            case "cost_per_action_type":
                value = stats(
                    pixelTypes.compactMap { type in
                        actions[type].flatMap {
                            $0.count > 0 ? (type, MetaNumbers.ratio(spend / Double($0.count))) : nil
                        }
                    })
            case "website_purchase_roas", "purchase_roas":
                let purchases = actions["offsite_conversion.fb_pixel_purchase"]?.micros ?? 0
                value =
                    purchases > 0 && totals.spendMicros > 0
                    ? stats([
                        (
                            field == "purchase_roas" ? "omni_purchase" : "offsite_conversion.fb_pixel_purchase",
                            MetaNumbers.ratio(Double(purchases) / Double(totals.spendMicros))
                        )
                    ]) : nil
            default: value = nil
            }
            if let value { members.append((field, value)) }
        }
        members.append(("date_start", .string(MetaTime.day(MetaTime.date(dayNumber: span.first)))))
        members.append(("date_stop", .string(MetaTime.day(MetaTime.date(dayNumber: span.last)))))
        return .object(members)
    }
}

/// An insights row's cursor key: `row:<snapshot>:<position>`, or `row:<position>` when its rows were not kept.
private struct InsightsCursor {
    var snapshot: UInt64?
    var position: Int

    init(snapshot: UInt64?, position: Int) {
        self.snapshot = snapshot
        self.position = position
    }

    /// Reads a key; `nil` for one that is not an insights row's.
    init?(_ key: String) {
        guard key.hasPrefix("row:") else { return nil }
        let parts = key.dropFirst(4).split(separator: ":")
        switch parts.count {
        case 1:
            guard let position = Int(parts[0]) else { return nil }
            self.init(snapshot: nil, position: position)
        case 2:
            guard let snapshot = UInt64(parts[0]), let position = Int(parts[1]) else { return nil }
            self.init(snapshot: snapshot, position: position)
        default: return nil
        }
    }

    var key: String { snapshot.map { "row:\($0):\(position)" } ?? "row:\(position)" }
}
