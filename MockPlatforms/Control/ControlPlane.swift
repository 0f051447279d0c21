import Foundation

/// The control plane under `/_mock/`: state, journal, faults, rate limits, clock, clicks, pixel events, ground
/// truth (performance and late conversions), Airtable tables, Meta's status changes and webhooks, and the Meta and
/// TikTok ad-preview pages.
/// Documented in `docs/mock-platforms.md`.
struct ControlPlane {
    let mock: MockPlatforms

    func handle(_ request: MockRequest) async -> MockResponse {
        let route = request.segments.dropFirst().map(String.init)
        switch (request.method, route.first ?? "", route.count) {
        case ("GET", "", 0), ("GET", "health", 1):
            return .json(
                .object([("status", .string("ok")), ("platforms", .array(mock.emulators.map { .string($0.platform) }))])
            )
        case ("POST", "reset", 1):
            mock.world.reset(platform: request.queryValue("platform"), account: request.queryValue("account"))
            if request.queryValue("platform") == nil || request.queryValue("platform") == "airtable" {
                AirtableControl(mock: mock).reset(
                    base: request.queryValue("account"),
                    everything: request.queryValue("platform") == nil && request.queryValue("account") == nil)
            }
            if request.queryValue("platform") == nil, request.queryValue("account") == nil {
                mock.journal.clear()
                mock.faults.removeAll()
                mock.rateLimits.removeAll()
                mock.metaWebhooks?.reset()
                for case let meta as MetaEmulator in mock.emulators { meta.settings.reset() }
                MemoryTrimmer.trimFreeMemory()
            }
            return .json(.object([("reset", .bool(true))]))
        case ("GET", "state", 1):
            return Self.encoded(mock.world.snapshot())
        case ("PUT", "state", 1), ("POST", "state", 1):
            guard let state: WorldState = Self.decode(request.body) else {
                return Self.problem(400, "body", "expected a state document as returned by GET /_mock/state")
            }
            mock.world.restore(state)
            return .json(.object([("loaded", .bool(true)), ("entities", .int(state.entities.count))]))
        case ("GET", "entities", 1):
            return entities(request)
        case ("GET", "journal", 1):
            return journal(request)
        case ("DELETE", "journal", 1):
            mock.journal.clear()
            return .json(.object([("cleared", .bool(true))]))
        case ("GET", "faults", 1):
            return Self.encoded(mock.faults.rules)
        case ("POST", "faults", 1):
            return addFault(request)
        case ("DELETE", "faults", 1):
            mock.faults.removeAll()
            return .json(.object([("cleared", .bool(true))]))
        case ("DELETE", "faults", 2):
            return mock.faults.remove(id: route[1])
                ? .json(.object([("deleted", .string(route[1]))]))
                : Self.problem(404, "id", "no fault rule '\(route[1])'")
        case ("GET", "rate-limits", 1):
            return Self.encoded(mock.rateLimits.budgets)
        case ("POST", "rate-limits", 1), ("PUT", "rate-limits", 1):
            return setRateLimit(request)
        case ("DELETE", "rate-limits", 1):
            mock.rateLimits.removeAll()
            return .json(.object([("cleared", .bool(true))]))
        case ("GET", "clock", 1):
            return clock()
        case ("POST", "clock", 1):
            return moveClock(request)
        case ("POST", "clicks", 1):
            return click(platform: request.json?["platform"]?.text, adID: request.json?["adId"]?.text, redirect: false)
        case ("GET", "click", 3):
            return click(platform: route[1], adID: route[2], redirect: true)
        case ("GET", "pixel", 2) where route[1] == "events":
            return Self.encoded(
                mock.world.pixelEvents(platform: request.queryValue("platform"), event: request.queryValue("event")))
        case ("POST", "pixel", 2) where route[1] == "events":
            return collect(request)
        case ("OPTIONS", "pixel", 2):
            return MockResponse(status: 204, headers: Self.corsHeaders)
        case ("POST", "oauth", 2) where route[1] == "revoke":
            return revoke(request)
        case ("GET", "oauth", 2) where route[1] == "revoke":
            return .json(.object([("revoked", .int(mock.world.revokedTokens.count))]))
        case (_, "truth", 1), (_, "conversions", 1):
            return GroundTruthControl(mock: mock).handle(request, route: route)
        case (_, "airtable", _):
            return AirtableControl(mock: mock).handle(request, route: route)
        case ("GET", "media", 3):
            guard let data = mock.world.uploadedMedia.data(platform: route[1], md5: route[2]) else {
                return Self.problem(404, "md5", "no image uploaded to \(route[1]) with MD5 \(route[2])")
            }
            return MockResponse(
                status: 200,
                headers: [("Content-Type", EmulatorMedia.contentType(of: data)), ("Cache-Control", "max-age=3600")],
                body: data)
        case ("GET", "tiktok", 2) where route[1] == "ad_preview_tool":
            return TikTokEmulator.previewToolPage(id: request.queryValue("ad_preview_id"), now: mock.world.now)
        case (_, "meta", _):
            return await MetaControl(mock: mock).handle(request, route: route)
        default:
            return Self.problem(
                404, "path", "no control-plane route \(request.method) \(request.path); see docs/mock-platforms.md")
        }
    }

