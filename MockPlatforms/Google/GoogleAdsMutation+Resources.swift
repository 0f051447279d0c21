import Foundation

/// Creates and update checks per resource: what the API requires, the defaults it fills in and the output-only
/// fields it computes, and how each resource takes part in the world's delivery.
extension GoogleAdsMutation {
    /// Creates one resource from a canonical `create` body.
    mutating func create(_ resource: GoogleAdsResource, _ body: MockJSON, location: Path) throws(Failure) -> Outcome {
        if body["id"] != nil {
            throw Failure(
                GoogleAdsError(
                    "newResourceCreationError", "CANNOT_SET_ID_FOR_CREATE", location: Self.at(location, "id")))
        }
        switch resource {
        case .campaignBudget: return try createBudget(body, location: location)
        case .campaign: return try createCampaign(body, location: location)
        case .adGroup: return try createAdGroup(body, location: location)
        case .adGroupAd: return try createAdGroupAd(body, location: location)
        case .asset: return try createAsset(body, location: location)
        case .campaignCriterion, .adGroupCriterion: return try createCriterion(resource, body, location: location)
        case .customer:
            throw Failure(GoogleAdsError("requestError", "OPERATION_REQUIRED", location: location))
        }
    }

    private func resourceName(_ resource: GoogleAdsResource, _ idPart: String) -> String {
        "customers/\(customerID)/\(resource.collection)/\(idPart)"
    }

    // MARK: Budgets

    private mutating func createBudget(_ body: MockJSON, location: Path) throws(Failure) -> Outcome {
        let shared = body["explicitlyShared"]?.bool ?? true
        let name = try Self.checkName(body["name"]?.string, required: shared, location: location)
        if let name, shared { try checkBudgetNameIsFree(name, except: nil, location: location) }
        let amount = try budgetAmount(body, location: location)
        let id = newID()
        let fields = body.setting("resourceName", .string(resourceName(.campaignBudget, id)))
            .setting("id", .string(id)).setting("status", .string("ENABLED"))
            .setting("deliveryMethod", body["deliveryMethod"] ?? .string("STANDARD"))
            .setting("period", body["period"] ?? .string("DAILY")).setting("explicitlyShared", .bool(shared))
            .setting("type", body["type"] ?? .string("STANDARD"))
        var entity = MockEntity(
            platform: "google", kind: GoogleAdsResource.campaignBudget.rowKey, id: id, accountID: customerID,
            parentID: nil, name: fields["name"]?.string ?? "", fields: fields, createdAt: now, role: .passive,
            active: false)
        if body["totalAmountMicros"] != nil {
            entity.lifetimeBudgetMicros = amount
        } else {
            entity.dailyBudgetMicros = amount
        }
        stage(entity, isNew: true)
        return Outcome(resourceName: resourceName(.campaignBudget, id), entityID: id, removed: false)
    }

