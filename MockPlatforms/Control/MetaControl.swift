import Foundation

/// The Meta emulator's part of the control plane, under `/_mock/meta/`: a status change as if made in Ads Manager,
/// the webhook subscriptions and deliveries, the switches (`settings`), for tests, and the preview pages that
/// `previews` and `generatepreviews` iframes show. Documented in
/// `docs/mock-platforms.md`.
struct MetaControl {
    let mock: MockPlatforms

    func handle(_ request: MockRequest, route: [String]) async -> MockResponse {
        guard let emulator = mock.emulators.lazy.compactMap({ $0 as? MetaEmulator }).first else {
            return ControlPlane.problem(404, "platform", "the Meta emulator is not running")
        }
        switch (request.method, route.count) {
        case ("POST", 4) where route[1] == "entities" && route[3] == "status":
            return setStatus(request, id: route[2], emulator: emulator)
        case ("GET", 2) where route[1] == "webhook-deliveries":
            var deliveries = emulator.webhooks.deliveries
            if let state = request.queryValue("state") {
                guard MetaWebhookDelivery.State(rawValue: state) != nil else {
                    return ControlPlane.problem(400, "state", "expected pending, delivered or dropped")
                }
                deliveries = deliveries.filter { $0.state.rawValue == state }
            }
            return ControlPlane.encoded(deliveries)
        case ("POST", 3) where route[1] == "webhook-deliveries" && route[2] == "flush":
            while await emulator.webhooks.deliverDue(now: mock.world.now) {}
            return ControlPlane.encoded(emulator.webhooks.deliveries)
        case ("GET", 2) where route[1] == "webhook-subscriptions":
            return subscriptions(request, emulator: emulator)
        case ("GET", 2) where route[1] == "preview_iframe":
            return MetaEmulator.previewIframePage(token: request.queryValue("d"))
        case ("GET", 2) where route[1] == "settings":
            return Self.settingsJSON(emulator.settings.values)
        case ("PUT", 2) where route[1] == "settings", ("POST", 2) where route[1] == "settings":
            return configure(request, emulator: emulator)
        default:
            return ControlPlane.problem(
                404, "path", "no control-plane route \(request.method) \(request.path); see docs/mock-platforms.md")
        }
    }

    /// `POST /_mock/meta/entities/{id}/status` with `{"status":"PAUSED"}`: the change a person makes in Ads
    /// Manager, with its webhooks.
    private func setStatus(_ request: MockRequest, id: String, emulator: MetaEmulator) -> MockResponse {
        guard let status = request.json?["status"]?.string else {
            return ControlPlane.problem(
                400, "status", "expected {\"status\": \"ACTIVE\"|\"PAUSED\"|\"ARCHIVED\"|\"DELETED\"}")
        }
        guard mock.world.entity(MetaEmulator.platformID, id) != nil else {
            return ControlPlane.problem(404, "id", "no Meta entity '\(id)'")
        }
        do throws(MetaError) {
            let entity = try emulator.setStatus(status, ofEntity: id, world: mock.world)
            return .json(
                .object([
                    ("id", .string(entity.id)), ("kind", .string(entity.kind)),
                    ("status", .string(entity.fields["status"]?.string ?? status)),
                    ("effective_status", .string(emulator.effectiveStatus(of: entity, world: mock.world))),
                ]))
        } catch {
            return ControlPlane.problem(error.status, "status", error.message)
        }
    }

    /// `GET /_mock/meta/webhook-subscriptions?app=…&account=…`: an app's subscriptions, and the apps installed on an
    /// ad account.
    private func subscriptions(_ request: MockRequest, emulator: MetaEmulator) -> MockResponse {
        var members: [(String, MockJSON)] = []
        if let app = request.queryValue("app") {
            let list = emulator.webhooks.subscriptions(ofApp: app).map { subscription -> MockJSON in
                .object([
                    ("object", .string(subscription.object)), ("callbackUrl", .string(subscription.callbackURL)),
                    ("fields", .array(subscription.fields.map(MockJSON.string))),
                ])
            }
            members.append(("subscriptions", .array(list)))
        }
        if let account = request.queryValue("account") {
            let digits = account.hasPrefix("act_") ? String(account.dropFirst(4)) : account
            members.append(
                ("installedApps", .array(emulator.webhooks.installedApps(account: digits).map(MockJSON.string))))
        }
        guard !members.isEmpty else {
            return ControlPlane.problem(400, "app", "give app=<app id>, account=<ad account id>, or both")
        }
        return .json(.object(members))
    }

    /// `PUT /_mock/meta/settings` with `{"adRulesRefuseCostPause": true}`: the switches named are set, the others
    /// kept; the answer is every switch.
    private func configure(_ request: MockRequest, emulator: MetaEmulator) -> MockResponse {
        guard let body = request.json, let members = body.members else {
            return ControlPlane.problem(400, "body", "expected {\"adRulesRefuseCostPause\": true}")
        }
        var values = emulator.settings.values
        for (name, value) in members {
            switch name {
            case "adRulesRefuseCostPause":
                guard let flag = value.bool else {
                    return ControlPlane.problem(400, name, "expected true or false")
                }
                values.adRulesRefuseCostPause = flag
            default:
                return ControlPlane.problem(400, name, "unknown setting; the settings are adRulesRefuseCostPause")
            }
        }
        emulator.settings.values = values
        return Self.settingsJSON(values)
    }

    private static func settingsJSON(_ values: MetaEmulatorSettings.Values) -> MockResponse {
        .json(.object([("adRulesRefuseCostPause", .bool(values.adRulesRefuseCostPause))]))
    }
}