    // MARK: - Routes

    /// `POST /_mock/oauth/revoke` with `{"token":"…"}`: the OAuth endpoints refuse that token from now on, as the
    /// platform refuses a revoked grant (until a full reset).
    private func revoke(_ request: MockRequest) -> MockResponse {
        guard let token = request.json?["token"]?.text, !token.isEmpty else {
            return Self.problem(
                400, "token", "expected {\"token\":\"…\"}: the refresh token (or Meta access token) to revoke")
        }
        mock.world.revokedTokens.revoke(token)
        return .json(.object([("revoked", .bool(true))]))
    }

    private func entities(_ request: MockRequest) -> MockResponse {
        let platform = request.queryValue("platform")
        let kind = request.queryValue("kind")
        let includeDeleted = request.queryValue("includeDeleted") == "true"
        let all = mock.world.snapshot().entities.values.filter { entity in
            (platform == nil || entity.platform == platform) && (kind == nil || entity.kind == kind)
                && (includeDeleted || !entity.deleted)
        }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        return Self.encoded(all)
    }

    private func journal(_ request: MockRequest) -> MockResponse {
        let entries = mock.journal.query(
            platform: request.queryValue("platform"), method: request.queryValue("method"),
            path: request.queryValue("path"), status: request.queryValue("status"),
            since: request.queryValue("since").flatMap(Self.date),
            until: request.queryValue("until").flatMap(Self.date),
            limit: request.queryValue("limit").flatMap(Int.init))
        return Self.encoded(entries)
    }

    private func addFault(_ request: MockRequest) -> MockResponse {
        guard let body = request.json, body.members != nil else {
            return Self.problem(400, "body", "expected a JSON object describing the fault rule")
        }
        guard let kindText = body["kind"]?.string, let kind = FaultRule.Kind(rawValue: kindText) else {
            return Self.problem(400, "kind", "expected one of status, platformError, latency, drop, dropResponse")
        }
        let rule = FaultRule(
            platform: body["platform"]?.string, method: body["method"]?.string,
            path: body["path"]?.string ?? "*", kind: kind, status: body["status"]?.int64.map { Int($0) },
            code: body["code"]?.text, subcode: body["subcode"]?.text, message: body["message"]?.string,
            latencyMilliseconds: body["latencyMs"]?.int64.map { Int($0) },
            probability: body["probability"]?.decimal.map { NSDecimalNumber(decimal: $0).doubleValue },
            remaining: body["count"]?.int64.map { Int($0) })
        let statuses = FaultRule.answerableStatuses
        if let given = body["status"], given != .null, rule.status.map(statuses.contains) != true {
            // The status reaches the wire, where anything else is not HTTP (and once crashed the responder).
            return Self.problem(
                400, "status",
                "must be a whole number from \(statuses.lowerBound) to \(statuses.upperBound), not \(given.serialized): "
                    + "1xx statuses cannot answer a request and HTTP has none outside 100…599")
        }
        if kind == .status, rule.status == nil {
            return Self.problem(
                400, "status",
                "a status fault needs an HTTP status from \(statuses.lowerBound) to \(statuses.upperBound)")
        }
        if kind == .platformError, rule.code == nil {
            return Self.problem(400, "code", "a platformError fault needs the platform's error code")
        }
        if kind == .latency, (rule.latencyMilliseconds ?? 0) <= 0 {
            return Self.problem(400, "latencyMs", "a latency fault needs latencyMs > 0")
        }
        if let probability = rule.probability, !(0...1).contains(probability) {
            return Self.problem(400, "probability", "must lie between 0 and 1")
        }
        if let count = rule.remaining, count < 1 { return Self.problem(400, "count", "must be at least 1") }
        if let platform = rule.platform, !mock.emulators.contains(where: { $0.platform == platform }) {
            return Self.problem(400, "platform", "unknown platform '\(platform)'")
        }
        return Self.encoded(mock.faults.add(rule), status: 201)
    }

    private func setRateLimit(_ request: MockRequest) -> MockResponse {
        guard let body = request.json, let platform = body["platform"]?.string else {
            return Self.problem(400, "platform", "expected {\"platform\", \"limit\", \"windowSeconds\"}")
        }
        guard mock.emulators.contains(where: { $0.platform == platform }) else {
            return Self.problem(400, "platform", "unknown platform '\(platform)'")
        }
        guard let limit = body["limit"]?.int64, limit >= 0 else {
            return Self.problem(400, "limit", "expected a whole number of requests ≥ 0")
        }
        let window = body["windowSeconds"]?.decimal.map { NSDecimalNumber(decimal: $0).doubleValue } ?? 60
        guard window > 0 else { return Self.problem(400, "windowSeconds", "must be greater than 0") }
        let budget = RateLimitBudget(
            platform: platform, account: body["account"]?.text, limit: Int(limit), windowSeconds: window,
            code: body["code"]?.text)
        mock.rateLimits.set(budget)
        return Self.encoded(budget, status: 201)
    }

