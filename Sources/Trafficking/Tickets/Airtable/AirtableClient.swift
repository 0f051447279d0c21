import AdPlatformKit
import Foundation

/// A small client for the Airtable Web API's record endpoints: list with paging, update and create in batches.
///
/// It paces itself to the per-base limit (see ``AirtableRequestPacer``), waits out a 429 for its `Retry-After`
/// (30 s when absent, as Airtable documents) and retries 5xx answers and failed connections with exponential
/// backoff, each a bounded number of times. Other failures throw ``AirtableError``. The token goes only into the
/// `Authorization` header: never into a URL, an error or a log.
public struct AirtableClient: Sendable {
    /// The largest batch Airtable accepts in one create or update.
    public static let maximumBatchSize = 10
    /// The largest page Airtable returns.
    public static let maximumPageSize = 100

    /// Where calls go and how they are paced and retried.
    public let configuration: Configuration
    private let transport: any HTTPTransport
    private let pacer: AirtableRequestPacer
    private let sleep: @Sendable (Duration) async throws -> Void

    /// Creates a client. Pass the same `pacer` to every client of one base so they share its limit; `sleep` is
    /// injectable so tests do not wait.
    public init(
        configuration: Configuration, transport: any HTTPTransport, pacer: AirtableRequestPacer? = nil,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.pacer = pacer ?? AirtableRequestPacer()
        self.sleep = sleep
    }

    // MARK: - Records

    /// Every record matching a formula, following `offset` from page to page until Airtable sends none.
    /// `fields` limits the cells returned (all when empty); `pageSize` is capped at 100.
    public func listRecords(
        filterByFormula formula: String? = nil, fields: [String] = [], pageSize: Int = maximumPageSize
    ) async throws -> [Record] {
        let operation = "listRecords"
        var query: [(String, String)] = [("pageSize", String(min(max(1, pageSize), Self.maximumPageSize)))]
        if let formula, !formula.isEmpty { query.append(("filterByFormula", formula)) }
        query += fields.map { ("fields[]", $0) }
        var records: [Record] = []
        var offset: String?
        repeat {
            let url = try tableURL(query: query + (offset.map { [("offset", $0)] } ?? []), operation: operation)
            let body = try await send(PlatformHTTPRequest(method: .get, url: url), operation: operation)
            guard let page = body["records"]?.arrayValue else {
                throw AirtableError(
                    code: .malformedResponse, operation: operation, message: "the answer has no records array")
            }
            records += try page.map { try record($0, operation: operation) }
            let next = body["offset"]?.stringValue
            // An offset that repeats would page forever; Airtable never sends one.
            if let next, next == offset {
                throw AirtableError(
                    code: .malformedResponse, operation: operation, message: "the answer repeated offset \(next)")
            }
            offset = next
        } while offset != nil
        return records
    }

    /// Updates records' cells (only the fields named; the others keep their values), in PATCH batches of 10.
    /// `null` clears a cell. With `typecast`, Airtable converts values and creates missing select options.
    /// Safe to repeat: the same PATCH leaves the same cells.
    @discardableResult
    public func updateRecords(
        _ updates: [(id: String, fields: [String: JSONValue])], typecast: Bool = false
    ) async throws -> [Record] {
        var updated: [Record] = []
        for start in stride(from: 0, to: updates.count, by: Self.maximumBatchSize) {
            let batch = updates[start..<min(start + Self.maximumBatchSize, updates.count)]
            let records: [JSONValue] = batch.map { .object(["id": .string($0.id), "fields": .object($0.fields)]) }
            updated += try await write(.patch, records: records, typecast: typecast, operation: "updateRecords")
        }
        return updated
    }

    /// Creates records, in POST batches of 10, e.g. to seed a table. A batch whose answer was lost (5xx, dropped
    /// connection) is not retried, since Airtable may have created it; that throws ``AirtableError`` `unavailable`.
    @discardableResult
    public func createRecords(_ records: [[String: JSONValue]], typecast: Bool = false) async throws -> [Record] {
        var created: [Record] = []
        for start in stride(from: 0, to: records.count, by: Self.maximumBatchSize) {
            let batch = records[start..<min(start + Self.maximumBatchSize, records.count)]
            created += try await write(
                .post, records: batch.map { .object(["fields": .object($0)]) }, typecast: typecast,
                operation: "createRecords", retriesTransientFailures: false)
        }
        return created
    }

