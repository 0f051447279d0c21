import Foundation

/// The Meta Marketing API (Graph API) emulator: `/vNN.N/…` for any version v18.0–v26.0.
///
/// It answers as Graph does (reference §1 and §6): form bodies whose values are JSON strings, the access token in
/// the query (or an `Authorization: Bearer`/`OAuth` header), budgets in minor units returned as strings, `{"id"}`
/// on create and `{"success":true}` on update and delete, cursor paging whose `paging.next` appears only when
/// another page exists, insights metrics as strings, batch calls, and the long-lived token exchange. Every
/// failure is a Graph error object (``MetaError``) with Meta's code and subcode.
///
/// Choices where the reference leaves room, so callers know what to expect:
/// - **Currency:** every ad account is USD (offset 100), so `daily_budget=1000` is $10.00 and spend is reported
///   in dollars.
/// - **Tokens:** any non-empty token is accepted. A missing token is Graph's code 104 ("An access token is
///   required…", as Graph answers unauthenticated calls); an empty token, or one starting `INVALID`, is code 190;
///   one starting `EXPIRED` is code 190 with subcode 463.
/// - **Versions:** `vNN.0` with NN from 18 to 26; any other `vN.N` is answered with Graph's deprecated-version
///   error, code 2635.
/// - **Rate limits** count calls under `act_<id>/…`; node calls (`/<id>`) carry no account in their path and
///   are not counted.
/// - **Webhooks:** `/{app_id}/subscriptions` and `act_<id>/subscribed_apps`, with signed, batched and retried
///   deliveries of status changes (``MetaWebhooks``).
/// - **Automated rules:** the ad-rules library, run on the virtual clock (`MetaEmulator+AdRules.swift`).
/// - **Previews:** `generatepreviews` and `previews` answer iframes of emulator-drawn pages
///   (`MetaEmulator+Previews.swift`).
public struct MetaEmulator: PlatformEmulator {
    /// The app subscriptions and the outbox of webhook deliveries (``MetaWebhooks``).
    public let webhooks: MetaWebhooks
    /// Switches for behaviour the reference leaves unconfirmed, such as ad-rule error 2703.
    public let settings: MetaEmulatorSettings
    /// Insights rows of recent reads, which their cursors page through.
    let insightsSnapshots = ReportSnapshots<[MockJSON]>()
    /// Runs ad rules as the virtual clock moves, one pass at a time.
    let adRuleScheduler = MetaAdRuleScheduler()

    /// Creates the emulator; `webhooks` holds its apps' subscriptions and deliveries, `settings` its switches.
    public init(webhooks: MetaWebhooks = MetaWebhooks(), settings: MetaEmulatorSettings = MetaEmulatorSettings()) {
        self.webhooks = webhooks
        self.settings = settings
    }

    /// `meta`.
    public var platform: String { "meta" }

    /// The newest version the emulator serves, named in the deprecated-version error.
    static let latestVersion = "v26.0"
    /// The major versions served.
    static let supportedMajors = 18...26
    /// The platform id entities are stored under.
    static let platformID = "meta"

    /// Paths whose first segment is a Graph version, `vNN.N`.
    public func claims(_ request: MockRequest) -> Bool {
        guard let first = request.segments.first else { return false }
        return Self.versionMajor(first) != nil
    }

    /// The `act_<id>` node a path acts on; `nil` for node and batch calls.
    public func accountID(for request: MockRequest) -> String? {
        guard request.segments.count >= 2 else { return nil }
        let node = request.segments[1]
        return MetaCall.isAccountNode(node) ? String(node) : nil
    }

    /// 10 MiB for image uploads and multipart batches (which may attach files); 1 MiB otherwise.
    public func bodyLimit(for request: MockRequest) -> Int {
        let segments = request.segments
        if segments.count == 3, segments[2] == "adimages" { return 10 << 20 }
        if segments.count == 1, let type = request.headers["content-type"],
            MetaForm.hasPrefix(type, lowercased: "multipart/form-data")
        {
            return 10 << 20
        }
        return 1 << 20
    }

