import AdPlatformKit
import Foundation

extension SnapchatRequestBuilder {
    /// `POST /v1/adaccounts/{acct}/campaigns`. Budgets sit on ad squads in this module, so the campaign carries
    /// no `daily_budget_micro` even when the spec has a budget.
    public func createCampaign(
        _ spec: CampaignSpec, in account: AccountContext
    ) throws(AdPlatformError)
        -> PlatformHTTPRequest
    {
        let operation = "createCampaign"
        guard let objective = capabilities.objectives[spec.objective] else {
            throw AdPlatformError(
                code: .unsupported, message: "Snapchat has no campaign objective for \(spec.objective)",
                platform: .snapchat, operation: operation, fieldPath: "objective")
        }
        var campaign: [String: JSONValue] = [
            "name": .string(spec.name),
            "ad_account_id": .string(account.accountID),
            "status": try statusValue(spec.status, operation: operation),
            "start_time": .string(SnapchatTimestamp.string(from: spec.schedule.start)),
            "objective": .string(objective),
            "buy_model": "AUCTION",
        ]
        if let end = spec.schedule.end { campaign["end_time"] = .string(SnapchatTimestamp.string(from: end)) }
        return try request(
            .post, path: path("adaccounts", account.accountID, "campaigns"), json: ["campaigns": [.object(campaign)]],
            account: account, operation: operation)
    }

    /// `POST /v1/campaigns/{cid}/adsquads`: a Snap Ads squad with automatic placement, billed per impression.
    ///
    /// Without a bid the squad uses `AUTO_BID` and sends no `bid_micro`; with one it uses
    /// `LOWEST_COST_WITH_MAX_BID` and `bid_micro`, the docs' "Max Bid". The docs list `bid_micro` as required,
    /// but third-party integrations report that Snap rejects it next to `AUTO_BID`, so auto-bid squads omit it
    /// [3P].
    public func createAdSquad(
        _ spec: AdGroupSpec, campaignID: String, in account: AccountContext
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let operation = "createAdGroup"
        guard let budget = spec.budget else {
            throw AdPlatformError(
                code: .invalidParameter, message: "a Snapchat ad squad needs a daily or lifetime budget",
                platform: .snapchat, operation: operation, fieldPath: "budget")
        }
        var squad: [String: JSONValue] = [
            "campaign_id": .string(campaignID),
            "name": .string(spec.name),
            "type": "SNAP_ADS",
            "placement_v2": ["config": "AUTOMATIC"],
            "billing_event": "IMPRESSION",
            "optimization_goal": .string(SnapchatOptimizationGoal.goal(for: spec.objective)),
            "targeting": targeting(spec.targeting),
            "status": try statusValue(spec.status, operation: operation),
            "start_time": .string(SnapchatTimestamp.string(from: spec.schedule.start)),
        ]
        let micros = try platformAmount(budget.amount, field: "budget.amount", account: account, operation: operation)
        squad[Self.budgetKey(budget.period)] = micros
        if let bid = spec.bid {
            squad["bid_strategy"] = "LOWEST_COST_WITH_MAX_BID"
            squad["bid_micro"] = try platformAmount(bid, field: "bid", account: account, operation: operation)
        } else {
            squad["bid_strategy"] = "AUTO_BID"
        }
        if let end = spec.schedule.end { squad["end_time"] = .string(SnapchatTimestamp.string(from: end)) }
        return try request(
            .post, path: path("campaigns", campaignID, "adsquads"), json: ["adsquads": [.object(squad)]],
            account: account, operation: operation)
    }

    /// The first media call, `POST /v1/adaccounts/{acct}/media`: declares the media, which Snap answers with an
    /// id in `PENDING_UPLOAD`. It is named `name`, or after its file when `name` is `nil`.
    public func createMedia(
        _ upload: MediaUpload, name: String? = nil, in account: AccountContext
    ) throws(AdPlatformError)
        -> PlatformHTTPRequest
    {
        let media: JSONValue = [
            "name": .string(name ?? upload.fileName),
            "type": upload.kind == .image ? "IMAGE" : "VIDEO",
            "ad_account_id": .string(account.accountID),
        ]
        return try request(
            .post, path: path("adaccounts", account.accountID, "media"), json: ["media": [media]], account: account,
            operation: "uploadMedia")
    }