    /// The budget's amount: `amountMicros` (daily) or `totalAmountMicros`, checked.
    private func budgetAmount(_ fields: MockJSON, location: Path) throws(Failure) -> Int64 {
        if let total = fields["totalAmountMicros"].flatMap(GoogleAdsPayloadDecoder.integer) {
            try Self.checkAmount(total, location: Self.at(location, "total_amount_micros"))
            return total
        }
        guard let amount = fields["amountMicros"].flatMap(GoogleAdsPayloadDecoder.integer) else {
            throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: Self.at(location, "amount_micros")))
        }
        try Self.checkAmount(amount, location: Self.at(location, "amount_micros"))
        return amount
    }

    private func checkBudgetNameIsFree(_ name: String, except id: String?, location: Path) throws(Failure) {
        let taken = !entities(.campaignBudget, indexed: stored(.campaignBudget, named: name)) {
            !$0.deleted && $0.id != id && $0.fields["explicitlyShared"]?.bool != false
                && $0.fields["name"]?.string == name
        }.isEmpty
        if taken {
            throw Failure(
                GoogleAdsError(
                    "campaignBudgetError", "DUPLICATE_NAME", trigger: GoogleAdsError.stringTrigger(name),
                    location: Self.at(location, "name")))
        }
    }

    // MARK: Campaigns

    private mutating func createCampaign(_ body: MockJSON, location: Path) throws(Failure) -> Outcome {
        guard let name = try Self.checkName(body["name"]?.string, required: true, location: location) else {
            throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: Self.at(location, "name")))
        }
        try checkCampaignNameIsFree(name, except: nil, location: location)
        let channel = body["advertisingChannelType"]?.string ?? "UNSPECIFIED"
        if channel == "UNSPECIFIED" {
            throw Failure(
                GoogleAdsError("fieldError", "REQUIRED", location: Self.at(location, "advertising_channel_type")))
        }
        if channel == "UNKNOWN" {
            throw Failure(
                GoogleAdsError(
                    "requestError", "INVALID_ENUM_VALUE", trigger: GoogleAdsError.stringTrigger(channel),
                    location: Self.at(location, "advertising_channel_type")))
        }
        let status = try Self.checkStatus(body["status"]?.string, creating: true, location: location)
        guard let budgetName = body["campaignBudget"]?.string else {
            throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: Self.at(location, "campaign_budget")))
        }
        let budget = try campaignBudget(budgetName, forCampaign: nil, location: location)
        let schedule = try Self.checkSchedule(body, location: location)
        let id = newID()
        let today = GoogleAdsDay(now)
        var fields = body.setting("resourceName", .string(resourceName(.campaign, id))).setting("id", .string(id))
            .setting("status", .string(status)).setting("servingStatus", .string("SERVING"))
            .setting("campaignBudget", budget.fields["resourceName"] ?? .string(budgetName))
            .setting("startDateTime", body["startDateTime"] ?? .string("\(today.text) 00:00:00"))
            .setting("endDateTime", body["endDateTime"] ?? .string("2037-12-30 23:59:59"))
        if let strategy = Self.oneofMember(body, message: "resources.Campaign", oneof: "campaign_bidding_strategy"),
            let type = Self.enumValue(for: strategy, in: "enums.BiddingStrategyTypeEnum.BiddingStrategyType")
        {
            fields = fields.setting("biddingStrategyType", .string(type))
        }
        var entity = MockEntity(
            platform: "google", kind: GoogleAdsResource.campaign.rowKey, id: id, accountID: customerID, parentID: nil,
            name: name, fields: fields, createdAt: now, role: .container, active: status == "ENABLED")
        Self.applyBudget(budget, to: &entity)
        entity.scheduleStart = schedule.start
        entity.scheduleEnd = schedule.end
        stage(entity, isNew: true)
        return Outcome(resourceName: resourceName(.campaign, id), entityID: id, removed: false)
    }

    /// The budget a campaign names: it must exist, not be removed, and be shareable if another campaign uses it.
    private func campaignBudget(
        _ name: String, forCampaign campaignID: String?, location: Path
    ) throws(Failure)
        -> MockEntity
    {
        let at = Self.at(location, "campaign_budget")
        let budget = try resolve(name, .campaignBudget, location: at)
        let trigger = GoogleAdsError.stringTrigger(name)
        if budget.deleted {
            throw Failure(
                GoogleAdsError("campaignBudgetError", "CAMPAIGN_BUDGET_REMOVED", trigger: trigger, location: at))
        }
        let canonical = budget.fields["resourceName"]?.string
        let usedElsewhere = !campaigns(usingBudget: canonical) { !$0.deleted && $0.id != campaignID }.isEmpty
        if usedElsewhere, budget.fields["explicitlyShared"]?.bool == false {
            throw Failure(
                GoogleAdsError(
                    "campaignBudgetError", "CANNOT_USE_IMPLICITLY_SHARED_CAMPAIGN_BUDGET_WITH_MULTIPLE_CAMPAIGNS",
                    trigger: trigger, location: at))
        }
        return budget
    }

    /// Copies a budget's amount onto the campaign, which carries it for delivery.
    static func applyBudget(_ budget: MockEntity, to campaign: inout MockEntity) {
        campaign.dailyBudgetMicros = budget.dailyBudgetMicros
        campaign.lifetimeBudgetMicros = budget.lifetimeBudgetMicros
    }

    private func checkCampaignNameIsFree(_ name: String, except id: String?, location: Path) throws(Failure) {
        let taken = !entities(.campaign, indexed: stored(.campaign, named: name)) {
            !$0.deleted && $0.id != id && $0.fields["name"]?.string == name
        }.isEmpty
        if taken {
            throw Failure(
                GoogleAdsError(
                    "campaignError", "DUPLICATE_CAMPAIGN_NAME", trigger: GoogleAdsError.stringTrigger(name),
                    location: Self.at(location, "name")))
        }
    }

    // MARK: Ad groups

    private mutating func createAdGroup(_ body: MockJSON, location: Path) throws(Failure) -> Outcome {
        guard let name = try Self.checkName(body["name"]?.string, required: true, location: location) else {
            throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: Self.at(location, "name")))
        }
        guard let campaignName = body["campaign"]?.string else {
            throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: Self.at(location, "campaign")))
        }
        let campaign = try resolveLiveParent(campaignName, .campaign, location: Self.at(location, "campaign"))
        try checkAdGroupNameIsFree(name, campaignID: campaign.id, except: nil, location: location)
        let status = try Self.checkStatus(body["status"]?.string, creating: true, location: location)
        let channel = campaign.fields["advertisingChannelType"]?.string ?? ""
        let allowed: [String: [String]] = [
            "SEARCH": ["SEARCH_STANDARD", "SEARCH_DYNAMIC_ADS"], "DISPLAY": ["DISPLAY_STANDARD"],
        ]
        var type = body["type"]?.string
        if let type, let permitted = allowed[channel], !permitted.contains(type) {
            throw Failure(
                GoogleAdsError(
                    "adGroupError", "AD_GROUP_TYPE_NOT_VALID_FOR_ADVERTISING_CHANNEL_TYPE",
                    trigger: GoogleAdsError.stringTrigger(type), location: Self.at(location, "type")))
        }
        if type == nil { type = allowed[channel]?.first }
        try Self.checkAdGroupBids(body, location: location)
        let id = newID()
        var fields = body.setting("resourceName", .string(resourceName(.adGroup, id))).setting("id", .string(id))
            .setting("campaign", campaign.fields["resourceName"] ?? .string(campaignName))
            .setting("status", .string(status))
        if let type { fields = fields.setting("type", .string(type)) }
        let entity = MockEntity(
            platform: "google", kind: GoogleAdsResource.adGroup.rowKey, id: id, accountID: customerID,
            parentID: campaign.id, name: name, fields: fields, createdAt: now, role: .container,
            active: status == "ENABLED")
        stage(entity, isNew: true)
        return Outcome(resourceName: resourceName(.adGroup, id), entityID: id, removed: false)
    }

    private func checkAdGroupNameIsFree(
        _ name: String, campaignID: String, except id: String?, location: Path
    )
        throws(Failure)
    {
        let taken = !entities(.adGroup, indexed: stored(.adGroup, named: name)) {
            !$0.deleted && $0.id != id && $0.parentID == campaignID && $0.fields["name"]?.string == name
        }.isEmpty
        if taken {
            throw Failure(
                GoogleAdsError(
                    "adGroupError", "DUPLICATE_ADGROUP_NAME", trigger: GoogleAdsError.stringTrigger(name),
                    location: Self.at(location, "name")))
        }
    }

    // MARK: Ads

    private mutating func createAdGroupAd(_ body: MockJSON, location: Path) throws(Failure) -> Outcome {
        guard let adGroupName = body["adGroup"]?.string else {
            throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: Self.at(location, "ad_group")))
        }
        let adGroup = try resolveLiveParent(adGroupName, .adGroup, location: Self.at(location, "ad_group"))
        let status = try Self.checkStatus(body["status"]?.string, creating: true, location: location)
        guard var ad = body["ad"] else {
            throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: Self.at(location, "ad")))
        }
        let adLocation = Self.at(location, "ad")
        guard let adType = Self.oneofMember(ad, message: "resources.Ad", oneof: "ad_data") else {
            throw Failure(
                GoogleAdsError(
                    "adError", "INVALID_AD_TYPE", message: "The ad has no ad type data set.",
                    location: adLocation))
        }
        var errors = Self.checkFinalURLs(ad["finalUrls"]?.array, location: adLocation)
        if adType == "responsiveSearchAd", let rsa = ad["responsiveSearchAd"] {
            errors += Self.checkResponsiveSearchAd(rsa, location: Self.at(adLocation, "responsive_search_ad"))
        }
        guard errors.isEmpty else { throw Failure(errors) }
        let adID = newID()
        ad = ad.setting("resourceName", .string("customers/\(customerID)/ads/\(adID)")).setting("id", .string(adID))
        if let type = Self.enumValue(for: adType, in: "enums.AdTypeEnum.AdType") {
            ad = ad.setting("type", .string(type))
        }
        let canonicalAdGroup = adGroup.fields["resourceName"]?.string ?? adGroupName
        let name = resourceName(.adGroupAd, "\(adGroup.id)~\(adID)")
        let fields = body.setting("resourceName", .string(name)).setting("status", .string(status))
            .setting("adGroup", .string(canonicalAdGroup)).setting("ad", ad)
        var entity = MockEntity(
            platform: "google", kind: GoogleAdsResource.adGroupAd.rowKey, id: adID, accountID: customerID,
            parentID: adGroup.id, name: ad["name"]?.string ?? "", fields: fields, createdAt: now, role: .leaf,
            active: status == "ENABLED")
        if let url = ad["finalUrls"]?.array?.first?.string {
            let suffix = ad["finalUrlSuffix"]?.string ?? ""
            entity.landingURL = suffix.isEmpty ? url : url + (url.contains("?") ? "&" : "?") + suffix
        }
        stage(entity, isNew: true)
        return Outcome(resourceName: name, entityID: adID, removed: false)
    }

    // MARK: Assets

    private mutating func createAsset(_ body: MockJSON, location: Path) throws(Failure) -> Outcome {
        guard let member = Self.oneofMember(body, message: "resources.Asset", oneof: "asset_data") else {
            throw Failure(
                GoogleAdsError(
                    "assetError", "ASSET_DATA_IS_MISSING", message: "The asset has no asset data set.",
                    location: location))
        }
        _ = try Self.checkName(body["name"]?.string, required: false, location: location)
        let id = newID()
        var fields = body.setting("resourceName", .string(resourceName(.asset, id))).setting("id", .string(id))
        if let type = Self.enumValue(for: member, strippingSuffix: "Asset", in: "enums.AssetTypeEnum.AssetType") {
            fields = fields.setting("type", .string(type))
        }
        fields = fields.setting("source", .string("ADVERTISER"))
        if member == "imageAsset", let image = body["imageAsset"] {
            let at = Self.at(location, "image_asset", "data")
            guard let encoded = image["data"]?.string, let data = GoogleAdsPayloadDecoder.base64Data(encoded),
                !data.isEmpty
            else { throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: at)) }
            fields = fields.setting("imageAsset", Self.describeImage(data, given: image, assetID: id))
        } else if member == "textAsset", body["textAsset"]?["text"]?.string?.isEmpty ?? true {
            throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: Self.at(location, "text_asset", "text")))
        }
        let entity = MockEntity(
            platform: "google", kind: GoogleAdsResource.asset.rowKey, id: id, accountID: customerID, parentID: nil,
            name: fields["name"]?.string ?? "", fields: fields, createdAt: now, role: .passive, active: false)
        stage(entity, isNew: true)
        return Outcome(resourceName: resourceName(.asset, id), entityID: id, removed: false)
    }

    /// An image asset as the API stores it: size, MIME type and pixel size read from the bytes where they tell
    /// (PNG, GIF, JPEG), the given values otherwise; the bytes themselves are not kept.
    static func describeImage(_ data: Data, given: MockJSON, assetID: String) -> MockJSON {
        let bytes = [UInt8](data.prefix(32))
        var mime = given["mimeType"]?.string
        var width: Int?
        var height: Int?
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            mime = "IMAGE_PNG"
            if bytes.count >= 24 {
                width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
                height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            }
        } else if bytes.starts(with: [0x47, 0x49, 0x46]) {
            mime = "IMAGE_GIF"
            if bytes.count >= 10 {
                width = Int(bytes[6]) | Int(bytes[7]) << 8
                height = Int(bytes[8]) | Int(bytes[9]) << 8
            }
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            mime = "IMAGE_JPEG"
        }
        var fullSize = given["fullSize"] ?? .object([])
        if let width, let height {
            fullSize = fullSize.setting("heightPixels", .string(String(height))).setting(
                "widthPixels", .string(String(width)))
        }
        fullSize = fullSize.setting("url", .string("https://tpc.googlesyndication.com/simgad/\(assetID)"))
        return .object([
            ("fileSize", .string(String(data.count))), ("mimeType", .string(mime ?? "UNKNOWN")), ("fullSize", fullSize),
        ])
    }

    // MARK: Criteria

    private mutating func createCriterion(
        _ resource: GoogleAdsResource, _ body: MockJSON, location: Path
    )
        throws(Failure) -> Outcome
    {
        guard let parent = resource.parentField else {
            throw Failure(GoogleAdsError("requestError", "OPERATION_REQUIRED", location: location))
        }
        guard let parentName = body[parent.json]?.string else {
            throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: Self.at(location, parent.proto)))
        }
        let owner = try resolveLiveParent(parentName, parent.parent, location: Self.at(location, parent.proto))
        guard let member = Self.oneofMember(body, message: resource.messageName, oneof: "criterion") else {
            throw Failure(GoogleAdsError("campaignCriterionError", "CONCRETE_TYPE_REQUIRED", location: location))
        }
        let status = try Self.checkStatus(body["status"]?.string, creating: true, location: location)
        var criterionID: String?
        switch member {
        case "location":
            let at = Self.at(location, "location", "geo_target_constant")
            let id = try constantID(
                body["location"]?["geoTargetConstant"]?.string, collection: "geoTargetConstants", location: at)
            try Self.checkGeoTarget(id, text: body["location"]?["geoTargetConstant"]?.string ?? id, location: at)
            criterionID = id
        case "ageRange", "gender":
            criterionID = try Self.criterionID(member: member, body: body, location: location)
        case "language":
            criterionID = try constantID(
                body["language"]?["languageConstant"]?.string, collection: "languageConstants",
                location: Self.at(location, "language", "language_constant"))
        case "keyword":
            try Self.checkKeyword(body["keyword"], location: Self.at(location, "keyword"))
        default:
            break
        }
        let id = criterionID ?? newID()
        let worldID = "\(owner.id)~\(id)"
        if let existing = entity(worldID), !existing.deleted {
            throw Failure(
                GoogleAdsError(
                    "mutateError", "RESOURCE_ALREADY_EXISTS",
                    trigger: existing.fields["resourceName"]?.string.map(GoogleAdsError.stringTrigger),
                    location: location))
        }
        let name = resourceName(resource, worldID)
        var fields = body.setting("resourceName", .string(name))
            .setting(parent.json, owner.fields["resourceName"] ?? .string(parentName))
            .setting("criterionId", .string(id)).setting("status", .string(status))
        if let type = Self.enumValue(for: member, in: "enums.CriterionTypeEnum.CriterionType") {
            fields = fields.setting("type", .string(type))
        }
        let entity = MockEntity(
            platform: "google", kind: resource.rowKey, id: worldID, accountID: customerID, parentID: owner.id,
            name: body["keyword"]?["text"]?.string ?? "", fields: fields, createdAt: now, role: .passive,
            active: false)
        stage(entity, isNew: true)
        return Outcome(resourceName: name, entityID: worldID, removed: false)
    }

    /// The id of a constant's resource name (`geoTargetConstants/2840` → `2840`).
    private func constantID(_ text: String?, collection: String, location: Path) throws(Failure) -> String {
        guard let text else { throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: location)) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == collection, let id = Int64(parts[1]), id > 0 else {
            throw Failure(
                GoogleAdsError(
                    "requestError", "RESOURCE_NAME_MALFORMED", trigger: GoogleAdsError.stringTrigger(text),
                    location: location))
        }
        return String(id)
    }

    /// Checks a keyword: text of 1–80 characters and at most 10 words, and a match type.
    static func checkKeyword(_ keyword: MockJSON?, location: Path) throws(Failure) {
        let text = keyword?["text"]?.string ?? ""
        let trigger = GoogleAdsError.stringTrigger(text)
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw Failure(
                GoogleAdsError(
                    "criterionError", "INVALID_KEYWORD_TEXT", trigger: trigger, location: at(location, "text")))
        }
        if text.count > 80 {
            throw Failure(
                GoogleAdsError(
                    "criterionError", "KEYWORD_TEXT_TOO_LONG", trigger: trigger, location: at(location, "text")))
        }
        if text.split(separator: " ").count > 10 {
            throw Failure(
                GoogleAdsError(
                    "criterionError", "KEYWORD_HAS_TOO_MANY_WORDS", trigger: trigger, location: at(location, "text")))
        }
        let matchType = keyword?["matchType"]?.string ?? "UNSPECIFIED"
        if matchType == "UNSPECIFIED" || matchType == "UNKNOWN" {
            throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: at(location, "match_type")))
        }
    }

    // MARK: - Finishing updates

    /// Checks an updated resource and applies what the change means for delivery.
    mutating func finishUpdate(
        _ resource: GoogleAdsResource, original: MockEntity, fields: MockJSON, changed: Set<String>, location: Path
    ) throws(Failure) -> Outcome {
        var entity = original
        entity.fields = fields
        entity.updatedAt = now
        let resourceName = fields["resourceName"]?.string ?? ""
        if changed.contains("status") {
            guard fields["status"]?.string != nil else {
                throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: Self.at(location, "status")))
            }
            let status = try Self.checkStatus(fields["status"]?.string, creating: false, location: location)
            entity.deleted = status == "REMOVED"
        }
        switch resource {
        case .campaignBudget:
            let shared = fields["explicitlyShared"]?.bool ?? true
            if changed.contains("name") || changed.contains("explicitlyShared") {
                let name = try Self.checkName(fields["name"]?.string, required: shared, location: location)
                if let name, shared { try checkBudgetNameIsFree(name, except: entity.id, location: location) }
                entity.name = fields["name"]?.string ?? ""
            }
            if changed.contains("amountMicros") || changed.contains("totalAmountMicros") {
                let amount = try budgetAmount(fields, location: location)
                entity.dailyBudgetMicros = fields["totalAmountMicros"] == nil ? amount : nil
                entity.lifetimeBudgetMicros = fields["totalAmountMicros"] == nil ? nil : amount
                for var campaign in campaigns(usingBudget: resourceName) {
                    Self.applyBudget(entity, to: &campaign)
                    campaign.updatedAt = now
                    stage(campaign, isNew: false)
                }
            }
        case .campaign:
            if changed.contains("name") {
                let name =
                    try Self.checkName(fields["name"]?.string, required: true, location: location) ?? entity.name
                try checkCampaignNameIsFree(name, except: entity.id, location: location)
                entity.name = name
            }
            if changed.contains("campaignBudget") {
                guard let name = fields["campaignBudget"]?.string else {
                    throw Failure(
                        GoogleAdsError("fieldError", "REQUIRED", location: Self.at(location, "campaign_budget")))
                }
                let budget = try campaignBudget(name, forCampaign: entity.id, location: location)
                entity.fields = entity.fields.setting("campaignBudget", budget.fields["resourceName"] ?? .string(name))
                Self.applyBudget(budget, to: &entity)
            }
            entity.fields = try Self.applyingBiddingStrategy(entity.fields, changed: changed, location: location)
            if changed.contains("startDateTime") || changed.contains("endDateTime") {
                let schedule = try Self.checkSchedule(fields, location: location)
                entity.scheduleStart = schedule.start
                entity.scheduleEnd = schedule.end
            }
        case .adGroup:
            if changed.contains("name") {
                let name =
                    try Self.checkName(fields["name"]?.string, required: true, location: location) ?? entity.name
                try checkAdGroupNameIsFree(
                    name, campaignID: entity.parentID ?? "", except: entity.id, location: location)
                entity.name = name
            }
            if !changed.isDisjoint(with: ["cpcBidMicros", "targetCpaMicros", "targetRoas"]) {
                try Self.checkAdGroupBids(fields, location: location)
            }
        case .asset:
            if changed.contains("name") {
                _ = try Self.checkName(fields["name"]?.string, required: false, location: location)
                entity.name = fields["name"]?.string ?? ""
            }
        case .adGroupAd, .campaignCriterion, .adGroupCriterion, .customer:
            break
        }
        if changed.contains("status") {
            let active = fields["status"]?.string == "ENABLED"
            if resource == .campaign || resource == .adGroup || resource == .adGroupAd {
                entity.setActive(active, at: now)
            }
        }
        stage(entity, isNew: false)
        return Outcome(resourceName: resourceName, entityID: entity.id, removed: false)
    }
}
