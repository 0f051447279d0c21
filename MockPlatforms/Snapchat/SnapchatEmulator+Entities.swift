import Foundation

/// Create, update, read, delete and upload: the batch envelopes and the world writes behind them.
extension SnapchatEmulator {
    // MARK: - Create and update

    /// `POST /v1/adaccounts/{acct}/{campaigns|creatives|media}`.
    func createInAccount(
        _ kind: SnapchatKind, account: String, request: MockRequest, world: MockWorld, requestID: String
    ) throws(SnapchatError) -> MockResponse {
        let entries = try Self.entries(request, kind: kind)
        return batch(kind, entries, requestID: requestID) { entry throws(SnapchatError) in
            let item = try SnapchatItem(entry)
            let draft: SnapchatDraft =
                switch kind {
                case .campaign: try Self.campaignDraft(item, account: account)
                case .creative: try creativeDraft(item, account: account, world: world)
                default: try Self.mediaDraft(item, account: account)
                }
            return insert(draft, kind: kind, world: world)
        }
    }

    /// `PUT /v1/adaccounts/{acct}/{campaigns|creatives}`: each entry replaces the entity its `id` names.
    func updateInAccount(
        _ kind: SnapchatKind, account: String, request: MockRequest, world: MockWorld, requestID: String
    ) throws(SnapchatError) -> MockResponse {
        let entries = try Self.entries(request, kind: kind)
        return batch(kind, entries, requestID: requestID) { entry throws(SnapchatError) in
            let item = try SnapchatItem(entry)
            let existing = try existingForUpdate(item, kind: kind, world: world) { $0.accountID == account }
            let draft =
                kind == .campaign
                ? try Self.campaignDraft(item, account: account)
                : try creativeDraft(item, account: account, world: world)
            let result = try replace(existing, with: draft, world: world)
            if kind == .creative { repointAds(ofCreative: existing, to: draft.landingURL, world: world) }
            return result
        }
    }

    /// `POST /v1/campaigns/{cid}/adsquads` and `POST /v1/adsquads/{sid}/ads`.
    func createUnder(
        _ parent: MockEntity, request: MockRequest, world: MockWorld, requestID: String
    )
        throws(SnapchatError) -> MockResponse
    {
        let kind: SnapchatKind = parent.kind == SnapchatKind.campaign.rawValue ? .adsquad : .ad
        let entries = try Self.entries(request, kind: kind)
        return batch(kind, entries, requestID: requestID) { entry throws(SnapchatError) in
            let item = try SnapchatItem(entry)
            let draft =
                kind == .adsquad
                ? try Self.adSquadDraft(item, campaign: parent)
                : try adDraft(item, adSquad: parent, world: world)
            return insert(draft, kind: kind, world: world)
        }
    }

    /// `PUT /v1/campaigns/{cid}/adsquads` and `PUT /v1/adsquads/{sid}/ads`.
    func updateUnder(
        _ parent: MockEntity, request: MockRequest, world: MockWorld, requestID: String
    )
        throws(SnapchatError) -> MockResponse
    {
        let kind: SnapchatKind = parent.kind == SnapchatKind.campaign.rawValue ? .adsquad : .ad
        let entries = try Self.entries(request, kind: kind)
        return batch(kind, entries, requestID: requestID) { entry throws(SnapchatError) in
            let item = try SnapchatItem(entry)
            let existing = try existingForUpdate(item, kind: kind, world: world) { $0.parentID == parent.id }
            let draft =
                kind == .adsquad
                ? try Self.adSquadDraft(item, campaign: parent)
                : try adDraft(item, adSquad: parent, world: world)
            return try replace(existing, with: draft, world: world)
        }
    }

    /// The plural array of a batch body.
    static func entries(_ request: MockRequest, kind: SnapchatKind) throws(SnapchatError) -> [MockJSON] {
        let shape = "{\"\(kind.plural)\":[{…}]}"
        guard !request.body.isEmpty else { throw .invalid("The request body is required: \(shape)") }
        guard let json = request.json else { throw .invalid("Unable to parse the request body as JSON") }
        guard json.members != nil else { throw .invalid("The request body must be a JSON object: \(shape)") }
        guard let value = json[kind.plural] else {
            throw .invalid("The request body must contain the \"\(kind.plural)\" array: \(shape)")
        }
        guard let entries = value.array else { throw .invalid("\(kind.plural) must be an array") }
        guard !entries.isEmpty else { throw .invalid("\(kind.plural) must contain at least one entry") }
        return entries
    }