    /// The second media call, `POST /v1/media/{id}/upload`: the bytes as `multipart/form-data` field `file`.
    public func uploadMediaFile(
        _ upload: MediaUpload, mediaID: String, in account: AccountContext
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        var form = MultipartFormData()
        form.addFile(name: "file", fileName: upload.fileName, contentType: upload.contentType, data: upload.data)
        var upload = try request(
            .post, path: path("media", mediaID, "upload"), account: account, operation: "uploadMedia")
        upload.headers["Content-Type"] = form.contentType
        upload.body = form.data
        return upload
    }

    /// `POST /v1/adaccounts/{acct}/creatives`: a `WEB_VIEW` creative whose top snap is the first uploaded media,
    /// named with the ad's idempotency marker so a retry can find it.
    public func createCreative(
        _ spec: AdSpec, in account: AccountContext
    ) throws(AdPlatformError)
        -> PlatformHTTPRequest
    {
        let operation = "createAd"
        func missing(_ field: String, _ message: String) -> AdPlatformError {
            AdPlatformError(
                code: .invalidParameter, message: message, platform: .snapchat, operation: operation,
                fieldPath: field)
        }
        guard let profileID = account.settings["profile_id"], !profileID.isEmpty else {
            throw missing(
                "account.settings.profile_id", "Snapchat creatives need the account setting profile_id (public profile)"
            )
        }
        guard let headline = spec.creative.headlines.first else {
            throw missing("creative.headlines", "a Snapchat creative needs a headline")
        }
        guard let brandName = spec.creative.brandName, !brandName.isEmpty else {
            throw missing("creative.brandName", "a Snapchat creative needs a brand name")
        }
        guard let topSnap = spec.media.first else {
            throw missing("media", "a Snapchat creative needs an uploaded image or video for its top snap")
        }
        var creative: [String: JSONValue] = [
            "ad_account_id": .string(account.accountID),
            "name": .string(spec.marker.apply(to: spec.creative.name)),
            "type": "WEB_VIEW",
            "brand_name": .string(brandName),
            "headline": .string(headline),
            "top_snap_media_id": .string(topSnap.reference),
            "web_view_properties": ["url": .string(spec.landingURL)],
            "profile_properties": ["profile_id": .string(profileID)],
            "shareable": true,
        ]
        if let action = spec.creative.callToAction {
            guard let value = capabilities.callToActions[action] else {
                throw AdPlatformError(
                    code: .unsupported, message: "Snapchat has no call to action for \(action)", platform: .snapchat,
                    operation: operation, fieldPath: "creative.callToAction")
            }
            creative["call_to_action"] = .string(value)
        }
        return try request(
            .post, path: path("adaccounts", account.accountID, "creatives"), json: ["creatives": [.object(creative)]],
            account: account, operation: operation)
    }

    /// `POST /v1/adsquads/{sid}/ads`: a `REMOTE_WEBPAGE` ad, the ad type that goes with a `WEB_VIEW` creative.
    public func createAd(
        _ spec: AdSpec, adSquadID: String, creativeID: String, in account: AccountContext
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let operation = "createAd"
        let ad: JSONValue = [
            "ad_squad_id": .string(adSquadID),
            "creative_id": .string(creativeID),
            "name": .string(spec.name),
            "type": "REMOTE_WEBPAGE",
            "status": try statusValue(spec.status, operation: operation),
        ]
        return try request(
            .post, path: path("adsquads", adSquadID, "ads"), json: ["ads": [ad]], account: account,
            operation: operation)
    }

    /// Snap targeting: one geo per country (lower-case codes) and, when an age range or a single gender is
    /// given, one demographics object with ages as strings. Interests and keywords are not mapped.
    func targeting(_ targeting: Targeting) -> JSONValue {
        var result: [String: JSONValue] = [
            "geos": .array(targeting.countries.map { ["country_code": .string($0.lowercased())] })
        ]
        var demographic: [String: JSONValue] = [:]
        if let ages = targeting.ageRange {
            demographic["min_age"] = .string(String(ages.minimum))
            demographic["max_age"] = .string(String(ages.maximum))
        }
        if Set(targeting.genders).count == 1, let gender = targeting.genders.first {
            demographic["gender"] = gender == .male ? "MALE" : "FEMALE"
        }
        if !demographic.isEmpty { result["demographics"] = [.object(demographic)] }
        return .object(result)
    }

    /// `daily_budget_micro` or `lifetime_budget_micro`.
    static func budgetKey(_ period: Budget.Period) -> String {
        period == .daily ? "daily_budget_micro" : "lifetime_budget_micro"
    }
}
