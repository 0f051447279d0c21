import Foundation

extension TikTokEmulator {
    /// An entity the advertiser can act on: unknown ids, another advertiser's and deleted ones answer 40007.
    func lookup(
        _ world: MockWorld, kind: TikTokKind, id: String, advertiser: String, field: String
    ) throws(TikTokError) -> MockEntity {
        guard let entity = world.entity(Self.platformID, id), entity.kind == kind.entityKind,
            entity.accountID == advertiser
        else { throw .notExist(field, "\(kind.label) \(id) does not exist under advertiser \(advertiser).") }
        guard !entity.deleted else { throw .notExist(field, "\(kind.label) \(id) has been deleted.") }
        return entity
    }

    /// `/campaign/get/`, `/adgroup/get/`, `/ad/get/`: `filtering` by ids, name (contains, case-insensitive),
    /// parent ids, `primary_status`, `secondary_status`, `objective_type` and creation time; `fields`; `page`
    /// and `page_size`. Deleted entities are hidden unless a status filter asks for them.
    func list(_ call: TikTokCall, kind: TikTokKind) throws(TikTokError) -> MockJSON {
        let query = call.query
        let advertiser = try query.advertiserID()
        let (page, size) = try query.paging()
        let fields = try query.stringList("fields")
        let filter = TikTokParams(json: try query.object("filtering") ?? [])
        let ids = try filter.stringList(kind.idsField).map(Set.init)
        let name = try filter.string(kind.nameField)?.lowercased()
        let campaignIDs = kind == .campaign ? nil : try filter.stringList("campaign_ids").map(Set.init)
        let adgroupIDs = kind == .ad ? try filter.stringList("adgroup_ids").map(Set.init) : nil
        let primary = try filter.enumValue("primary_status", TikTokEnums.primaryStatuses) ?? "STATUS_NOT_DELETE"
        let secondary = try filter.string("secondary_status")
        let objective = try filter.string("objective_type")
        let createdFrom = try Self.filterTime(filter, "creation_filter_start_time")
        let createdTo = try Self.filterTime(filter, "creation_filter_end_time")
        for idList in [ids, campaignIDs, adgroupIDs] {
            if let idList, idList.count > 100 { throw .invalid("filtering", "An id list takes at most 100 ids.") }
        }
        let includeDeleted =
            primary == "STATUS_ALL" || primary == "STATUS_DELETE" || (secondary?.hasSuffix("_DELETE") ?? false)
        let candidates = call.world.entities(
            Self.platformID, kind: kind.entityKind, account: advertiser, includeDeleted: includeDeleted
        ) { entity in
            (ids?.contains(entity.id) ?? true)
                && (name.map { entity.name.lowercased().contains($0) } ?? true)
                && (adgroupIDs.map { entity.parentID.map($0.contains) ?? false } ?? true)
                && (campaignIDs.map { set in
                    set.contains((kind == .adgroup ? entity.parentID : entity.fields["campaign_id"]?.string) ?? "")
                } ?? true)
                && (createdFrom.map { entity.createdAt >= $0 } ?? true)
                && (createdTo.map { entity.createdAt <= $0 } ?? true)
        }
        var lineage = TikTokLineage(world: call.world, now: call.now)
        var matching: [(MockEntity, String)] = []
        matching.reserveCapacity(candidates.count)
        for entity in candidates {
            let status = lineage.secondaryStatus(of: entity, kind: kind)
            if let secondary, status != secondary { continue }
            switch primary {
            case "STATUS_ALL", "STATUS_NOT_DELETE": break
            default: if TikTokLineage.primaryStatus(of: status) != primary { continue }
            }
            if let objective {
                let campaign = kind == .campaign ? entity : lineage.ancestors(of: entity).last
                if campaign?.fields["objective_type"]?.string != objective { continue }
            }
            matching.append((entity, status))
        }
        let start = min((page - 1) * size, matching.count)
        let end = min(start + size, matching.count)
        var rows: [MockJSON] = []
        rows.reserveCapacity(end - start)
        for (entity, _) in matching[start..<end] {
            rows.append(Self.project(lineage.view(of: entity, kind: kind), fields: fields))
        }
        return Self.page(rows, page: page, size: size, total: matching.count)
    }

