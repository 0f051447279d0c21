import Foundation

/// The Airtable Web API emulator: records of the tables set up through the control plane, under `/v0/…`.
///
/// Written from Airtable's Web API reference (https://airtable.com/developers/web/api) and from captures of its
/// answers, not from any client:
/// - `GET /v0/{baseId}/{tableIdOrName}` lists records (`pageSize`, `offset`, `maxRecords`, `filterByFormula`,
///   `fields[]`, `sort[i][…]`, `view`), and so does `POST …/listRecords` with the same parameters as JSON;
///   `GET …/{recordId}` reads one.
/// - `POST` creates 1–10 records (or one, with a top-level `fields`); `PATCH` merges and `PUT` replaces, on the
///   table (1–10 records, or an upsert with `performUpsert`) or on one record; `DELETE` takes `records[]` (≤ 10)
///   or one record id.
/// - `GET /v0/meta/bases` and `GET /v0/meta/bases/{baseId}/tables` answer the schema.
/// - Errors are `{"error":{"type","message"}}`; see ``AirtableError`` for the three shapes and the types.
/// - 5 requests per second per base, then 429 and a 30-second lockout (settable, see ``AirtableRateWindow``).
///
/// Table names in the path are percent-decoded (`Campaign%20Tickets`). Cells are validated against the field
/// types; `typecast: true` converts what it can and adds missing select options.
public struct AirtableEmulator: PlatformEmulator {
    /// The per-base rate limit, which the control plane configures.
    public let rateWindow: AirtableRateWindow

    /// Creates the emulator, with Airtable's rate limit unless given another window.
    public init(rateWindow: AirtableRateWindow = AirtableRateWindow()) {
        self.rateWindow = rateWindow
    }

    /// `airtable`.
    public var platform: String { "airtable" }

    /// `/v0/…` only: Meta's versions carry a dot (`/v21.0/`), Google's are followed by `customers`, and
    /// Snapchat's are `/v1/`.
    public func claims(_ request: MockRequest) -> Bool {
        request.segments.first == "v0"
    }

    /// The base in the path, for budgets, faults and the journal.
    public func accountID(for request: MockRequest) -> String? {
        Self.baseID(request.segments)
    }

    /// Answers a request; every failure is one of Airtable's error shapes.
    public func handle(_ request: MockRequest, world: MockWorld) async -> MockResponse {
        guard Self.isAuthenticated(request) else { return AirtableError.authenticationRequired.response }
        if let base = Self.baseID(request.segments), case .limited(let retryAfter) = rateWindow.admit(base: base) {
            return AirtableError.rateLimited(retryAfter: retryAfter).response
        }
        do {
            return try route(request, world: world)
        } catch {
            return error.response
        }
    }

    /// An injected fault in Airtable's shapes: the rule's `code` is an error type such as
    /// `INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND` or `RATE_LIMIT_REACHED`.
    public func faultResponse(_ fault: InjectedFault, for request: MockRequest) -> MockResponse {
        AirtableError.injected(status: fault.status, code: fault.code, message: fault.message).response
    }

    /// A spent budget set through `/_mock/rate-limits`: Airtable's 429.
    public func rateLimitedResponse(_ usage: RateLimitUsage, for request: MockRequest) -> MockResponse {
        AirtableError.rateLimited(retryAfter: usage.resetSeconds).response
    }

    /// None: Airtable sends no usage headers.
    public func usageHeaders(_ usage: RateLimitUsage, for request: MockRequest) -> [(String, String)] { [] }

    /// HTTP 413.
    public func bodyTooLargeResponse(limit: Int, for request: MockRequest) -> MockResponse {
        AirtableError.tooLarge(limit: limit).response
    }

    // MARK: - Routing

    private func route(_ request: MockRequest, world: MockWorld) throws(AirtableError) -> MockResponse {
        let segments = request.segments.map { Self.decode($0) }
        let method = request.method
        if segments.count >= 2, segments[1] == "meta" {
            switch (method, segments.count) {
            case ("GET", 3) where segments[2] == "bases":
                return listBases(world: world)
            case ("GET", 5) where segments[2] == "bases" && segments[4] == "tables":
                return try schema(base: segments[3], request: request, world: world)
            default:
                throw .notFound
            }
        }
        guard segments.count == 3 || segments.count == 4, !request.hasTrailingSlash else { throw .notFound }
        let base = segments[1]
        let table = segments[2]
        if segments.count == 3 {
            switch method {
            case "GET":
                return try list(AirtableListQuery(query: request.query), base: base, table: table, world: world)
            case "POST": return try create(request, base: base, table: table, world: world)
            case "PATCH", "PUT": return try updateMany(request, base: base, table: table, world: world)
            case "DELETE": return try deleteMany(request, base: base, table: table, world: world)
            default: throw .notFound
            }
        }
        let leaf = segments[3]
        switch method {
        case "POST" where leaf == "listRecords":
            return try list(AirtableListQuery(body: try Self.body(request)), base: base, table: table, world: world)
        case "GET": return try read(leaf, request: request, base: base, table: table, world: world)
        case "PATCH", "PUT": return try updateOne(leaf, request: request, base: base, table: table, world: world)
        case "DELETE": return try deleteOne(leaf, base: base, table: table, world: world)
        default: throw .notFound
        }
    }

    /// The base a path acts on: `/v0/{baseId}/…` or `/v0/meta/bases/{baseId}/…`.
    static func baseID(_ segments: [Substring]) -> String? {
        guard segments.count >= 2, segments[0] == "v0" else { return nil }
        if segments[1] == "meta" {
            return segments.count >= 4 && segments[2] == "bases" ? String(segments[3]) : nil
        }
        return String(segments[1])
    }

    /// `Authorization: Bearer <token>` with a non-empty token.
    static func isAuthenticated(_ request: MockRequest) -> Bool {
        guard let header = request.header("authorization") else { return false }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        return parts.count == 2 && parts[0].lowercased() == "bearer"
            && !parts[1].trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// A path segment, percent-decoded (`Campaign%20Tickets` → `Campaign Tickets`); `+` stays a plus, as it
    /// does in a path.
    static func decode(_ segment: Substring) -> String {
        String(segment).removingPercentEncoding ?? String(segment)
    }

    /// The JSON body: 400 when it is not JSON.
    static func body(_ request: MockRequest) throws(AirtableError) -> MockJSON {
        guard let json = request.json else { throw .malformedJSON }
        return json
    }
}
