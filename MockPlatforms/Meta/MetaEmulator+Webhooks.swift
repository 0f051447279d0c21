import Foundation

extension MetaEmulator {
    // MARK: - Graph endpoints

    /// Whether a call is `/{app_id}/subscriptions`, which needs the network (the handshake) and so is answered
    /// outside the synchronous router. It is not available inside a batch.
    static func isAppSubscriptionCall(_ call: MetaCall) -> Bool {
        call.path.count == 2 && call.path[1] == "subscriptions" && call.accountNode == nil
    }

    /// `/{app_id}/subscriptions` with an app access token (`{app_id}|{app_secret}`, or one from a
    /// `client_credentials` exchange): `POST` (`object`, `callback_url`, `fields`, `verify_token`) subscribes after
    /// the `hub.challenge` handshake with the callback; `GET` lists; `DELETE` (`object`, `fields`) unsubscribes.
    func appSubscriptions(_ call: MetaCall, world: MockWorld) async throws(MetaError) -> MockResponse {
        let appID = call.path[0]
        try Self.authorize(call.token)
        let token = call.token ?? ""
        let parts = token.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0] == appID, !parts[1].isEmpty else {
            throw MetaError(code: 15, message: "(#15) This method must be called with an app access_token.")
        }
        let known = webhooks.secret(ofApp: appID)
        if known.map({ parts[1] != Self.tokenDigest(world.seed, "app", appID, $0) }) ?? true {
            // A token `{app_id}|{app_secret}` carries the secret itself.
            webhooks.remember(appID: appID, secret: parts[1])
        }
        let params = call.params
        switch call.method {
        case "GET":
            let data: [MockJSON] = webhooks.subscriptions(ofApp: appID).map { subscription in
                .object([
                    ("object", .string(subscription.object)), ("callback_url", .string(subscription.callbackURL)),
                    ("active", .bool(true)),
                    (
                        "fields",
                        .array(
                            subscription.fields.map { field -> MockJSON in
                                .object([("name", .string(field)), ("version", .string(subscription.version))])
                            })
                    ),
                ])
            }
            return .json(.object([("data", .array(data))]))
        case "DELETE":
            let object = try params.string("object")
            if let object, Self.webhookObjectFields(object) == nil {
                throw MetaError.notInEnum("object", MetaWebhooks.objectFields.keys.sorted())
            }
            webhooks.unsubscribe(appID: appID, object: object, fields: try params.list("fields") ?? [])
            return Self.success
        default:
            let object = try params.requiredString("object")
            guard let allowed = Self.webhookObjectFields(object) else {
                throw MetaError.notInEnum("object", MetaWebhooks.objectFields.keys.sorted())
            }
            let callback = try params.requiredString("callback_url")
            let fields = try params.list("fields") ?? []
            guard !fields.isEmpty else { throw MetaError.required("fields") }
            if let unknown = fields.first(where: { !allowed.contains($0) }) {
                throw MetaError.param(
                    "Param fields[0] must be one of {\(allowed.joined(separator: ", "))}, "
                        + "not \(unknown)")
            }
            let verifyToken = try params.string("verify_token") ?? ""
            let challenge = SplitMix64.hash(world.seed, "hub.challenge", appID, callback) % 2_000_000_000
            try await webhooks.verify(callbackURL: callback, verifyToken: verifyToken, challenge: challenge)
            webhooks.subscribe(
                appID: appID,
                MetaWebhookSubscription(
                    object: object, callbackURL: callback, fields: fields, verifyToken: verifyToken,
                    version: call.version))
            return Self.success
        }
    }

    /// The fields of a subscribable object type; `nil` for an unknown type.
    static func webhookObjectFields(_ object: String) -> [String]? { MetaWebhooks.objectFields[object] }

    /// `act_<id>/subscribed_apps`: `POST` and `DELETE` with `app_id` install and remove an app on the ad account
    /// (the app's `ad_account` webhooks then cover it); `GET` lists `{app_id, app_name}`.
    func subscribedApps(_ call: MetaCall, account: String) throws(MetaError) -> MockResponse {
        let digits = MetaCall.accountDigits(account)
        switch call.method {
        case "GET":
            let data: [MockJSON] = webhooks.installedApps(account: digits).map {
                .object([("app_id", .string($0)), ("app_name", .string("App \($0)"))])
            }
            return .json(.object([("data", .array(data))]))
        case "POST":
            let appID = try call.params.requiredString("app_id")
            webhooks.install(appID: appID, account: digits)
            return Self.success
        default:
            let appID = try call.params.requiredString("app_id")
            guard webhooks.uninstall(appID: appID, account: digits) else {
                throw MetaError.param("The app \(appID) is not subscribed to \(account)")
            }
            return Self.success
        }
    }

    // MARK: - Status changes

    /// Sets a campaign's, ad set's or ad's status as a person in Ads Manager would (the control plane's
    /// `POST /_mock/meta/entities/{id}/status`): `ACTIVE`, `PAUSED`, `ARCHIVED` or `DELETED` (which deletes its
    /// children too), and sends the webhooks a Graph update would.
    func setStatus(_ status: String, ofEntity id: String, world: MockWorld) throws(MetaError) -> MockEntity {
        guard let entity = world.entity(Self.platformID, id) else { throw MetaError.notFound(id, method: "POST") }
        guard [MetaKind.campaign, MetaKind.adSet, MetaKind.ad].contains(entity.kind) else {
            throw MetaError.param("only a campaign, ad set or ad has a status to change; \(id) is \(entity.kind)")
        }
        guard MetaVocabulary.statuses.ordered.contains(status) else {
            throw MetaError.notInEnum("status", MetaVocabulary.statuses.ordered)
        }
        if entity.deleted {
            throw MetaError.invalid("Object Deleted", "This object was deleted and can no longer be edited.")
        }
        world.update(Self.platformID, id) { stored, now in
            Self.apply(status: status, to: &stored, at: now)
            stored.fields = stored.fields.setting("updated_time", .string(MetaTime.format(now)))
        }
        if status == "DELETED" { cascadeDelete(from: entity, world: world) }
        notifyStatusChange(of: id, from: entity.fields["status"]?.string, world: world)
        return world.entity(Self.platformID, id) ?? entity
    }

    /// Queues a `status_changed_ad_objects` change for a campaign, ad set or ad whose configured status moved from
    /// `old`: `{"id","level","status","effective_status","account_id"}`. Nothing when the status is unchanged.
    func notifyStatusChange(of id: String, from old: String?, world: MockWorld) {
        guard let entity = world.entity(Self.platformID, id), let status = entity.fields["status"]?.string,
            status != old
        else { return }
        let level: String
        switch entity.kind {
        case MetaKind.campaign: level = "CAMPAIGN"
        case MetaKind.adSet: level = "AD_SET"
        case MetaKind.ad: level = "AD"
        default: return
        }
        let account =
            MetaCall.isAccountNode(entity.accountID) ? MetaCall.accountDigits(entity.accountID) : entity.accountID
        let value = MockJSON.object([
            ("id", .string(entity.id)), ("level", .string(level)), ("status", .string(status)),
            ("effective_status", .string(effectiveStatus(of: entity, world: world))), ("account_id", .string(account)),
        ])
        webhooks.record(account: account, field: MetaWebhooks.statusChangeField, value: value, at: world.now)
    }
}
