import Foundation

extension TikTokEmulator {
    /// Creative fields the ad handlers place explicitly; the rest of a creative is stored as sent.
    static let adKeys: Set<String> = [
        "advertiser_id", "campaign_id", "adgroup_id", "ad_id", "ad_name", "operation_status", "secondary_status",
        "create_time", "modify_time", "campaign_name", "adgroup_name",
    ]
    /// TikTok's ads-per-ad-group limit (SDK docs: "Each ad group can have up to 20 ads").
    static let adsPerAdGroup = 20

    /// `POST /ad/create/`: `advertiser_id`, `adgroup_id` and `creatives` required. Each creative is validated
    /// (see ``checkCreative(_:index:advertiser:world:promotion:creating:)``) before any ad is stored; answers
    /// `ad_ids` and the stored ads as `creatives`.
    func createAds(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let body = try call.body()
        let advertiser = try body.advertiserID()
        let adgroupID = try body.requiredID("adgroup_id")
        guard let creatives = try body.list("creatives") else { throw .missing("creatives") }
        guard !creatives.isEmpty else { throw .invalid("creatives", "Length must be at least 1.") }
        let adgroup = try lookup(call.world, kind: .adgroup, id: adgroupID, advertiser: advertiser, field: "adgroup_id")
        let existing = call.world.childCount(
            Self.platformID, of: adgroupID, kind: TikTokKind.ad.entityKind, account: advertiser)
        guard existing + creatives.count <= Self.adsPerAdGroup else {
            throw TikTokError(
                code: 40502,
                message: "creatives: An ad group can have up to \(Self.adsPerAdGroup) ads; ad group \(adgroupID) "
                    + "already has \(existing).")
        }
        let promotion = adgroup.fields["promotion_type"]?.string
        var checked: [TikTokParams] = []
        for (index, creative) in creatives.enumerated() {
            guard case .object(let members) = creative else {
                throw .invalid("creatives[\(index)]", "Not a valid object.")
            }
            let params = TikTokParams(json: members)
            try checkCreative(
                params, index: index, advertiser: advertiser, world: call.world, promotion: promotion, creating: true)
            checked.append(params)
        }
        let time = MockJSON.string(call.timestamp)
        let campaignID = adgroup.parentID ?? ""
        var lineage = TikTokLineage(world: call.world, now: call.now)
        var ids: [MockJSON] = []
        var views: [MockJSON] = []
        for params in checked {
            let id = call.world.mintID(.tiktok)
            let format = params.raw("ad_format")?.string ?? "SINGLE_IMAGE"
            let name = params.raw("ad_name")?.string ?? "\(format) \(TikTokTime.format(call.now))"
            let status = params.raw("operation_status")?.string ?? "ENABLE"
            var members: [(String, MockJSON)] = [
                ("advertiser_id", .string(advertiser)), ("campaign_id", .string(campaignID)),
                ("adgroup_id", .string(adgroupID)), ("ad_id", .string(id)), ("ad_name", .string(name)),
            ]
            Self.appendExtras(from: params, skipping: Self.adKeys, to: &members)
            members += [("operation_status", .string(status)), ("create_time", time), ("modify_time", time)]
            var entity = MockEntity(
                platform: Self.platformID, kind: TikTokKind.ad.entityKind, id: id, accountID: advertiser,
                parentID: adgroupID, name: name, fields: .object(members), createdAt: call.now, role: .leaf,
                active: status == "ENABLE")
            entity.landingURL = params.raw("landing_page_url")?.string
            call.world.insert(entity)
            ids.append(.string(id))
            views.append(lineage.view(of: entity, kind: .ad))
        }
        return .object([("ad_ids", .array(ids)), ("creatives", .array(views))])
    }