    /// Answers a Graph call; every failure becomes a Graph error object.
    public func handle(_ request: MockRequest, world: MockWorld) async -> MockResponse {
        // Rules due since the clock last moved run before the request is answered, so it sees their effects.
        runDueAdRules(world: world)
        do throws(MetaError) {
            let call = try Self.makeCall(request)
            if Self.isAppSubscriptionCall(call) { return try await appSubscriptions(call, world: world) }
            return try route(call, world: world)
        } catch {
            return error.response
        }
    }

    /// An injected fault as Graph would send it: a code (and subcode) as that error object, a bare status as the
    /// Meta error Graph pairs with it (codes 1 and 2 for 5xx). Throttling codes carry the usage headers at 100%.
    public func faultResponse(_ fault: InjectedFault, for request: MockRequest) -> MockResponse {
        let error: MetaError
        if let codeText = fault.code {
            let subcode = fault.subcode.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            if let code = Int(codeText.trimmingCharacters(in: .whitespaces)) {
                error = MetaError.forCode(code, subcode: subcode, status: fault.status, message: fault.message)
            } else {
                error = MetaError.forCode(
                    1, subcode: subcode, status: fault.status, message: fault.message ?? "An unknown error occurred")
            }
        } else {
            error = MetaError.forStatus(fault.status ?? 500, message: fault.message)
        }
        var response = error.response
        if MetaError.isThrottling(error.code) {
            response = response.adding(throttleHeaders(code: error.code, request: request))
        }
        return response
    }

    /// A spent budget: the budget's code (`17` by default, `613` with subcode 1487742, `4`, or one of the
    /// `800xx` Business Use Case codes), HTTP 400. The usage headers are added by the server, as on every answer.
    public func rateLimitedResponse(_ usage: RateLimitUsage, for request: MockRequest) -> MockResponse {
        let code = usage.budget.code.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 17
        let subcode: Int? =
            switch code {
            case 17: 2_446_079
            case 613: 1_487_742
            default: nil
            }
        return MetaError.forCode(code, subcode: subcode, status: nil, message: nil).response
    }

    /// `X-App-Usage`, `X-Ad-Account-Usage` and `X-Business-Use-Case-Usage`, as JSON strings of percentages, and on
    /// insights calls `x-fb-ads-insights-throttle`; the usage rises with each call in the budget's window.
    public func usageHeaders(_ usage: RateLimitUsage, for request: MockRequest) -> [(String, String)] {
        let percent = min(100, max(0, usage.percentUsed))
        let whole = Int(percent.rounded(.down))
        let reset = min(max(usage.resetSeconds, 0), 1e9)
        let regain = usage.exceeded ? max(1, Int((reset / 60).rounded(.up))) : 0
        return Self.usageHeaders(
            account: usage.account, percent: percent, wholePercent: whole, resetSeconds: Int(reset.rounded(.up)),
            regainMinutes: regain, type: Self.useCase(of: request))
    }

    /// HTTP 413 with a Graph error object.
    public func bodyTooLargeResponse(limit: Int, for request: MockRequest) -> MockResponse {
        MetaError(
            status: 413, code: 100,
            message: "(#100) The request body is larger than the \(limit)-byte limit for this endpoint"
        ).response
    }

    // MARK: - Usage headers

    static func usageHeaders(
        account: String, percent: Double, wholePercent: Int, resetSeconds: Int, regainMinutes: Int, type: String
    ) -> [(String, String)] {
        let digits = account.hasPrefix("act_") ? String(account.dropFirst(4)) : account
        let app = MockJSON.object([
            ("call_count", .int(wholePercent)), ("total_cputime", .int(wholePercent / 2)),
            ("total_time", .int(wholePercent / 2)),
        ])
        let adAccount = MockJSON.object([
            ("acc_id_util_pct", .number(MetaNumbers.decimal(Int64((percent * 100).rounded()), scale: 2))),
            ("reset_time_duration", .int(resetSeconds)), ("ads_api_access_tier", .string("standard_access")),
        ])
        let business = MockJSON.object([
            (
                digits,
                .array([
                    .object([
                        ("type", .string(type)), ("call_count", .int(wholePercent)),
                        ("total_cputime", .int(wholePercent / 2)), ("total_time", .int(wholePercent / 2)),
                        ("estimated_time_to_regain_access", .int(regainMinutes)),
                        ("ads_api_access_tier", .string("standard_access")),
                    ])
                ])
            )
        ])
        var headers = [
            ("X-App-Usage", app.serialized), ("X-Ad-Account-Usage", adAccount.serialized),
            ("X-Business-Use-Case-Usage", business.serialized),
        ]
        if type == "ads_insights" {
            // The insights throttle, as its own header on insights calls: the app's and the account's share.
            let throttle = MockJSON.object([
                ("app_id_util_pct", .number(MetaNumbers.decimal(Int64((percent * 100).rounded()), scale: 2))),
                ("acc_id_util_pct", .number(MetaNumbers.decimal(Int64((percent * 100).rounded()), scale: 2))),
            ])
            headers.append(("x-fb-ads-insights-throttle", throttle.serialized))
        }
        return headers
    }

