import AdPlatformKit
import Foundation

extension MetaRequestBuilder {
    /// `POST /{v}/act_{id}/campaigns`: the campaign with its budget (Meta's Advantage campaign budget), bidding
    /// for the lowest cost. The schedule goes on the ad sets.
    public func createCampaign(
        _ spec: CampaignSpec, in context: AccountContext
    ) throws(AdPlatformError)
        -> PlatformHTTPRequest
    {
        let operation = "createCampaign"
        let account = try MetaAccount(context, operation: operation)
        var form: [(String, JSONValue)] = [
            ("name", .string(spec.name)),
            ("objective", .string(try objectiveValue(spec.objective, operation: operation))),
            ("status", .string(MetaStatus.platformValue(for: spec.status))),
            ("special_ad_categories", .array([])),
            ("buying_type", "AUCTION"),
            ("bid_strategy", "LOWEST_COST_WITHOUT_CAP"),
        ]
        if let budget = spec.budget {
            form.append(try budgetField(budget, account: account, operation: operation))
        }
        return try request(
            .post, path: [account.nodeID, "campaigns"], form: form, account: account, operation: operation)
    }

    /// `POST /{v}/act_{id}/adsets`: the ad set under a campaign, with targeting, schedule and optimisation goal.
    ///
    /// The ad set carries no budget, because the campaign does. Interests are not sent: Meta targets interests
    /// by id, and names cannot be resolved to ids offline.
    public func createAdSet(
        _ spec: AdGroupSpec, campaignID: String, in context: AccountContext
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let operation = "createAdGroup"
        let account = try MetaAccount(context, operation: operation)
        var form: [(String, JSONValue)] = [
            ("name", .string(spec.name)),
            ("campaign_id", .string(campaignID)),
            ("status", .string(MetaStatus.platformValue(for: spec.status))),
            ("billing_event", "IMPRESSIONS"),
            ("optimization_goal", .string(MetaOptimizationGoal.forObjective(spec.objective))),
            ("targeting", Self.targeting(spec.targeting)),
            ("start_time", .string(MetaTimeFormat.string(from: spec.schedule.start))),
        ]
        if let end = spec.schedule.end {
            form.append(("end_time", .string(MetaTimeFormat.string(from: end))))
        }
        if let bid = spec.bid {
            form.append(
                ("bid_amount", try platformAmount(bid, account: account, fieldPath: "bid.amount", operation: operation))
            )
        }
        if let pixel = account.pixelID, let event = MetaOptimizationGoal.pixelEvent(for: spec.objective) {
            form.append(("promoted_object", ["pixel_id": .string(pixel), "custom_event_type": .string(event)]))
        }
        return try request(.post, path: [account.nodeID, "adsets"], form: form, account: account, operation: operation)
    }

    /// `POST /{v}/act_{id}/adimages`: a multipart upload with the file in the `filename` field, as Meta's SDK
    /// sends it. Only images: this module builds single-image link ads.
    public func uploadImage(
        _ media: MediaUpload, in context: AccountContext
    ) throws(AdPlatformError)
        -> PlatformHTTPRequest
    {
        let operation = "uploadMedia"
        let account = try MetaAccount(context, operation: operation)
        guard media.kind == .image else {
            throw AdPlatformError(
                code: .unsupported, message: "the Meta module uploads images only; '\(media.fileName)' is a video",
                platform: .meta, operation: operation, fieldPath: "media.kind")
        }
        var multipart = MultipartFormData()
        multipart.addFile(name: "filename", fileName: media.fileName, contentType: media.contentType, data: media.data)
        var built = try request(.post, path: [account.nodeID, "adimages"], account: account, operation: operation)
        built.headers["Content-Type"] = multipart.contentType
        built.body = multipart.data
        return built
    }

    /// The creative's name: the creative definition's name with the ad's marker, so a creative left behind by a
    /// crash can be found again.
    public func creativeName(for spec: AdSpec) -> String { spec.marker.apply(to: spec.creative.name) }

    /// `POST /{v}/act_{id}/adcreatives`: a link ad posted as the account's Page, showing the first uploaded image,
    /// the first headline and the first description. Absent optional texts are left out.
    public func createCreative(
        _ spec: AdSpec, in context: AccountContext
    ) throws(AdPlatformError)
        -> PlatformHTTPRequest
    {
        let operation = "createAd"
        let account = try MetaAccount(context, operation: operation)
        let storySpec = try objectStorySpec(
            spec.creative, landingURL: spec.landingURL, media: spec.media, account: account, operation: operation)
        let form: [(String, JSONValue)] = [
            ("name", .string(creativeName(for: spec))), ("object_story_spec", storySpec),
        ]
        return try request(
            .post, path: [account.nodeID, "adcreatives"], form: form, account: account, operation: operation)
    }

    /// The `object_story_spec` of a link ad posted as the account's Page, showing the first uploaded image, the
    /// first headline and the first description; absent optional texts are left out.
    func objectStorySpec(
        _ creative: CreativeDefinition, landingURL: String, media: [UploadedMedia], account: MetaAccount,
        operation: String
    ) throws(AdPlatformError) -> JSONValue {
        var linkData: [String: JSONValue] = ["link": .string(landingURL)]
        if let image = media.first(where: { $0.kind == .image }) {
            linkData["image_hash"] = .string(image.reference)
        }
        if let message = creative.primaryText { linkData["message"] = .string(message) }
        if let headline = creative.headlines.first { linkData["name"] = .string(headline) }
        if let description = creative.descriptions.first { linkData["description"] = .string(description) }
        if let action = creative.callToAction {
            guard let type = capabilities.callToActions[action] else {
                throw AdPlatformError(
                    code: .unsupported, message: "Meta has no call to action for '\(action.rawValue)'",
                    platform: .meta, operation: operation, fieldPath: "creative.callToAction")
            }
            linkData["call_to_action"] = ["type": .string(type), "value": ["link": .string(landingURL)]]
        }
        return ["page_id": .string(try account.pageID(operation: operation)), "link_data": .object(linkData)]
    }

    /// `POST /{v}/act_{id}/ads`: the ad joining an ad set and a creative.
    public func createAd(
        _ spec: AdSpec, adSetID: String, creativeID: String, in context: AccountContext
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let operation = "createAd"
        let account = try MetaAccount(context, operation: operation)
        let form: [(String, JSONValue)] = [
            ("name", .string(spec.name)),
            ("adset_id", .string(adSetID)),
            ("creative", ["creative_id": .string(creativeID)]),
            ("status", .string(MetaStatus.platformValue(for: spec.status))),
        ]
        return try request(.post, path: [account.nodeID, "ads"], form: form, account: account, operation: operation)
    }

    /// `{"geo_locations":{"countries":[…]},"age_min":…,"age_max":…,"genders":[1|2]}`; genders are left out when
    /// every gender is targeted, and interests always (see ``createAdSet(_:campaignID:in:)``).
    static func targeting(_ targeting: Targeting) -> JSONValue {
        var members: [String: JSONValue] = [
            "geo_locations": ["countries": .array(targeting.countries.map { .string($0.uppercased()) })]
        ]
        if let ages = targeting.ageRange {
            members["age_min"] = .integer(Int64(ages.minimum))
            members["age_max"] = .integer(Int64(ages.maximum))
        }
        let genders = Set(targeting.genders)
        if genders.count == 1, let only = genders.first {
            members["genders"] = [.integer(only == .male ? 1 : 2)]
        }
        return .object(members)
    }
}
