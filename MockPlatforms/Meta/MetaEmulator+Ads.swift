import Foundation

extension MetaEmulator {
    /// `POST act_<id>/adcreatives`: an `object_story_spec` with `page_id` and one of `link_data` (with `link`),
    /// `video_data` (with `video_id`) or `photo_data`, or an existing `object_story_id`; image hashes must be
    /// images uploaded to the account. Meta has no hard limits on message or headline length, so long text is
    /// accepted. Answers `{"id":"…"}`.
    func createCreative(_ call: MetaCall, account: String, world: MockWorld) throws(MetaError) -> MockResponse {
        let params = call.params
        let name = try params.string("name")
        let urlTags = try params.string("url_tags")
        let (spec, storyID) = try creativeSource(params)
        let details = try Self.creativeDetails(spec, account: account, world: world)
        if try Self.validateOnly(params) { return Self.success }
        let id = insertCreative(
            name: name, spec: spec, storyID: storyID, urlTags: urlTags, details: details, account: account, world: world
        )
        return Self.created(id)
    }

    /// The creative's story: an `object_story_spec` object, or an existing post's `object_story_id`.
    private func creativeSource(_ params: MetaParams) throws(MetaError) -> (MockJSON?, String?) {
        if let spec = try params.object("object_story_spec") { return (spec, nil) }
        if let story = try params.string("object_story_id"), !story.isEmpty { return (nil, story) }
        throw MetaError.required("object_story_spec")
    }

    /// What a creative's spec says: its landing link, primary text, headline, image hash, call to action.
    struct CreativeDetails {
        var link: String?
        var body: String?
        var title: String?
        var imageHash: String?
        var callToAction: String?
        var objectType: String
    }

    /// Checks an `object_story_spec` and reads what the creative shows.
    static func creativeDetails(
        _ spec: MockJSON?, account: String, world: MockWorld
    ) throws(MetaError)
        -> CreativeDetails
    {
        guard let spec else { return CreativeDetails(objectType: "SHARE") }
        guard let page = spec["page_id"]?.text, !page.isEmpty else {
            throw MetaError.required("object_story_spec[page_id]")
        }
        var details = CreativeDetails(objectType: "SHARE")
        if let link = spec["link_data"] {
            guard link.members != nil else {
                throw MetaError.param("param object_story_spec[link_data] must be an object.")
            }
            guard let url = link["link"]?.string, !url.isEmpty else {
                throw MetaError.required("object_story_spec[link_data][link]")
            }
            guard isWebURL(url) else {
                throw MetaError.param("param object_story_spec[link_data][link] must be a valid URL.")
            }
            details.link = url
            details.body = link["message"]?.string
            details.title = link["name"]?.string
            details.imageHash = link["image_hash"]?.string
            details.callToAction = link["call_to_action"]?["type"]?.string
        } else if let video = spec["video_data"] {
            guard video.members != nil else {
                throw MetaError.param("param object_story_spec[video_data] must be an object.")
            }
            guard let videoID = video["video_id"]?.text, !videoID.isEmpty else {
                throw MetaError.required("object_story_spec[video_data][video_id]")
            }
            details.objectType = "VIDEO"
            details.link = video["call_to_action"]?["value"]?["link"]?.string
            details.body = video["message"]?.string
            details.title = video["title"]?.string
            details.imageHash = video["image_hash"]?.string
            details.callToAction = video["call_to_action"]?["type"]?.string
        } else if let photo = spec["photo_data"] {
            guard photo.members != nil else {
                throw MetaError.param("param object_story_spec[photo_data] must be an object.")
            }
            details.objectType = "PHOTO"
            details.body = photo["caption"]?.string
            details.imageHash = photo["image_hash"]?.string
            if details.imageHash == nil, photo["url"]?.string == nil {
                throw MetaError.invalid(
                    "Missing Image", "Please specify an image to run with this ad.", subcode: 1_487_212)
            }
        } else if spec["template_data"] != nil {
            details.link = spec["template_data"]?["link"]?.string
        } else {
            throw MetaError.invalid(
                "Missing Creative Content",
                "The object_story_spec needs link_data, video_data, photo_data or template_data.")
        }
        if let hash = details.imageHash {
            let imageID = MetaCall.accountDigits(account) + ":" + hash
            guard let image = world.entity(platformID, imageID), !image.deleted else {
                throw MetaError.invalid(
                    "Image Not Found", "The image hash \(hash) does not match an image uploaded to this ad account.")
            }
        }
        return details
    }