    /// Runs every entry and answers Snap's envelope: HTTP 200 when all succeed; otherwise HTTP 400, overall
    /// `ERROR`, the first failure's messages and code at the top, and each entry's own status.
    func batch(
        _ kind: SnapchatKind, _ entries: [MockJSON], requestID: String,
        _ each: (MockJSON) throws(SnapchatError) -> MockJSON
    ) -> MockResponse {
        var results: [MockJSON] = []
        results.reserveCapacity(entries.count)
        var firstFailure: SnapchatError?
        for entry in entries {
            do {
                let entity = try each(entry)
                results.append(.object([("sub_request_status", .string("SUCCESS")), (kind.singular, entity)]))
            } catch {
                if firstFailure == nil { firstFailure = error }
                var members: [(String, MockJSON)] = [
                    ("sub_request_status", .string("ERROR")), ("sub_request_error_reason", .string(error.reason)),
                ]
                if entry.members != nil { members.append((kind.singular, entry)) }
                results.append(.object(members))
            }
        }
        guard let failure = firstFailure else {
            return .json(
                .object([
                    ("request_status", .string("SUCCESS")), ("request_id", .string(requestID)),
                    (kind.plural, .array(results)),
                ]))
        }
        var members = failure.body(requestID: requestID).members ?? []
        members.append((kind.plural, .array(results)))
        return .json(.object(members), status: 400)
    }

    /// The entity an update entry's `id` names, when it is of the kind and in the scope the path gives.
    private func existingForUpdate(
        _ item: SnapchatItem, kind: SnapchatKind, world: MockWorld, inScope: (MockEntity) -> Bool
    ) throws(SnapchatError) -> MockEntity {
        let id = try item.requiredString("id")
        guard let existing = world.entity(platform, id), existing.kind == kind.rawValue, inScope(existing) else {
            throw .notFound("\(kind.title) \(id) can not be found")
        }
        guard !existing.deleted else { throw .invalid("\(kind.title) \(id) is deleted and can not be updated") }
        return existing
    }

    /// Stores a new entity; returns it as read.
    func insert(_ draft: SnapchatDraft, kind: SnapchatKind, world: MockWorld) -> MockJSON {
        let id = world.mintID(.uuid)
        let now = world.now
        let stamp = MockJSON.string(SnapchatTime.format(now))
        let fields = MockJSON.object(
            [("id", .string(id)), ("updated_at", stamp), ("created_at", stamp)] + draft.fields)
        var entity = MockEntity(
            platform: platform, kind: kind.rawValue, id: id, accountID: draft.accountID, parentID: draft.parentID,
            name: draft.name, fields: fields, createdAt: now, role: kind.role, active: draft.active)
        entity.dailyBudgetMicros = draft.dailyBudgetMicros
        entity.lifetimeBudgetMicros = draft.lifetimeBudgetMicros
        entity.scheduleStart = draft.scheduleStart
        entity.scheduleEnd = draft.scheduleEnd
        entity.landingURL = draft.landingURL
        world.insert(entity)
        ledger.remember(id, account: draft.accountID)
        return fields
    }

    /// Replaces an entity's fields with an update entry (Snap's PUT sends the whole entity); status, budget,
    /// schedule and landing URL follow.
    private func replace(
        _ existing: MockEntity, with draft: SnapchatDraft, world: MockWorld
    ) throws(SnapchatError)
        -> MockJSON
    {
        let updated = world.update(platform, existing.id) { entity, now in
            let created = entity.fields["created_at"] ?? .string(SnapchatTime.format(entity.createdAt))
            entity.fields = .object(
                [
                    ("id", .string(entity.id)), ("updated_at", .string(SnapchatTime.format(now))),
                    ("created_at", created),
                ]
                    + draft.fields)
            entity.name = draft.name
            entity.setActive(draft.active, at: now)
            entity.dailyBudgetMicros = draft.dailyBudgetMicros
            entity.lifetimeBudgetMicros = draft.lifetimeBudgetMicros
            entity.scheduleStart = draft.scheduleStart
            entity.scheduleEnd = draft.scheduleEnd
            entity.landingURL = draft.landingURL
        }
        guard let updated else { throw .notFound("\(existing.kind) \(existing.id) can not be found") }
        return updated.fields
    }

    /// After a creative's web-view URL changes, its ads land on the new URL.
    private func repointAds(ofCreative creative: MockEntity, to url: String?, world: MockWorld) {
        let ads = world.entities(
            platform, kind: SnapchatKind.ad.rawValue, account: creative.accountID, field: "creative_id",
            equals: creative.id)
        for ad in ads { world.update(platform, ad.id) { entity, _ in entity.landingURL = url } }
    }

    // MARK: - Read and delete

