import Foundation

extension MetaEmulator {
    /// Which part of an account a list covers.
    enum ListScope {
        /// A campaign's ad sets or ads.
        case campaign(String)
        /// An ad set's ads.
        case adSet(String)
        /// Only these ids.
        case ids([String])
    }

    /// The fields `filtering` may name on entity lists.
    static let listFilterFields: Set<String> = [
        "id", "name", "effective_status", "configured_status", "status", "campaign.id", "campaign_id", "adset.id",
        "adset_id", "ad.id", "campaign.name", "adset.name", "ad.name", "objective", "campaign.objective",
        "created_time", "updated_time", "hash", "ad.effective_status", "adset.effective_status",
        "campaign.effective_status",
    ]

    /// `GET act_<id>/<edge>` (and a campaign's or ad set's edges): `fields`, `filtering`, `effective_status`,
    /// `hashes` (images), `limit`/`after`/`before`, `summary`. Deleted objects are listed only when asked for by
    /// effective status.
    func list(
        kind: String, account: String, scope: ListScope?, call: MetaCall, world: MockWorld
    ) throws(MetaError)
        -> MockResponse
    {
        let params = call.params
        let selection = try MetaFieldSelection(
            params, kind: kind, defaults: kind == MetaKind.image ? ["hash", "id"] : ["id"])
        let filters = try MetaFilter.parse(params, fields: Self.listFilterFields)
        let statuses = try params.list("effective_status")
        for status in statuses ?? [] where !MetaVocabulary.effectiveStatuses.contains(status) {
            throw MetaError.notInEnum("effective_status[0]", MetaVocabulary.effectiveStatuses.ordered)
        }
        let hashes = kind == MetaKind.image ? try params.list("hashes").map(Set.init) : nil
        let pager = try MetaPager(params)
        let summary = try Self.wantsSummary(params)
        let includeDeleted =
            statuses?.contains("DELETED") == true
            || filters.contains { filter in
                filter.field.hasSuffix("status")
                    && (filter.value.text == "DELETED" || filter.value.array?.contains { $0.text == "DELETED" } == true)
            }

        // Graph leaves archived objects out of an edge unless a status filter asks for them (Meta, "Deleted
        // versus archived").
        let includeArchived =
            statuses?.contains("ARCHIVED") == true
            || filters.contains { filter in
                filter.field.hasSuffix("status")
                    && (filter.value.text == "ARCHIVED"
                        || filter.value.array?.contains { $0.text == "ARCHIVED" } == true)
            }
        let all = world.entities(Self.platformID, kind: kind, account: account, includeDeleted: true)
        var items: [(position: Int, key: String, item: MockEntity)] = []
        for (position, entity) in all.enumerated() {
            if entity.deleted, !includeDeleted { continue }
            if entity.fields["status"]?.string == "ARCHIVED", !includeArchived { continue }
            if let scope, !Self.inScope(entity, scope) { continue }
            if let hashes, !hashes.contains(entity.fields["hash"]?.string ?? "") { continue }
            if let statuses, !statuses.contains(effectiveStatus(of: entity, world: world)) { continue }
            if !filters.allSatisfy({ $0.matches(filterValue($0.field, of: entity, world: world)) }) { continue }
            items.append((position, entity.id, entity))
        }
        let (page, paging) = try pager.page(
            items, position: { key in all.firstIndex { $0.id == key } }, call: call)
        var data: [MockJSON] = []
        data.reserveCapacity(page.count)
        for entity in page { data.append(try render(entity, selection: selection, world: world)) }
        var body: [(String, MockJSON)] = [("data", .array(data))]
        if let paging { body.append(("paging", paging)) }
        if summary { body.append(("summary", .object([("total_count", .int(items.count))]))) }
        return .json(.object(body))
    }

    /// Whether `summary` asks for `total_count` (`true`, `1`, `total_count`, or a list naming it).
    static func wantsSummary(_ params: MetaParams) throws(MetaError) -> Bool {
        guard let value = params["summary"] else { return false }
        switch value {
        case .bool(let flag): return flag
        case .array(let items): return items.contains { $0.text == "total_count" || $0.bool == true }
        case .string(let text), .number(let text):
            let lowered = text.lowercased()
            return lowered == "true" || lowered == "1" || lowered.split(separator: ",").contains("total_count")
        default: throw MetaError.param("param summary must be a boolean or a list of summary fields.")
        }
    }

    private static func inScope(_ entity: MockEntity, _ scope: ListScope) -> Bool {
        switch scope {
        case .campaign(let id):
            entity.kind == MetaKind.adSet ? entity.parentID == id : entity.fields["campaign_id"]?.string == id
        case .adSet(let id): entity.parentID == id
        case .ids(let ids): ids.contains(entity.id)
        }
    }

    /// The value a `filtering` clause compares for an entity.
    func filterValue(_ field: String, of entity: MockEntity, world: MockWorld) -> String? {
        switch field {
        case "id", "ad.id": return entity.id
        case "name", "ad.name": return entity.name
        case "effective_status", "ad.effective_status": return effectiveStatus(of: entity, world: world)
        case "configured_status", "status": return entity.fields["status"]?.string
        case "campaign.id", "campaign_id":
            return entity.kind == MetaKind.campaign ? entity.id : entity.fields["campaign_id"]?.string
        case "adset.id", "adset_id":
            return entity.kind == MetaKind.adSet ? entity.id : entity.fields["adset_id"]?.string
        case "campaign.name", "campaign.objective", "objective", "campaign.effective_status":
            let campaign =
                entity.kind == MetaKind.campaign
                ? entity : entity.fields["campaign_id"]?.string.flatMap { world.entity(Self.platformID, $0) }
            guard let campaign else { return nil }
            if field == "campaign.name" { return campaign.name }
            if field == "campaign.effective_status" { return effectiveStatus(of: campaign, world: world) }
            return campaign.fields["objective"]?.string
        case "adset.name", "adset.effective_status":
            let adSet =
                entity.kind == MetaKind.adSet
                ? entity : entity.fields["adset_id"]?.string.flatMap { world.entity(Self.platformID, $0) }
            guard let adSet else { return nil }
            return field == "adset.name" ? adSet.name : effectiveStatus(of: adSet, world: world)
        case "created_time", "updated_time":
            return entity.fields[field]?.string.flatMap(MetaTime.parse).map {
                String(MetaTime.epochSeconds($0))
            }
        default:
            return entity.fields[field]?.text
        }
    }
}
