import Foundation

/// The control plane's ground-truth routes: per-entity performance under `/_mock/truth` and late conversions under
/// `/_mock/conversions`. Money crosses them in major units of the account currency (`40` is 40.00), as pixel
/// event values do; dates are `YYYY-MM-DD` in UTC. Bad input is a 400 naming the field, never a partial change.
/// Documented in `docs/mock-platforms.md`.
struct GroundTruthControl {
    let mock: MockPlatforms

    /// The members a truth body may carry besides `platform`, `entityId` and `from`.
    static let truthFields = [
        "clickThroughRate", "conversionRate", "valuePerConversion", "cpm", "pacing", "saturationSpend",
    ]

    func handle(_ request: MockRequest, route: [String]) -> MockResponse {
        switch (request.method, route.first ?? "") {
        case ("GET", "truth"):
            return readTruth(request)
        case ("PUT", "truth"), ("POST", "truth"):
            return setTruth(request)
        case ("DELETE", "truth"):
            return clearTruth(request)
        case ("GET", "conversions"):
            return readConversions(request)
        case ("POST", "conversions"):
            return addConversions(request)
        default:
            return ControlPlane.problem(
                405, "method", "\(request.method) is not allowed on \(request.path); see docs/mock-platforms.md")
        }
    }

    // MARK: - Truth

    private func readTruth(_ request: MockRequest) -> MockResponse {
        let platform = request.queryValue("platform")
        if let platform, let failure = checkPlatform(platform) { return failure }
        guard let entityID = request.queryValue("entityId") else {
            let all = mock.world.allPerformance().filter { platform == nil || $0.platform == platform }
            return .json(
                .object([
                    (
                        "truths",
                        .array(
                            all.map {
                                .object([
                                    ("platform", .string($0.platform)), ("entityId", .string($0.entityID)),
                                    ("versions", .array($0.versions.map(Self.json))),
                                ])
                            })
                    )
                ]))
        }
        guard let platform else { return ControlPlane.problem(400, "platform", "expected the entity's platform") }
        var day = mock.world.now
        if let text = request.queryValue("date") {
            guard let parsed = Self.day(text) else {
                return ControlPlane.problem(400, "date", "expected a date such as 2026-12-01")
            }
            day = parsed
        }
        return document(platform: platform, entityID: entityID, day: day, status: 200)
    }

    private func setTruth(_ request: MockRequest) -> MockResponse {
        guard let body = request.json, let members = body.members else {
            return ControlPlane.problem(
                400, "body",
                "expected {\"platform\", \"entityId\", and any of \(Self.truthFields.joined(separator: ", ")), \"from\"}"
            )
        }
        let known = Set(Self.truthFields + ["platform", "entityId", "from"])
        if let unknown = members.first(where: { !known.contains($0.0) }) {
            return ControlPlane.problem(
                400, unknown.0, "unknown member; expected \(Self.truthFields.joined(separator: ", ")) or from")
        }
        let target: (platform: String, entityID: String)
        switch self.target(body) {
        case .success(let found): target = found
        case .failure(let failure): return failure.response
        }
        var truth = PerformanceTruth(from: mock.world.now)
        do throws(Failure) {
            if let text = try Self.text(body, "from") {
                guard let day = Self.day(text) else {
                    throw Failure(field: "from", "expected a date such as 2026-12-01")
                }
                truth.from = day
            }
            truth.clickThroughRate = try Self.rate(body, "clickThroughRate")
            truth.conversionRate = try Self.rate(body, "conversionRate")
            truth.pacing = try Self.rate(body, "pacing")
            truth.valuePerConversionMicros = try Self.money(body, "valuePerConversion", positive: false)
            truth.cpmMicros = try Self.money(body, "cpm", positive: true)
            truth.saturationSpendMicros = try Self.money(body, "saturationSpend", positive: true)
        } catch {
            return error.response
        }
        do throws(GroundTruthError) {
            try mock.world.setPerformance(truth, platform: target.platform, entityID: target.entityID)
        } catch {
            return ControlPlane.problem(400, error.field, error.message)
        }
        return document(platform: target.platform, entityID: target.entityID, day: mock.world.now, status: 200)
    }

    private func clearTruth(_ request: MockRequest) -> MockResponse {
        guard let platform = request.queryValue("platform") else {
            return ControlPlane.problem(400, "platform", "expected ?platform=…&entityId=…")
        }
        if let failure = checkPlatform(platform) { return failure }
        guard let entityID = request.queryValue("entityId") else {
            return ControlPlane.problem(400, "entityId", "expected ?platform=…&entityId=…")
        }
        var from = mock.world.now
        if let text = request.queryValue("from") {
            guard let day = Self.day(text) else {
                return ControlPlane.problem(400, "from", "expected a date such as 2026-12-01")
            }
            from = day
        }
        do throws(GroundTruthError) {
            try mock.world.setPerformance(PerformanceTruth(from: from), platform: platform, entityID: entityID)
        } catch {
            return ControlPlane.problem(400, error.field, error.message)
        }
        return document(platform: platform, entityID: entityID, day: mock.world.now, status: 200)
    }