    /// Usage headers at 100% with a minute to wait, sent with injected throttling errors.
    func throttleHeaders(code: Int, request: MockRequest) -> [(String, String)] {
        let type = MetaError.useCases[code] ?? Self.useCase(of: request)
        return Self.usageHeaders(
            account: accountID(for: request) ?? "act_0", percent: 100, wholePercent: 100, resetSeconds: 60,
            regainMinutes: 1, type: type)
    }

    /// The Business Use Case a call counts against.
    static func useCase(of request: MockRequest) -> String {
        request.segments.last == "insights" ? "ads_insights" : "ads_management"
    }

    // MARK: - Parsing a request into a call

    /// The major version of a `vNN.N` segment; `nil` when the segment is not a version.
    static func versionMajor(_ segment: Substring) -> Int? {
        let bytes = segment.utf8
        guard bytes.first == UInt8(ascii: "v"), let dot = segment.firstIndex(of: ".") else { return nil }
        let major = segment[segment.index(after: segment.startIndex)..<dot]
        let minor = segment[segment.index(after: dot)...]
        guard !major.isEmpty, !minor.isEmpty, major.utf8.count <= 4, minor.utf8.count <= 4,
            major.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            minor.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int(major)
    }

    /// Whether a version segment is one the emulator serves.
    static func isSupported(_ segment: Substring) -> Bool {
        guard let major = versionMajor(segment), supportedMajors.contains(major) else { return false }
        return segment.hasSuffix(".0")
    }

    /// Reads method, path, parameters and files from an HTTP request.
    static func makeCall(_ request: MockRequest) throws(MetaError) -> MetaCall {
        guard let version = request.segments.first else { throw MetaError.unknownPath("/") }
        guard isSupported(version) else { throw MetaError.unsupportedVersion(String(version)) }
        var bodyPairs: [(String, String)] = []
        var jsonMembers: [(String, MockJSON)] = []
        var files: [MockMultipartPart] = []
        if !request.body.isEmpty {
            // Media types are told apart by prefix on the raw header: cheaper than `MockRequest.mediaType`, and
            // this runs on every create.
            let type = request.headers["content-type"] ?? ""
            if MetaForm.hasPrefix(type, lowercased: "multipart/form-data") {
                guard let parts = request.multipart else {
                    throw MetaError.param("The multipart/form-data body could not be parsed.")
                }
                for part in parts {
                    if part.fileName != nil {
                        files.append(part)
                    } else {
                        bodyPairs.append((part.name, part.text))
                    }
                }
            } else if MetaForm.hasPrefix(type, lowercased: "application/json") {
                guard let members = request.json?.members else {
                    throw MetaError.param("The request body is not a valid JSON object.")
                }
                jsonMembers = members
            } else {
                bodyPairs = MetaForm.decode(request.body)
            }
        }
        var params = MetaParams(query: request.query, body: bodyPairs)
        if !jsonMembers.isEmpty { params.merge(jsonMembers) }
        var method = request.method == "HEAD" ? "GET" : request.method
        if method == "GET" || method == "POST", let override = params["method"]?.text?.uppercased(),
            ["GET", "POST", "DELETE"].contains(override)
        {
            method = override
            params.remove("method")
        }
        switch method {
        case "GET", "POST", "DELETE": break
        default: throw MetaError.unsupportedMethod(method, path: request.path)
        }
        var token = params["access_token"]?.text
        if token == nil, let authorization = request.header("authorization") {
            for scheme in ["Bearer ", "OAuth "] where authorization.hasPrefix(scheme) {
                token = String(authorization.dropFirst(scheme.count).trimmingHTTPWhitespace)
            }
        }
        let host = request.headers["host"] ?? "127.0.0.1"
        return MetaCall(
            method: method, version: String(version),
            path: request.segments.dropFirst().map {
                $0.utf8.contains(UInt8(ascii: "%")) ? ($0.removingPercentEncoding ?? String($0)) : String($0)
            },
            params: params, files: files, origin: "http://" + host, query: request.query, token: token)
    }