    private func clock() -> MockResponse {
        .json(.object([("now", .string(Self.iso(mock.world.now)))]))
    }

    private func moveClock(_ request: MockRequest) -> MockResponse {
        guard let body = request.json else {
            return Self.problem(
                400, "body", "expected {\"advance\": \"36h\"}, {\"advanceSeconds\": 3600} or {\"now\": ISO-8601}")
        }
        let target: Date
        if let text = body["advance"]?.string {
            guard let seconds = Self.duration(text) else {
                return Self.problem(400, "advance", "expected a duration such as 90s, 15m, 36h or 7d")
            }
            target = mock.world.now.addingTimeInterval(seconds)
        } else if let seconds = body["advanceSeconds"]?.decimal {
            target = mock.world.now.addingTimeInterval(max(0, NSDecimalNumber(decimal: seconds).doubleValue))
        } else if let text = body["now"]?.string {
            guard let date = Self.date(text) else { return Self.problem(400, "now", "expected an ISO-8601 instant") }
            guard date >= mock.world.now else {
                return Self.problem(
                    400, "now", "the virtual clock never moves backwards (now \(Self.iso(mock.world.now)))")
            }
            target = date
        } else {
            return Self.problem(400, "body", "expected advance, advanceSeconds or now")
        }
        if let meta = mock.emulators.lazy.compactMap({ $0 as? MetaEmulator }).first {
            // Meta's scheduled rules run at each half hour the clock passes, so it moves through them in steps.
            meta.advanceClock(to: target, world: mock.world)
        } else {
            mock.world.setClock(target)
        }
        // Webhook retries follow the virtual clock: look for the ones now due.
        mock.metaWebhooks?.wake()
        return clock()
    }

    private func click(platform: String?, adID: String?, redirect: Bool) -> MockResponse {
        guard let platform, let adID else { return Self.problem(400, "adId", "expected {\"platform\", \"adId\"}") }
        guard let (clickID, url) = mock.world.mintClick(platform: platform, adID: adID) else {
            return Self.problem(404, "adId", "no \(platform) ad '\(adID)' with a landing URL")
        }
        if redirect { return MockResponse(status: 302, headers: [("Location", url)]) }
        return .json(.object([("clickId", .string(clickID)), ("url", .string(url))]))
    }

    private func collect(_ request: MockRequest) -> MockResponse {
        guard let body = request.json, body.members != nil else {
            return Self.problem(400, "body", "expected a pixel event object").adding(Self.corsHeaders)
        }
        guard let platform = body["platform"]?.string, mock.emulators.contains(where: { $0.platform == platform })
        else {
            return Self.problem(
                400, "platform", "expected one of \(mock.emulators.map(\.platform).joined(separator: ", "))"
            )
            .adding(Self.corsHeaders)
        }
        guard let event = body["event"]?.string, !event.isEmpty, event.count <= 100 else {
            return Self.problem(400, "event", "expected the platform's event name").adding(Self.corsHeaders)
        }
        var parameters: [String: String] = [:]
        for (name, value) in body["params"]?.members ?? [] {
            if let text = value.text, text.count <= 500 { parameters[name] = text }
        }
        let valueMicros = body["value"]?.decimal.map { NSDecimalNumber(decimal: $0 * 1_000_000).int64Value }
        let recorded = mock.world.recordPixelEvent(
            platform: platform, event: event, page: String((body["page"]?.string ?? "").prefix(2_000)),
            parameters: parameters, valueMicros: valueMicros)
        return Self.encoded(recorded, status: 201).adding(Self.corsHeaders)
    }

    // MARK: - Helpers

    static let corsHeaders = [
        ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "POST, OPTIONS"),
        ("Access-Control-Allow-Headers", "Content-Type"),
    ]

    static func problem(_ status: Int, _ field: String, _ message: String) -> MockResponse {
        .json(
            .object([("error", .object([("field", .string(field)), ("message", .string(message))]))]), status: status)
    }

    static func encoded(_ value: some Encodable, status: Int = 200) -> MockResponse {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return problem(500, "", "could not encode the answer") }
        return MockResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: data)
    }

    static func decode<T: Decodable>(_ data: Data) -> T? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(T.self, from: data)
    }

    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    static func date(_ text: String) -> Date? {
        (try? Date(text, strategy: .iso8601))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }

    static func duration(_ text: String) -> TimeInterval? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        guard let unit = text.last, let factor = units[unit], let value = Double(text.dropLast()), value >= 0 else {
            return nil
        }
        return value * factor
    }
}