    /// `POST /ad/update/`: `advertiser_id`, `adgroup_id` and `creatives` required, each creative naming the
    /// `ad_id` it changes (an ad of that ad group). Given fields are validated as on create and replace the
    /// stored ones.
    func updateAds(_ call: TikTokCall) throws(TikTokError) -> MockJSON {
        let body = try call.body()
        let advertiser = try body.advertiserID()
        let adgroupID = try body.requiredID("adgroup_id")
        guard let creatives = try body.list("creatives") else { throw .missing("creatives") }
        guard !creatives.isEmpty else { throw .invalid("creatives", "Length must be at least 1.") }
        let adgroup = try lookup(call.world, kind: .adgroup, id: adgroupID, advertiser: advertiser, field: "adgroup_id")
        let promotion = adgroup.fields["promotion_type"]?.string
        var checked: [(String, TikTokParams)] = []
        for (index, creative) in creatives.enumerated() {
            guard case .object(let members) = creative else {
                throw .invalid("creatives[\(index)]", "Not a valid object.")
            }
            let params = TikTokParams(json: members)
            let adID: String
            do throws(TikTokError) {
                adID = try params.requiredID("ad_id")
                let ad = try lookup(call.world, kind: .ad, id: adID, advertiser: advertiser, field: "ad_id")
                guard ad.parentID == adgroupID else {
                    throw TikTokError.notExist("ad_id", "Ad \(adID) does not belong to ad group \(adgroupID).")
                }
            } catch {
                throw TikTokError(code: error.code, message: "creatives[\(index)]." + error.message)
            }
            try checkCreative(
                params, index: index, advertiser: advertiser, world: call.world, promotion: promotion, creating: false)
            checked.append((adID, params))
        }
        let time = MockJSON.string(call.timestamp)
        var lineage = TikTokLineage(world: call.world, now: call.now)
        var ids: [MockJSON] = []
        var views: [MockJSON] = []
        for (adID, params) in checked {
            var changes: [(String, MockJSON)] = []
            Self.appendExtras(from: params, skipping: Self.adKeys.subtracting(["ad_name"]), to: &changes)
            let updated = call.world.update(Self.platformID, adID) { entity, _ in
                var fields = entity.fields
                for (key, value) in changes { fields = fields.setting(key, value) }
                if let name = params.raw("ad_name")?.string { entity.name = name }
                if let landing = params.raw("landing_page_url")?.string { entity.landingURL = landing }
                entity.fields = fields.setting("modify_time", time)
            }
            if let updated {
                ids.append(.string(adID))
                views.append(lineage.view(of: updated, kind: .ad))
            }
        }
        return .object([("ad_ids", .array(ids)), ("creatives", .array(views))])
    }

    /// Validates one creative, prefixing errors with `creatives[i].`: `ad_format` (required on create) from the
    /// enum; `ad_text` 1–100 (CJK counts 2, no emoji; required on create unless a Spark post `tiktok_item_id` is
    /// given); `ad_name` ≤ 512; `display_name` 1–40 (CJK counts 2); `call_to_action` from the enum;
    /// `landing_page_url` an http(s) URL, required on create for `WEBSITE` ad groups; `image_ids` (existing
    /// images of the advertiser, else 40007) required for image formats, `video_id` for video; `identity_type`
    /// from the enum with its `identity_id`.
    func checkCreative(
        _ params: TikTokParams, index: Int, advertiser: String, world: MockWorld, promotion: String?, creating: Bool
    ) throws(TikTokError) {
        do throws(TikTokError) {
            let format =
                creating
                ? try params.requiredEnum("ad_format", TikTokEnums.adFormats)
                : try params.enumValue("ad_format", TikTokEnums.adFormats)
            if let name = try params.string("ad_name") { try TikTokText.checkName(name, field: "ad_name") }
            if let text = try params.string("ad_text") {
                try TikTokText.checkWeighted(text, field: "ad_text", maximum: 100)
            } else if creating, !params.has("tiktok_item_id") {
                throw TikTokError.missing("ad_text")
            }
            if let display = try params.string("display_name") {
                try TikTokText.checkWeighted(display, field: "display_name", maximum: 40)
            }
            _ = try params.enumValue("call_to_action", TikTokEnums.callsToAction)
            _ = try params.enumValue("operation_status", TikTokEnums.createStatuses)
            if let url = try params.string("landing_page_url") {
                guard Self.isWebURL(url) else {
                    throw TikTokError.invalid("landing_page_url", "Not a valid URL. Use an http(s) URL.")
                }
            } else if creating, promotion == "WEBSITE", !params.has("page_id") {
                throw TikTokError.missing("landing_page_url")
            }
            if try params.enumValue("identity_type", TikTokEnums.identityTypes) != nil {
                guard let identity = try params.string("identity_id"), !identity.isEmpty else {
                    throw TikTokError.missing("identity_id")
                }
            }
            let images = try params.stringList("image_ids")
            if creating, format == "SINGLE_IMAGE" || format == "CAROUSEL_ADS", images?.isEmpty ?? true {
                throw TikTokError.missing("image_ids")
            }
            if creating, format == "SINGLE_VIDEO", (try params.string("video_id"))?.isEmpty ?? true {
                throw TikTokError.missing("video_id")
            }
            for image in images ?? [] {
                guard let entity = world.entity(Self.platformID, image), entity.kind == "image",
                    entity.accountID == advertiser
                else { throw TikTokError.notExist("image_ids", "Image \(image) does not exist.") }
            }
        } catch {
            throw TikTokError(code: error.code, message: "creatives[\(index)]." + error.message)
        }
    }

    /// Whether a string is an absolute http(s) URL with a host.
    static func isWebURL(_ text: String) -> Bool {
        guard text.utf8.count <= 2048, text.hasPrefix("https://") || text.hasPrefix("http://"),
            let components = URLComponents(string: text), let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}