    /// Stores a checked creative and returns its id.
    private func insertCreative(
        name: String?, spec: MockJSON?, storyID: String?, urlTags: String?, details: CreativeDetails, account: String,
        world: MockWorld
    ) -> String {
        let now = world.now
        let id = world.mintID(.meta)
        let created = MetaTime.format(now)
        let shownName = name ?? "Creative \(created)"
        var fields: [(String, MockJSON)] = [
            ("id", .string(id)), ("account_id", .string(MetaCall.accountDigits(account))), ("name", .string(shownName)),
            ("status", .string("ACTIVE")), ("object_type", .string(details.objectType)),
        ]
        if let spec { fields.append(("object_story_spec", spec)) }
        if let storyID {
            fields.append(("object_story_id", .string(storyID)))
            fields.append(("effective_object_story_id", .string(storyID)))
        }
        if let body = details.body { fields.append(("body", .string(body))) }
        if let title = details.title { fields.append(("title", .string(title))) }
        if let hash = details.imageHash { fields.append(("image_hash", .string(hash))) }
        if let cta = details.callToAction { fields.append(("call_to_action_type", .string(cta))) }
        if let urlTags { fields.append(("url_tags", .string(urlTags))) }
        fields.append(("created_time", .string(created)))
        fields.append(("updated_time", .string(created)))
        var entity = MockEntity(
            platform: Self.platformID, kind: MetaKind.creative, id: id, accountID: account, parentID: nil,
            name: shownName, fields: .object(fields), createdAt: now, role: .passive, active: false)
        entity.landingURL = details.link.map { Self.appending(urlTags, to: $0) }
        world.insert(entity)
        return id
    }

    /// `POST act_<id>/ads`: `name`, `adset_id` (an existing, undeleted ad set of the account) and `creative`
    /// (`{"creative_id":…}` of an existing creative, or an inline creative spec). The ad lands people on the
    /// creative's link, with its `url_tags`. Answers `{"id":"…"}`.
    func createAd(_ call: MetaCall, account: String, world: MockWorld) throws(MetaError) -> MockResponse {
        let params = call.params
        let name = try params.requiredString("name")
        let adSetID = try params.requiredString("adset_id")
        guard let adSet = world.entity(Self.platformID, adSetID), adSet.kind == MetaKind.adSet,
            adSet.accountID == account
        else { throw MetaError.missingReference("adset_id", adSetID, deleted: false) }
        if adSet.deleted { throw MetaError.missingReference("adset_id", adSetID, deleted: true) }
        guard let creative = try params.object("creative") else { throw MetaError.required("creative") }
        let status = try params.enumValue("status", MetaVocabulary.statuses) ?? "ACTIVE"
        let tracking = try params.array("tracking_specs")
        if try Self.validateOnly(params) {
            _ = try creativeReference(creative, account: account, world: world, validateOnly: true)
            return Self.success
        }
        let creativeID = try creativeReference(creative, account: account, world: world)
        let landing = world.entity(Self.platformID, creativeID)?.landingURL

        let now = world.now
        let id = world.mintID(.meta)
        let created = MetaTime.format(now)
        var fields: [(String, MockJSON)] = [
            ("id", .string(id)), ("account_id", .string(MetaCall.accountDigits(account))),
            ("adset_id", .string(adSetID)), ("campaign_id", .string(adSet.parentID ?? "")), ("name", .string(name)),
            ("status", .string(status)), ("creative", .object([("id", .string(creativeID))])),
        ]
        if let tracking { fields.append(("tracking_specs", .array(tracking))) }
        fields.append(("created_time", .string(created)))
        fields.append(("updated_time", .string(created)))
        var entity = MockEntity(
            platform: Self.platformID, kind: MetaKind.ad, id: id, accountID: account, parentID: adSetID, name: name,
            fields: .object(fields), createdAt: now, role: .leaf, active: status == "ACTIVE")
        entity.landingURL = landing
        entity.deleted = status == "DELETED"
        world.insert(entity)
        return Self.created(id)
    }

    /// The creative an ad's `creative` parameter names: `{"creative_id":…}` of an existing, undeleted creative
    /// of the account, or an inline spec, which is created (unless only validating).
    func creativeReference(
        _ creative: MockJSON, account: String, world: MockWorld, validateOnly: Bool = false
    )
        throws(MetaError) -> String
    {
        if let creativeID = creative["creative_id"]?.text {
            guard let stored = world.entity(Self.platformID, creativeID), stored.kind == MetaKind.creative,
                stored.accountID == account
            else { throw MetaError.missingReference("creative", creativeID, deleted: false) }
            if stored.deleted { throw MetaError.missingReference("creative", creativeID, deleted: true) }
            return creativeID
        }
        let spec = creative["object_story_spec"]
        let storyID = creative["object_story_id"]?.text
        guard spec != nil || storyID != nil else { throw MetaError.required("creative[creative_id]") }
        if let spec, spec.members == nil {
            throw MetaError.param("param creative[object_story_spec] must be an object.")
        }
        let details = try Self.creativeDetails(spec, account: account, world: world)
        guard !validateOnly else { return "" }
        return insertCreative(
            name: creative["name"]?.string, spec: spec, storyID: storyID, urlTags: creative["url_tags"]?.string,
            details: details, account: account, world: world)
    }

    /// Whether a link is an absolute http(s) URL with a host.
    static func isWebURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return false }
        return true
    }

    /// A link with `url_tags` appended to its query, as Meta does when people click.
    static func appending(_ tags: String?, to link: String) -> String {
        guard let tags, !tags.isEmpty else { return link }
        let (base, fragment) = link.firstIndex(of: "#").map { (String(link[..<$0]), String(link[$0...])) } ?? (link, "")
        let separator = base.contains("?") ? (base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&") : "?"
        let trimmed = tags.hasPrefix("?") || tags.hasPrefix("&") ? String(tags.dropFirst()) : tags
        return base + separator + trimmed + fragment
    }
}