    private func write(
        _ method: HTTPMethod, records: [JSONValue], typecast: Bool, operation: String,
        retriesTransientFailures: Bool = true
    ) async throws -> [Record] {
        var payload: [String: JSONValue] = ["records": .array(records)]
        if typecast { payload["typecast"] = true }
        var headers = HTTPHeaderFields()
        headers["Content-Type"] = "application/json"
        let request = PlatformHTTPRequest(
            method: method, url: try tableURL(query: [], operation: operation), headers: headers,
            body: JSONValue.object(payload).encodedData())
        let body = try await send(request, operation: operation, retriesTransientFailures: retriesTransientFailures)
        guard let written = body["records"]?.arrayValue else {
            throw AirtableError(
                code: .malformedResponse, operation: operation, message: "the answer has no records array")
        }
        return try written.map { try record($0, operation: operation) }
    }

    private func record(_ json: JSONValue, operation: String) throws -> Record {
        guard let record = Record(json: json) else {
            throw AirtableError(
                code: .malformedResponse, operation: operation, message: "a record in the answer has no id")
        }
        return record
    }

    // MARK: - Requests

    /// `{baseURL}/v0/{base}/{table}?{query}`, with the base and table percent-encoded as path segments and the
    /// query values percent-encoded (spaces as `%20`, so no server reads a `+` as anything but a plus).
    func tableURL(query: [(String, String)], operation: String) throws -> URL {
        var text = configuration.baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += "/v0/\(Self.percentEncoded(configuration.baseID))/\(Self.percentEncoded(configuration.table))"
        if !query.isEmpty {
            text +=
                "?" + query.map { "\(Self.percentEncoded($0.0))=\(Self.percentEncoded($0.1))" }.joined(separator: "&")
        }
        guard let url = URL(string: text) else {
            throw AirtableError(
                code: .invalidConfiguration, operation: operation,
                message: "cannot make a URL from \(configuration.baseURL.absoluteString) and the base and table")
        }
        return url
    }

    /// Percent-encodes every byte but RFC 3986's unreserved characters.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                result.append(String(format: "%%%02X", byte))
            }
        }
        return result
    }

    /// Sends a request with the token, paced, retrying 429s and (for idempotent calls) 5xx answers and failed
    /// connections; returns the parsed body of a 2xx answer.
    private func send(
        _ request: PlatformHTTPRequest, operation: String, retriesTransientFailures: Bool = true
    ) async throws -> JSONValue {
        var request = request
        request.headers["Authorization"] = "Bearer \(configuration.token)"
        var rateLimitRetries = 0
        var transientRetries = 0
        while true {
            try await pacer.acquire(base: configuration.baseID, limit: configuration.requestsPerSecond, sleep: sleep)
            let response: PlatformHTTPResponse
            do {
                response = try await transport.send(request)
            } catch let error as AdPlatformError where error.code == .transient {
                guard retriesTransientFailures, transientRetries < configuration.maximumTransientRetries else {
                    throw AirtableError(
                        code: .unavailable, operation: operation, message: redacted(error.message))
                }
                try await sleep(backoff(transientRetries))
                transientRetries += 1
                continue
            } catch let error as AdPlatformError {
                throw AirtableError(code: .malformedResponse, operation: operation, message: redacted(error.message))
            }
            if response.isSuccess {
                do {
                    return try JSONValue(parsing: response.body)
                } catch {
                    throw AirtableError(
                        code: .malformedResponse, operation: operation, httpStatus: response.status,
                        message: "the answer is not JSON")
                }
            }
            if response.status == 429, rateLimitRetries < configuration.maximumRateLimitRetries {
                rateLimitRetries += 1
                try await sleep(retryAfter(response) ?? configuration.defaultRetryAfter)
                continue
            }
            if response.status >= 500, retriesTransientFailures,
                transientRetries < configuration.maximumTransientRetries
            {
                try await sleep(backoff(transientRetries))
                transientRetries += 1
                continue
            }
            var error = AirtableError(operation: operation, status: response.status, body: response.body)
            error.message = redacted(error.message)
            throw error
        }
    }

    private func backoff(_ retry: Int) -> Duration {
        configuration.initialBackoff * (1 << min(retry, 16))
    }

    /// `Retry-After` in seconds; Airtable sends whole seconds.
    private func retryAfter(_ response: PlatformHTTPResponse) -> Duration? {
        guard let text = response.headers["Retry-After"]?.trimmingCharacters(in: .whitespaces),
            let seconds = Double(text), seconds >= 0, seconds.isFinite
        else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    /// The text with the token blanked out, in case a transport or a server echoed it.
    private func redacted(_ text: String) -> String {
        guard !configuration.token.isEmpty else { return text }
        return text.replacingOccurrences(of: configuration.token, with: "[redacted]")
    }
}