    /// An entity's truth: the versions set on it, and what each ad under it delivers with on `day`.
    private func document(platform: String, entityID: String, day: Date, status: Int) -> MockResponse {
        let ads: [EffectivePerformance]
        do throws(GroundTruthError) {
            ads = try mock.world.effectivePerformance(platform: platform, entityID: entityID, on: day)
        } catch {
            return ControlPlane.problem(400, error.field, error.message)
        }
        let entity = mock.world.entity(platform, entityID)
        return .json(
            .object([
                ("platform", .string(platform)), ("entityId", .string(entityID)),
                ("kind", .string(entity?.kind ?? "")),
                (
                    "versions",
                    .array(mock.world.performanceVersions(platform: platform, entityID: entityID).map(Self.json))
                ),
                ("ads", .array(ads.map(Self.json))),
            ]), status: status)
    }

    // MARK: - Late conversions

    private func readConversions(_ request: MockRequest) -> MockResponse {
        let platform = request.queryValue("platform")
        if let platform, let failure = checkPlatform(platform) { return failure }
        let entityID = request.queryValue("entityId")
        if let entityID {
            guard let platform else { return ControlPlane.problem(400, "platform", "expected the entity's platform") }
            guard mock.world.entity(platform, entityID) != nil else {
                return ControlPlane.problem(400, "entityId", "no \(platform) entity '\(entityID)'")
            }
        }
        let found = mock.world.lateConversions(platform: platform, entityID: entityID)
        return .json(.object([("conversions", .array(found.map(Self.json)))]))
    }

    private func addConversions(_ request: MockRequest) -> MockResponse {
        guard let body = request.json, let members = body.members else {
            return ControlPlane.problem(
                400, "body", "expected {\"platform\", \"entityId\", \"date\": \"YYYY-MM-DD\", \"count\", \"value\"}")
        }
        let known: Set = ["platform", "entityId", "date", "count", "value"]
        if let unknown = members.first(where: { !known.contains($0.0) }) {
            return ControlPlane.problem(
                400, unknown.0, "unknown member; expected platform, entityId, date, count, value")
        }
        let target: (platform: String, entityID: String)
        switch self.target(body) {
        case .success(let found): target = found
        case .failure(let failure): return failure.response
        }
        let day: Date
        let count: Int64
        let value: Int64?
        do throws(Failure) {
            guard let text = try Self.text(body, "date"), let parsed = Self.day(text) else {
                throw Failure(field: "date", "expected the day the conversions belong to, such as 2026-12-01")
            }
            day = parsed
            guard case .number = body["count"], let whole = body["count"]?.int64, (1...1_000_000_000).contains(whole)
            else {
                throw Failure(field: "count", "expected a whole number of conversions, 1 to 1,000,000,000")
            }
            count = whole
            value = try Self.money(body, "value", positive: false)
        } catch {
            return error.response
        }
        let added: [LateConversion]
        do throws(GroundTruthError) {
            added = try mock.world.addLateConversions(
                platform: target.platform, entityID: target.entityID, day: day, count: count, valueMicros: value)
        } catch {
            return ControlPlane.problem(400, error.field, error.message)
        }
        return .json(.object([("added", .array(added.map(Self.json)))]), status: 201)
    }

    // MARK: - Reading input

    /// A field-naming 400, thrown while reading a body.
    struct Failure: Error {
        var field: String
        var message: String

        init(field: String, _ message: String) {
            self.field = field
            self.message = message
        }

        var response: MockResponse { ControlPlane.problem(400, field, message) }
    }

    /// `platform` and `entityId` of a body: a known platform and a string id.
    private func target(_ body: MockJSON) -> Result<(platform: String, entityID: String), Failure> {
        guard let platform = body["platform"]?.string else {
            return .failure(Failure(field: "platform", "expected the entity's platform, e.g. \"meta\""))
        }
        if checkPlatform(platform) != nil {
            return .failure(Failure(field: "platform", "unknown platform '\(platform)'"))
        }
        guard let entityID = body["entityId"]?.text, !entityID.isEmpty else {
            return .failure(Failure(field: "entityId", "expected the platform's id of a campaign, ad group or ad"))
        }
        return .success((platform, entityID))
    }

    private func checkPlatform(_ platform: String) -> MockResponse? {
        guard mock.world.deliveryInputs[platform] != nil || mock.emulators.contains(where: { $0.platform == platform })
        else {
            let known = mock.world.deliveryInputs.keys.sorted().joined(separator: ", ")
            return ControlPlane.problem(400, "platform", "unknown platform '\(platform)'; expected one of \(known)")
        }
        return nil
    }