    /// An entity as Snap returns it: its stored fields, `deleted: true` once deleted, and an ad's review
    /// approved once any virtual time has passed since it was created (the create answer says `PENDING`).
    func render(_ entity: MockEntity, now: Date) -> MockJSON {
        var fields = entity.fields
        if entity.kind == SnapchatKind.ad.rawValue, now > entity.createdAt,
            fields["review_status"]?.string == "PENDING"
        {
            fields = fields.setting("review_status", .string("APPROVED"))
        }
        if entity.deleted { fields = fields.setting("deleted", .bool(true)) }
        return fields
    }

    /// `GET /v1/{kind}/{id}`: deleted entities are still readable, flagged `deleted`.
    func read(
        _ kind: SnapchatKind, id: String, world: MockWorld, requestID: String
    ) throws(SnapchatError)
        -> MockResponse
    {
        guard let entity = world.entity(platform, id), entity.kind == kind.rawValue else {
            throw .notFound("\(kind.title) \(id) can not be found")
        }
        ledger.remember(id, account: entity.accountID)
        return single(kind, render(entity, now: world.now), requestID: requestID)
    }

    /// `DELETE /v1/{campaigns|adsquads|ads}/{id}`: the entity and everything under it stop delivering and
    /// leave lists.
    func delete(
        _ kind: SnapchatKind, id: String, world: MockWorld, requestID: String
    ) throws(SnapchatError)
        -> MockResponse
    {
        guard let entity = world.entity(platform, id), entity.kind == kind.rawValue, !entity.deleted else {
            throw .notFound("\(kind.title) \(id) can not be found")
        }
        var doomed = [entity.id]
        if kind != .ad {
            let adSquads =
                kind == .campaign
                ? world.children(
                    platform, of: entity.id, kind: SnapchatKind.adsquad.rawValue, account: entity.accountID
                ).map(\.id) : [entity.id]
            let ads = world.children(
                platform, of: Set(adSquads), kind: SnapchatKind.ad.rawValue, account: entity.accountID)
            doomed += (kind == .campaign ? adSquads : []) + ads.map(\.id)
        }
        var deleted: MockEntity?
        for target in doomed {
            let result = world.update(platform, target) { entity, now in
                entity.fields = entity.fields.setting("updated_at", .string(SnapchatTime.format(now)))
                entity.deleted = true
                entity.setActive(false, at: now)
            }
            if target == entity.id { deleted = result }
        }
        return single(kind, render(deleted ?? entity, now: world.now), requestID: requestID)
    }

    /// One entity in Snap's envelope.
    func single(_ kind: SnapchatKind, _ entity: MockJSON, requestID: String) -> MockResponse {
        .json(
            .object([
                ("request_status", .string("SUCCESS")), ("request_id", .string(requestID)),
                (
                    kind.plural,
                    .array([.object([("sub_request_status", .string("SUCCESS")), (kind.singular, entity)])])
                ),
            ]))
    }

    // MARK: - Media upload

    /// `POST /v1/media/{id}/upload`, `multipart/form-data` with the bytes in field `file`: the media becomes
    /// `READY` and is answered under `result`.
    func upload(
        _ id: String, request: MockRequest, world: MockWorld, requestID: String
    ) throws(SnapchatError)
        -> MockResponse
    {
        guard let media = world.entity(platform, id), media.kind == SnapchatKind.media.rawValue, !media.deleted else {
            throw .notFound("Media \(id) can not be found")
        }
        guard request.mediaType == "multipart/form-data" else {
            throw .invalid("The upload must be multipart/form-data with the file in the field \"file\"")
        }
        guard let parts = request.multipart else { throw .invalid("Unable to parse the multipart/form-data body") }
        guard let file = parts.first(where: { $0.name == "file" }) else {
            throw .invalid("The multipart body must contain the field \"file\"")
        }
        guard !file.data.isEmpty else { throw .invalid("The uploaded file is empty") }
        let fileName = file.fileName.flatMap { $0.isEmpty ? nil : $0 } ?? media.name
        let escaped = fileName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "file"
        let updated = world.update(platform, id) { entity, now in
            entity.fields = entity.fields.setting("updated_at", .string(SnapchatTime.format(now)))
                .setting("media_status", .string("READY")).setting("file_name", .string(fileName))
                .setting("file_size_in_bytes", .int(file.data.count))
                .setting("download_link", .string("https://storage.adsapi.snapchat.test/media/\(id)/\(escaped)"))
        }
        ledger.remember(id, account: media.accountID)
        return .json(
            .object([
                ("request_status", .string("SUCCESS")), ("request_id", .string(requestID)),
                ("result", updated.map { render($0, now: world.now) } ?? media.fields),
            ]))
    }
}