    /// `{"list":[…],"page_info":{page,page_size,total_number,total_page}}`.
    static func page(_ rows: [MockJSON], page: Int, size: Int, total: Int) -> MockJSON {
        .object([
            ("list", .array(rows)),
            (
                "page_info",
                .object([
                    ("page", .int(page)), ("page_size", .int(size)), ("total_number", .int(total)),
                    ("total_page", .int((total + size - 1) / size)),
                ])
            ),
        ])
    }

    /// Keeps only the requested fields, in the requested order (`null` for fields the entity has no value for).
    static func project(_ view: MockJSON, fields: [String]?) -> MockJSON {
        guard let fields, !fields.isEmpty else { return view }
        return .object(fields.map { ($0, view[$0] ?? .null) })
    }

    private static func filterTime(_ filter: TikTokParams, _ name: String) throws(TikTokError) -> Date? {
        guard let text = try filter.string(name) else { return nil }
        guard let date = TikTokTime.parse(text) else {
            throw .invalid("filtering.\(name)", "Not a valid time. Use YYYY-MM-DD HH:MM:SS.")
        }
        return date
    }

    /// `/…/status/update/`: `ENABLE`, `DISABLE` or `DELETE` for up to 20 campaigns or 100 ad groups or ads. The
    /// call is all-or-nothing: any unknown, foreign or deleted id answers 40007 and changes nothing. Deleting
    /// cascades to the entity's ad groups and ads, as on TikTok.
    func updateStatus(_ call: TikTokCall, kind: TikTokKind) throws(TikTokError) -> MockJSON {
        let body = try call.body()
        let advertiser = try body.advertiserID()
        var idsField = kind.idsField
        if kind == .ad, !body.has("ad_ids"), body.has("aco_ad_ids") { idsField = "aco_ad_ids" }
        let ids = try body.requiredStringList(idsField, maximum: kind.statusUpdateLimit)
        let status = try body.requiredEnum("operation_status", TikTokEnums.statusUpdates)
        var unique: [String] = []
        for id in ids where !unique.contains(id) {
            _ = try lookup(call.world, kind: kind, id: id, advertiser: advertiser, field: idsField)
            unique.append(id)
        }
        let time = MockJSON.string(call.timestamp)
        for id in unique {
            if status == "DELETE" {
                delete(id, kind: kind, advertiser: advertiser, world: call.world, time: time)
            } else {
                call.world.update(Self.platformID, id) { entity, now in
                    entity.fields = entity.fields.setting("operation_status", .string(status)).setting(
                        "modify_time", time)
                    entity.setActive(status == "ENABLE", at: now)
                }
            }
        }
        return .object([(idsField, .array(unique.map(MockJSON.string))), ("status", .string(status))])
    }

    /// Marks an entity and everything under it deleted and stops its delivery.
    func delete(_ id: String, kind: TikTokKind, advertiser: String, world: MockWorld, time: MockJSON) {
        world.update(Self.platformID, id) { entity, now in
            entity.deleted = true
            entity.setActive(false, at: now)
            entity.fields = entity.fields.setting("operation_status", .string("DISABLE")).setting("modify_time", time)
        }
        let childKind: TikTokKind
        switch kind {
        case .campaign: childKind = .adgroup
        case .adgroup: childKind = .ad
        case .ad: return
        }
        for child in world.children(Self.platformID, of: id, kind: childKind.entityKind, account: advertiser) {
            delete(child.id, kind: childKind, advertiser: advertiser, world: world, time: time)
        }
    }

    /// Appends the body's members that are not modelled explicitly, so reads return what was sent (TikTok
    /// echoes targeting, bids and flags it stores).
    static func appendExtras(
        from body: TikTokParams, skipping known: Set<String>, to members: inout [(String, MockJSON)]
    ) {
        for (key, value) in body.members where !known.contains(key) {
            if case .null = value { continue }
            members.append((key, value))
        }
    }

    /// Micros of a major-unit amount.
    static func micros(_ amount: Double) -> Int64 { Int64((amount * 1_000_000).rounded()) }

    /// `12.34` from micros.
    static func money(_ micros: Int64) -> String {
        let cents = (micros + (micros >= 0 ? 5_000 : -5_000)) / 10_000
        let whole = abs(cents) / 100
        let fraction = abs(cents) % 100
        return (cents < 0 ? "-" : "") + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