    // MARK: - Routing

    /// Routes a call (from HTTP or from a batch) to its handler.
    func route(_ call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        let path = call.path
        if path.count == 2, path[0] == "oauth", path[1] == "access_token" {
            return try exchangeToken(call, world: world)
        }
        try Self.authorize(call.token)
        switch path.count {
        case 0:
            return try root(call, world: world)
        case 1:
            if let account = call.accountNode { return try accountNode(account, call: call, world: world) }
            return try node(path[0], call: call, world: world)
        case 2:
            if let account = call.accountNode {
                return try accountEdge(account, edge: path[1], call: call, world: world)
            }
            return try nodeEdge(path[0], edge: path[1], call: call, world: world)
        default:
            throw MetaError.unknownPath("/" + path.dropFirst(path.count > 2 ? 2 : 0).joined(separator: "/"))
        }
    }

    /// Checks the access token as Graph does.
    static func authorize(_ token: String?) throws(MetaError) {
        guard let token else { throw MetaError.missingToken }
        if MetaForm.isBlank(token) || token.hasPrefix("INVALID") { throw MetaError.invalidToken }
        if token.hasPrefix("EXPIRED") { throw MetaError.expiredToken }
    }

    /// `POST /{v}/` with `batch`, or `GET /{v}/?ids=…`.
    func root(_ call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        if call.method == "POST", call.params.has("batch") { return try batch(call, world: world) }
        if call.method == "GET", call.params.has("ids") { return try readMany(call, world: world) }
        if call.method == "POST" { throw MetaError.required("batch") }
        throw MetaError.unsupportedMethod(call.method, path: "/")
    }

    /// `act_<id>` itself: the ad account node.
    func accountNode(_ account: String, call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        guard call.method == "GET" else { throw MetaError.unsupportedMethod(call.method, path: account) }
        return .json(try renderAccount(account, call: call, world: world))
    }

    /// `act_<id>/<edge>`: lists, creates, image uploads and insights.
    func accountEdge(
        _ account: String, edge: String, call: MetaCall, world: MockWorld
    ) throws(MetaError)
        -> MockResponse
    {
        switch (call.method, edge) {
        case ("POST", "campaigns"): return try createCampaign(call, account: account, world: world)
        case ("POST", "adsets"): return try createAdSet(call, account: account, world: world)
        case ("POST", "adcreatives"): return try createCreative(call, account: account, world: world)
        case ("POST", "ads"): return try createAd(call, account: account, world: world)
        case ("POST", "adimages"): return try uploadImages(call, account: account, world: world)
        case ("DELETE", "adimages"): return try deleteImage(call, account: account, world: world)
        case ("GET", "insights"): return try insights(root: .account(account), call: call, world: world)
        case (_, "subscribed_apps"): return try subscribedApps(call, account: account)
        case ("POST", "insights"): return try startReport(root: .account(account), call: call, world: world)
        case ("POST", "adrules_library"): return try createAdRule(call, account: account, world: world)
        case ("GET", "adrules_library"):
            return try list(kind: MetaKind.adRule, account: account, scope: nil, call: call, world: world)
        case ("GET", "adrules_history"): return try accountAdRuleHistory(call, account: account, world: world)
        case ("GET", "generatepreviews"): return try generatePreviews(call, account: account, world: world)
        case ("GET", _):
            guard let kind = MetaKind.forEdge(edge) else { throw Self.nonexistingField(edge, kind: "account") }
            return try list(kind: kind, account: account, scope: nil, call: call, world: world)
        default:
            guard MetaKind.forEdge(edge) != nil || edge == "insights" else {
                throw Self.nonexistingField(edge, kind: "account")
            }
            throw MetaError.unsupportedMethod(call.method, path: edge)
        }
    }