    /// A string member, `nil` when absent or null.
    private static func text(_ body: MockJSON, _ name: String) throws(Failure) -> String? {
        switch body[name] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw Failure(field: name, "expected a string")
        }
    }

    /// A JSON number, `nil` when absent or null.
    private static func number(_ body: MockJSON, _ name: String) throws(Failure) -> Decimal? {
        switch body[name] {
        case nil, .null?: return nil
        case .number?:
            guard let value = body[name]?.decimal, value.isFinite else {
                throw Failure(field: name, "expected a number")
            }
            return value
        default: throw Failure(field: name, "expected a number")
        }
    }

    /// A rate in 0…1.
    private static func rate(_ body: MockJSON, _ name: String) throws(Failure) -> Double? {
        guard let value = try number(body, name) else { return nil }
        guard value >= 0, value <= 1 else { throw Failure(field: name, "must lie between 0 and 1") }
        return NSDecimalNumber(decimal: value).doubleValue
    }

    /// An amount in major units, as micros: not negative (more than 0 when `positive`), at most a billion, and
    /// exact to the micro.
    private static func money(_ body: MockJSON, _ name: String, positive: Bool) throws(Failure) -> Int64? {
        guard let value = try number(body, name) else { return nil }
        guard positive ? value > 0 : value >= 0 else {
            throw Failure(field: name, positive ? "must be more than 0" : "must not be negative")
        }
        guard value <= 1_000_000_000 else { throw Failure(field: name, "must be at most 1,000,000,000") }
        let micros = value * 1_000_000
        var rounded = Decimal()
        var copy = micros
        NSDecimalRound(&rounded, &copy, 0, .plain)
        guard rounded == micros else { throw Failure(field: name, "must have at most 6 decimal places") }
        if positive, rounded == 0 { throw Failure(field: name, "must be more than 0") }
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    /// Midnight UTC of `YYYY-MM-DD`, or of the day of an ISO-8601 instant.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2]), parts[0].count == 4, (1...12).contains(month), (1...31).contains(day)
        {
            let number = CivilCalendar.days(year: year, month: month, day: day)
            // 2026-02-31 would roll over into March; a date must name a day that exists.
            guard CivilCalendar.civil(fromDays: number) == (year, month, day) else { return nil }
            return Date(timeIntervalSince1970: Double(number) * 86_400)
        }
        return ControlPlane.date(text).map(MockWorld.dayStart)
    }

    // MARK: - Writing output

    static func json(_ truth: PerformanceTruth) -> MockJSON {
        var members: [(String, MockJSON)] = [("from", .string(MockWorld.dayText(truth.from)))]
        if let rate = truth.clickThroughRate { members.append(("clickThroughRate", .double(rate))) }
        if let rate = truth.conversionRate { members.append(("conversionRate", .double(rate))) }
        if let value = truth.valuePerConversionMicros { members.append(("valuePerConversion", major(value))) }
        if let value = truth.cpmMicros { members.append(("cpm", major(value))) }
        if let rate = truth.pacing { members.append(("pacing", .double(rate))) }
        if let value = truth.saturationSpendMicros { members.append(("saturationSpend", major(value))) }
        return .object(members)
    }

    static func json(_ effective: EffectivePerformance) -> MockJSON {
        let targeting = effective.targeting
        var members: [(String, MockJSON)] = [
            ("adId", .string(effective.adID)), ("date", .string(MockWorld.dayText(effective.day))),
            ("clickThroughRate", .double(effective.clickThroughRate)),
            ("conversionRate", .double(effective.conversionRate)),
            ("valuePerConversion", major(effective.valuePerConversionMicros)), ("cpm", major(effective.cpmMicros)),
            ("pacing", effective.pacing.map(MockJSON.double) ?? .null),
            ("saturationSpend", effective.saturationSpendMicros.map(major) ?? .null),
            ("saturationEntityId", effective.saturationEntityID.map(MockJSON.string) ?? .null),
            (
                "targeting",
                .object([
                    ("locations", .double(targeting.locations ?? 1)), ("ageYears", .int(targeting.ageYears ?? 48)),
                    ("genders", .int(targeting.genders ?? 2)),
                ])
            ),
            ("audience", .int(Int64(effective.audience.rounded()))), ("cpmFactor", .double(effective.cpmFactor)),
        ]
        members.append(
            ("sources", .object(effective.sources.keys.sorted().map { ($0, .string(effective.sources[$0] ?? "")) })))
        return .object(members)
    }

    static func json(_ late: LateConversion) -> MockJSON {
        .object([
            ("platform", .string(late.platform)), ("adId", .string(late.adID)),
            ("date", .string(MockWorld.dayText(late.day))), ("count", .int(late.count)),
            ("value", major(late.valueMicros)), ("addedAt", .string(ControlPlane.iso(late.addedAt))),
        ])
    }

    /// Micros as a major-unit JSON number, exactly: `40_500_000` → `40.5`.
    static func major(_ micros: Int64) -> MockJSON {
        .number(NSDecimalNumber(decimal: Decimal(micros) / 1_000_000).stringValue)
    }
}
