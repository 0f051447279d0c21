import Foundation

/// Answers `googleAds:search` (pages of 10,000 rows with `nextPageToken`) and `googleAds:searchStream` (a JSON
/// array of `SearchGoogleAdsStreamResponse` batches), errors included in each one's shape.
struct GoogleAdsSearchHandler: Sendable {
    /// The route called.
    var route: GoogleAdsRoute
    /// The customer.
    var customerID: String
    /// The request id answered with.
    var requestID: String
    /// Whether this is `searchStream`.
    var stream: Bool
    /// The results of recent searches: the pages after the first read the rows the first one computed.
    var snapshots: ReportSnapshots<GoogleAdsSearch.Result>

    /// The fixed page (and stream batch) size of the real API.
    static let pageSize = 10_000

    /// Answers a search.
    func respond(_ request: MockRequest, world: MockWorld) -> MockResponse {
        let decoder = GoogleAdsPayloadDecoder(version: route.version)
        let body: MockJSON
        do throws(GoogleAdsPayloadError) {
            body = try decoder.decodeBody(
                request.body,
                as: stream ? "services.SearchGoogleAdsStreamRequest" : "services.SearchGoogleAdsRequest")
        } catch {
            return GoogleAdsErrorEnvelope.badPayload(error, requestID: requestID, stream: stream)
        }
        guard let text = body["query"]?.string, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return failure(GoogleAdsError("fieldError", "REQUIRED", location: [GoogleAdsError.PathElement("query")]))
        }
        if let size = body["pageSize"].flatMap(GoogleAdsPayloadDecoder.integer), size != 0 {
            return failure(
                GoogleAdsError(
                    "requestError", "PAGE_SIZE_NOT_SUPPORTED", trigger: GoogleAdsError.int64Trigger(size),
                    location: [GoogleAdsError.PathElement("page_size")]))
        }
        let today = GoogleAdsDay(world.now)
        let search = GoogleAdsSearch(world: world, customerID: customerID)
        let plan: GoogleAdsSearch.Plan
        do throws(GoogleAdsQueryError) {
            plan = try search.plan(try GoogleAdsQuery.parse(text), today: today)
        } catch {
            return failure(error.googleAdsError)
        }
        let settings = body["searchSettings"] ?? .object([])
        let summarySetting = body["summaryRowSetting"]?.string ?? "NO_SUMMARY_ROW"
        let wantsSummary =
            stream
            ? summarySetting == "SUMMARY_ROW_WITH_RESULTS" || summarySetting == "SUMMARY_ROW_ONLY"
            : settings["returnSummaryRow"]?.bool == true
        if wantsSummary, !plan.selectsMetrics {
            return failure(GoogleAdsError("requestError", "CANNOT_RETURN_SUMMARY_ROW_FOR_REQUEST_WITHOUT_METRICS"))
        }
        let pageToken = body["pageToken"]?.string ?? ""
        if body["validateOnly"]?.bool == true {
            if !pageToken.isEmpty {
                return failure(
                    GoogleAdsError(
                        "requestError", "VALIDATE_ONLY_REQUEST_HAS_PAGE_TOKEN",
                        location: [GoogleAdsError.PathElement("page_token")]))
            }
            return .json(.object([("fieldMask", .string(plan.fieldMask))]), headers: [("request-id", requestID)])
        }
        var offset = 0
        var snapshot: UInt64?
        if !pageToken.isEmpty {
            guard let decoded = Self.offset(from: pageToken, query: text, customerID: customerID) else {
                return failure(
                    GoogleAdsError(
                        "requestError", "INVALID_PAGE_TOKEN", trigger: GoogleAdsError.stringTrigger(pageToken),
                        location: [GoogleAdsError.PathElement("page_token")]))
            }
            (offset, snapshot) = decoded
        }
        let snapshotQuery = customerID + "\n" + text
        let kept = snapshot.flatMap { snapshots.rows($0, query: snapshotQuery) }
        let result = kept ?? search.run(plan, today: today)
        let summary = wantsSummary ? summaryRow(plan, result.totals) : nil
        let consumption = MockJSON.string(String(100 + result.rows.count))
        if stream {
            var batches: [MockJSON] = []
            let rows = summarySetting == "SUMMARY_ROW_ONLY" ? [] : result.rows
            var start = 0
            repeat {
                let end = min(start + Self.pageSize, rows.count)
                var members: [(String, MockJSON)] = []
                if end > start { members.append(("results", .array(Array(rows[start..<end])))) }
                members.append(("fieldMask", .string(plan.fieldMask)))
                if end >= rows.count, let summary { members.append(("summaryRow", summary)) }
                members.append(("requestId", .string(requestID)))
                members.append(("queryResourceConsumption", consumption))
                batches.append(.object(members))
                start = end
            } while start < rows.count
            return .json(.array(batches), headers: [("request-id", requestID)])
        }
        guard offset <= result.rows.count else {
            return failure(
                GoogleAdsError(
                    "requestError", "INVALID_PAGE_TOKEN", trigger: GoogleAdsError.stringTrigger(pageToken),
                    location: [GoogleAdsError.PathElement("page_token")]))
        }
        let end = min(offset + Self.pageSize, result.rows.count)
        var members: [(String, MockJSON)] = []
        if end > offset, settings["omitResults"]?.bool != true {
            members.append(("results", .array(Array(result.rows[offset..<end]))))
        }
        if end < result.rows.count {
            let id = kept != nil ? snapshot : snapshots.keep(result, query: snapshotQuery)
            members.append(
                ("nextPageToken", .string(Self.token(offset: end, query: text, customerID: customerID, snapshot: id))))
        }
        if settings["returnTotalResultsCount"]?.bool == true {
            members.append(("totalResultsCount", .string(String(result.rows.count))))
        }
        members.append(("fieldMask", .string(plan.fieldMask)))
        if end >= result.rows.count, let summary { members.append(("summaryRow", summary)) }
        members.append(("queryResourceConsumption", consumption))
        return .json(.object(members), headers: [("request-id", requestID)])
    }

    /// The summary row: the selected metrics over every row.
    private func summaryRow(_ plan: GoogleAdsSearch.Plan, _ totals: DeliveryTotals) -> MockJSON {
        var metrics: [(String, MockJSON)] = []
        for field in plan.selected where field.scope == .metrics {
            guard let name = field.jsonPath.first, !metrics.contains(where: { $0.0 == name }),
                let value = GoogleAdsSearch.metric(name, totals)
            else { continue }
            metrics.append((name, value))
        }
        return .object([("metrics", .object(metrics))])
    }

    /// A 400 carrying one error, array-wrapped for the stream.
    private func failure(_ error: GoogleAdsError) -> MockResponse {
        GoogleAdsErrorEnvelope.response(
            httpStatus: 400, errors: [error], version: route.version, requestID: requestID, stream: stream)
    }

    /// A page token: the offset and the snapshot of the rows it pages through, bound to the query and customer so a
    /// token is refused for another query.
    static func token(offset: Int, query: String, customerID: String, snapshot: UInt64? = nil) -> String {
        let binding = String(SplitMix64.hash(0, customerID, query) % 1_000_000_007)
        return Data("\(offset):\(binding)\(snapshot.map { ":\($0)" } ?? "")".utf8).base64EncodedString()
    }

    /// The offset and snapshot of a page token issued for this query; `nil` when it was not.
    static func offset(from token: String, query: String, customerID: String) -> (Int, UInt64?)? {
        guard let data = Data(base64Encoded: token) else { return nil }
        let parts = String(decoding: data, as: UTF8.self).split(separator: ":")
        guard parts.count == 2 || parts.count == 3, let offset = Int(parts[0]), offset >= 0,
            parts[1] == String(SplitMix64.hash(0, customerID, query) % 1_000_000_007)
        else { return nil }
        guard parts.count == 3 else { return (offset, nil) }
        guard let snapshot = UInt64(parts[2]) else { return nil }
        return (offset, snapshot)
    }
}