    /// `/<id>`: read, update or delete a node.
    func node(_ id: String, call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        if id == "me" {
            guard call.method == "GET" else { throw MetaError.unsupportedMethod(call.method, path: id) }
            return .json(.object([("id", .string("100000000000001")), ("name", .string("AdOps Mock User"))]))
        }
        guard let entity = world.entity(Self.platformID, id) else {
            throw Self.isNodeID(id) ? MetaError.notFound(id, method: call.method) : Self.unknownAlias(id)
        }
        if entity.kind == MetaKind.adRule { return try adRuleNode(entity, call: call, world: world) }
        switch call.method {
        case "GET":
            let selection = try MetaFieldSelection(call.params, kind: entity.kind, defaults: ["id"])
            return .json(try render(entity, selection: selection, world: world))
        case "POST":
            return try update(entity, call: call, world: world)
        default:
            return try delete(entity, world: world)
        }
    }

    /// `/<id>/<edge>`: insights of a campaign, ad set or ad; a campaign's ad sets and ads; an ad set's ads; an
    /// async report's results.
    func nodeEdge(_ id: String, edge: String, call: MetaCall, world: MockWorld) throws(MetaError) -> MockResponse {
        guard let entity = world.entity(Self.platformID, id) else {
            throw Self.isNodeID(id) ? MetaError.notFound(id, method: call.method) : Self.unknownAlias(id)
        }
        if entity.kind == MetaKind.adRule { return try adRuleEdge(entity, edge: edge, call: call, world: world) }
        switch (call.method, entity.kind, edge) {
        case ("GET", MetaKind.reportRun, "insights"):
            return try reportResults(entity, call: call, world: world)
        case ("GET", MetaKind.campaign, "insights"), ("GET", MetaKind.adSet, "insights"),
            ("GET", MetaKind.ad, "insights"):
            return try insights(root: .entity(entity), call: call, world: world)
        case ("POST", MetaKind.campaign, "insights"), ("POST", MetaKind.adSet, "insights"),
            ("POST", MetaKind.ad, "insights"):
            return try startReport(root: .entity(entity), call: call, world: world)
        case ("GET", MetaKind.campaign, "adsets"):
            return try list(
                kind: MetaKind.adSet, account: entity.accountID, scope: .campaign(id), call: call, world: world)
        case ("GET", MetaKind.campaign, "ads"):
            return try list(
                kind: MetaKind.ad, account: entity.accountID, scope: .campaign(id), call: call, world: world)
        case ("GET", MetaKind.adSet, "ads"):
            return try list(kind: MetaKind.ad, account: entity.accountID, scope: .adSet(id), call: call, world: world)
        case ("GET", MetaKind.ad, "previews"), ("GET", MetaKind.creative, "previews"):
            return try entityPreviews(entity, call: call, world: world)
        case ("GET", MetaKind.ad, "adcreatives"):
            let creative = entity.fields["creative"]?["id"]?.text ?? ""
            return try list(
                kind: MetaKind.creative, account: entity.accountID, scope: .ids([creative]), call: call, world: world)
        default:
            throw Self.nonexistingField(edge, kind: entity.kind)
        }
    }

    /// Whether a path segment could be a node id (digits, or an image's `<account>:<hash>`).
    static func isNodeID(_ id: String) -> Bool {
        !id.isEmpty
            && id.utf8.allSatisfy {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ":")
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
            } && id.utf8.first.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } == true
    }

    /// Graph's answer to a name that is neither an id nor a known alias (code 803, HTTP 404).
    static func unknownAlias(_ name: String) -> MetaError {
        MetaError(status: 404, code: 803, message: "(#803) Some of the aliases you requested do not exist: \(name)")
    }

    /// Graph's answer to an edge or field a node type does not have.
    static func nonexistingField(_ name: String, kind: String) -> MetaError {
        MetaError.param(
            "Tried accessing nonexisting field (\(name)) on node type (\(MetaVocabulary.nodeType(kind)))")
    }
}
