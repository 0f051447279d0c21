import Foundation

/// Reads entities' parents once per request and derives what TikTok computes on read: `secondary_status`,
/// `primary_status` and the parent names shown on ad groups and ads.
struct TikTokLineage {
    let world: MockWorld
    let now: Date
    private var cache: [String: MockEntity?] = [:]

    /// A lineage reader for one request.
    init(world: MockWorld, now: Date) {
        self.world = world
        self.now = now
    }

    /// An entity by id, cached.
    mutating func entity(_ id: String?) -> MockEntity? {
        guard let id else { return nil }
        if let cached = cache[id] { return cached }
        let found = world.entity(TikTokEmulator.platformID, id)
        cache[id] = found
        return found
    }

    /// The ad group and campaign above an entity, nearest first.
    mutating func ancestors(of entity: MockEntity) -> [MockEntity] {
        var chain: [MockEntity] = []
        var current = entity
        while let parent = self.entity(current.parentID), chain.count < 3 {
            chain.append(parent)
            current = parent
        }
        return chain
    }

    /// TikTok's `secondary_status`: deleted, disabled (own or a parent's), not started or finished by schedule,
    /// else delivering.
    mutating func secondaryStatus(of entity: MockEntity, kind: TikTokKind) -> String {
        let prefix = kind.statusPrefix
        if entity.deleted { return prefix + "DELETE" }
        let enabled = entity.fields["operation_status"]?.string == "ENABLE"
        if kind == .campaign { return prefix + (enabled ? "ENABLE" : "DISABLE") }
        if !enabled { return prefix + "DISABLE" }
        let chain = ancestors(of: entity)
        for parent in chain {
            let parentKind = parent.kind == TikTokKind.campaign.entityKind ? "CAMPAIGN" : "ADGROUP"
            if parent.deleted { return prefix + parentKind + "_DELETE" }
            if parent.fields["operation_status"]?.string != "ENABLE" { return prefix + parentKind + "_DISABLE" }
        }
        let scheduled = kind == .adgroup ? entity : chain.first
        if let start = scheduled?.scheduleStart, start > now { return prefix + "NOT_START" }
        if let end = scheduled?.scheduleEnd, end <= now { return prefix + (kind == .adgroup ? "TIME_DONE" : "DONE") }
        return prefix + "DELIVERY_OK"
    }

    /// The `primary_status` family a secondary status belongs to.
    static func primaryStatus(of secondary: String) -> String {
        if secondary.hasSuffix("_STATUS_DELETE") { return "STATUS_DELETE" }
        if secondary.hasSuffix("_STATUS_DISABLE") { return "STATUS_DISABLE" }
        if secondary.hasSuffix("DELIVERY_OK") || secondary == "CAMPAIGN_STATUS_ENABLE" { return "STATUS_DELIVERY_OK" }
        return "STATUS_NOT_DELIVERY"
    }

    /// The object `/get/` returns: the stored fields, the parents' names, and `secondary_status`.
    mutating func view(of entity: MockEntity, kind: TikTokKind) -> MockJSON {
        var view = entity.fields
        switch kind {
        case .campaign: break
        case .adgroup:
            if let campaign = self.entity(entity.parentID) {
                view = view.setting("campaign_name", .string(campaign.name))
            }
        case .ad:
            if let adgroup = self.entity(entity.parentID) {
                view = view.setting("adgroup_name", .string(adgroup.name))
                if let campaign = self.entity(adgroup.parentID) {
                    view = view.setting("campaign_name", .string(campaign.name))
                }
            }
        }
        return view.setting("secondary_status", .string(secondaryStatus(of: entity, kind: kind)))
    }
}
