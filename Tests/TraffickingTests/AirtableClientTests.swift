import AdPlatformKit
import AdPlatformTesting
import Foundation
import Synchronization
import Testing
import Trafficking

/// A clock that moves only when slept on, recording each sleep, so pacing and retries run instantly.
final class FakeAirtableClock: Sendable {
    private let start = ContinuousClock.now
    private let state = Mutex<(elapsed: Duration, sleeps: [Duration])>((.zero, []))

    /// The fake time.
    @Sendable func now() -> ContinuousClock.Instant { start + state.withLock { $0.elapsed } }

    /// Moves time on instead of waiting.
    @Sendable func sleep(_ duration: Duration) async throws {
        state.withLock {
            $0.elapsed += duration
            $0.sleeps.append(duration)
        }
    }

    /// Every sleep so far.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }
    /// Time since the start.
    var elapsed: Duration { state.withLock { $0.elapsed } }
}

/// A client on a scripted transport and a fake clock.
func makeAirtableClient(
    _ transport: ScriptedTransport, clock: FakeAirtableClock, token: String = "patTEST.secret",
    table: String = "Campaign Tickets", requestsPerSecond: Int = 5
) throws -> AirtableClient {
    let configuration = AirtableClient.Configuration(
        baseURL: try #require(URL(string: "http://127.0.0.1:4010")), token: token, baseID: "appTEST1234567890",
        table: table, requestsPerSecond: requestsPerSecond)
    return AirtableClient(
        configuration: configuration, transport: transport, pacer: AirtableRequestPacer(now: clock.now),
        sleep: clock.sleep)
}

@Suite("Airtable client")
struct AirtableClientTests {
    @Test("listing follows offset through three pages and sends each offset back")
    func paging() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(
            json:
                #"{"records":[{"id":"rec1","createdTime":"2026-11-21T10:00:00.000Z","fields":{"Name":"A"}}],"#
                + #""offset":"itr1/rec1"}"#
        )
        transport.enqueue(json: #"{"records":[{"id":"rec2","fields":{}}],"offset":"itr1/rec2"}"#)
        transport.enqueue(json: #"{"records":[{"id":"rec3"}]}"#)
        let client = try makeAirtableClient(transport, clock: FakeAirtableClock())

        let records = try await client.listRecords(fields: ["Name"])

        #expect(records.map(\.id) == ["rec1", "rec2", "rec3"])
        #expect(records[0].fields["Name"] == "A")
        #expect(records[0].createdTime == Date(timeIntervalSince1970: 1_795_255_200))
        let requests = transport.requests
        #expect(requests.count == 3)
        #expect(requests.allSatisfy { $0.method == .get })
        #expect(requests.allSatisfy { $0.url.path(percentEncoded: true) == "/v0/appTEST1234567890/Campaign%20Tickets" })
        #expect(requests.allSatisfy { $0.queryValue("pageSize") == "100" && $0.queryValue("fields[]") == "Name" })
        #expect(requests[0].queryValue("offset") == nil)
        #expect(requests[1].queryValue("offset") == "itr1/rec1")
        #expect(requests[2].queryValue("offset") == "itr1/rec2")
        #expect(requests[1].url.query(percentEncoded: true)?.contains("offset=itr1%2Frec1") == true)
    }

    @Test("the formula, field names and table name are percent-encoded, spaces as %20")
    func queryEncoding() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: #"{"records":[]}"#)
        let client = try makeAirtableClient(transport, clock: FakeAirtableClock(), table: "Tickets/2026 Q1")
        let formula = AirtableFormula.equals(field: "Status", "Ready & \"go\" 100%+")

        _ = try await client.listRecords(filterByFormula: formula, fields: ["Campaign IDs", "Status"], pageSize: 500)

        let request = try #require(transport.lastRequest)
        #expect(formula == #"{Status} = 'Ready & "go" 100%+'"#)
        #expect(request.url.path(percentEncoded: true) == "/v0/appTEST1234567890/Tickets%2F2026%20Q1")
        #expect(
            request.url.query(percentEncoded: true)
                == "pageSize=100&filterByFormula=%7BStatus%7D%20%3D%20%27Ready%20%26%20%22go%22%20100%25%2B%27"
                + "&fields%5B%5D=Campaign%20IDs&fields%5B%5D=Status")
        #expect(request.queryValue("filterByFormula") == formula)
        #expect(request.queryItems.filter { $0.name == "fields[]" }.map(\.value) == ["Campaign IDs", "Status"])
    }

    @Test("formula strings escape quotes and backslashes; field names escape closing braces")
    func formulaQuoting() {
        #expect(AirtableFormula.string("Client's OK") == #"'Client\'s OK'"#)
        #expect(AirtableFormula.string(#"a\b"#) == #"'a\\b'"#)
        #expect(AirtableFormula.field("Odd}Name") == #"{Odd\}Name}"#)
        #expect(AirtableFormula.equals(field: "Status", "Ready") == "{Status} = 'Ready'")
    }

    @Test("every request carries the token as a Bearer Authorization header, and only there")
    func authorization() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(json: #"{"records":[]}"#)
        transport.enqueue(json: #"{"records":[{"id":"rec1","fields":{}}]}"#)
        let client = try makeAirtableClient(transport, clock: FakeAirtableClock(), token: "patABC.123")

        _ = try await client.listRecords()
        try await client.updateRecords([(id: "rec1", fields: ["Status": "Ready"])])

        #expect(transport.requests.count == 2)
        for request in transport.requests {
            #expect(request.headers["Authorization"] == "Bearer patABC.123")
            #expect(!request.url.absoluteString.contains("patABC"))
        }
    }

    @Test("23 updates go as PATCHes of 10, 10 and 3 records")
    func patchChunking() async throws {
        let transport = ScriptedTransport { request in
            // Echo the records back, as Airtable does.
            let body = try JSONValue(parsing: request.body ?? Data())
            return PlatformHTTPResponse(
                status: 200, body: JSONValue.object(["records": body["records"] ?? []]).encodedData())
        }
        let client = try makeAirtableClient(transport, clock: FakeAirtableClock())
        let updates = (1...23).map {
            (id: "rec\($0)", fields: ["Status": JSONValue.string("Trafficked"), "Error": .null])
        }

        let updated = try await client.updateRecords(updates, typecast: true)

        #expect(updated.map(\.id) == updates.map(\.id))
        let requests = transport.requests
        #expect(requests.map(\.method) == [.patch, .patch, .patch])
        let bodies = try requests.map { try JSONValue(parsing: $0.body ?? Data()) }
        #expect(bodies.map { $0["records"]?.arrayValue?.count } == [10, 10, 3])
        #expect(bodies[2]["records"]?[0]?["id"] == "rec21")
        #expect(bodies[2]["records"]?[0]?["fields"] == ["Status": "Trafficked", "Error": nil])
        #expect(bodies.allSatisfy { $0["typecast"] == true })
        #expect(requests.allSatisfy { $0.headers["Content-Type"] == "application/json" })
        #expect(requests.allSatisfy { $0.url.query == nil })
    }

    @Test("creates go as POSTs of at most 10 records, each under fields")
    func createChunking() async throws {
        let transport = ScriptedTransport { request in
            let body = try JSONValue(parsing: request.body ?? Data())
            let records = (body["records"]?.arrayValue ?? []).enumerated().map { index, record in
                JSONValue.object(["id": .string("recNEW\(index)"), "fields": record["fields"] ?? [:]])
            }
            return PlatformHTTPResponse(status: 200, body: JSONValue.object(["records": .array(records)]).encodedData())
        }
        let client = try makeAirtableClient(transport, clock: FakeAirtableClock())

        let created = try await client.createRecords((1...12).map { ["Name": .string("Ticket \($0)")] })

        #expect(created.count == 12)
        #expect(transport.requests.map(\.method) == [.post, .post])
        let first = try JSONValue(parsing: transport.requests[0].body ?? Data())
        #expect(first["records"]?.arrayValue?.count == 10)
        #expect(first["records"]?[0] == ["fields": ["Name": "Ticket 1"]])
        #expect(first["typecast"] == nil)
    }

    @Test("the client paces itself to 5 requests per rolling second, waiting instead of sending a 6th")
    func pacing() async throws {
        let clock = FakeAirtableClock()
        let sentAt = Mutex<[ContinuousClock.Instant]>([])
        let transport = ScriptedTransport { _ in
            sentAt.withLock { $0.append(clock.now()) }
            return PlatformHTTPResponse(status: 200, body: Data(#"{"records":[]}"#.utf8))
        }
        let client = try makeAirtableClient(transport, clock: clock)

        for _ in 1...12 { _ = try await client.listRecords() }

        let times = sentAt.withLock { $0 }
        #expect(times.count == 12)
        #expect(times[4] == times[0], "the first five go at once")
        for index in 5..<times.count {
            #expect(times[index] - times[index - 5] >= .seconds(1), "request \(index + 1) came within a second")
        }
        #expect(!clock.sleeps.isEmpty)
        #expect(clock.elapsed >= .seconds(2))
    }

    @Test("the rate is a setting")
    func pacingSetting() async throws {
        let clock = FakeAirtableClock()
        let transport = ScriptedTransport { _ in PlatformHTTPResponse(status: 200, body: Data(#"{"records":[]}"#.utf8))
        }
        let client = try makeAirtableClient(transport, clock: clock, requestsPerSecond: 2)

        for _ in 1...3 { _ = try await client.listRecords() }

        #expect(clock.elapsed == AirtableRequestPacer.defaultWindow)
    }

    @Test("a 429 waits its Retry-After, then succeeds")
    func rateLimitedThenSuccess() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(
            status: 429, json: #"{"errors":[{"error":"RATE_LIMIT_REACHED","message":"Rate limit exceeded."}]}"#,
            headers: ["Retry-After": "7"])
        transport.enqueue(json: #"{"records":[{"id":"rec1","fields":{}}]}"#)
        let clock = FakeAirtableClock()
        let client = try makeAirtableClient(transport, clock: clock)

        let records = try await client.listRecords()

        #expect(records.map(\.id) == ["rec1"])
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps == [.seconds(7)])
    }

    @Test("a 429 without Retry-After waits 30 seconds; retries are bounded")
    func rateLimitedBounded() async throws {
        let transport = ScriptedTransport { _ in
            PlatformHTTPResponse(
                status: 429, body: Data(#"{"errors":[{"error":"RATE_LIMIT_REACHED","message":"Slow down"}]}"#.utf8))
        }
        let clock = FakeAirtableClock()
        let client = try makeAirtableClient(transport, clock: clock)

        let error = await #expect(throws: AirtableError.self) { try await client.listRecords() }

        #expect(error?.code == .rateLimited)
        #expect(error?.httpStatus == 429)
        #expect(error?.type == "RATE_LIMIT_REACHED")
        #expect(transport.requests.count == 4)
        #expect(clock.sleeps == [.seconds(30), .seconds(30), .seconds(30)])
    }

    @Test("5xx answers and failed connections are retried with growing backoff")
    func transientRetries() async throws {
        let attempts = Mutex(0)
        let transport = ScriptedTransport { _ in
            let attempt = attempts.withLock {
                $0 += 1
                return $0
            }
            switch attempt {
            case 1: throw AdPlatformError(code: .transient, message: "connection refused")
            case 2: return PlatformHTTPResponse(status: 503, body: Data(#"{"error":"SERVICE_UNAVAILABLE"}"#.utf8))
            default: return PlatformHTTPResponse(status: 200, body: Data(#"{"records":[]}"#.utf8))
            }
        }
        let clock = FakeAirtableClock()
        let client = try makeAirtableClient(transport, clock: clock)

        _ = try await client.listRecords()

        #expect(transport.requests.count == 3)
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1)])
    }

    @Test("a connection that keeps failing ends as unavailable; a lost create is not retried")
    func transientBounded() async throws {
        let transport = ScriptedTransport { _ in throw AdPlatformError(code: .transient, message: "timed out") }
        let client = try makeAirtableClient(transport, clock: FakeAirtableClock())

        let listError = await #expect(throws: AirtableError.self) { try await client.listRecords() }
        #expect(listError?.code == .unavailable)
        #expect(listError?.operation == "listRecords")
        #expect(transport.requests.count == 4)

        let createError = await #expect(throws: AirtableError.self) {
            try await client.createRecords([["Name": "x"]])
        }
        #expect(createError?.code == .unavailable)
        #expect(createError?.operation == "createRecords")
        #expect(transport.requests.count == 5)
    }

    static let errorBodies: [(status: Int, body: String, type: String?, message: String)] = [
        (
            422,
            #"{"error":{"type":"INVALID_FILTER_BY_FORMULA","message":"The formula for filtering records is invalid"}}"#,
            "INVALID_FILTER_BY_FORMULA", "The formula for filtering records is invalid"
        ),
        (404, #"{"error":"NOT_FOUND"}"#, "NOT_FOUND", ""),
        (
            403, #"{"errors":[{"error":"INVALID_PERMISSIONS","message":"You are not permitted"}]}"#,
            "INVALID_PERMISSIONS", "You are not permitted"
        ),
        (400, "<html>Bad gateway</html>", nil, "<html>Bad gateway</html>"),
    ]

    @Test("errors of every Airtable shape name the status, type, message and operation", arguments: errorBodies)
    func errorShapes(status: Int, body: String, type: String?, message: String) async throws {
        let transport = ScriptedTransport()
        transport.enqueue(PlatformHTTPResponse(status: status, body: Data(body.utf8)))
        let client = try makeAirtableClient(transport, clock: FakeAirtableClock())

        let error = await #expect(throws: AirtableError.self) {
            try await client.updateRecords([(id: "rec1", fields: ["Status": "Ready"])])
        }

        #expect(error?.code == .rejected)
        #expect(error?.httpStatus == status)
        #expect(error?.type == type)
        #expect(error?.message == message)
        #expect(error?.operation == "updateRecords")
        #expect(error?.description.hasPrefix("Airtable updateRecords failed: HTTP \(status)") == true)
        #expect(transport.requests.count == 1, "4xx answers are not retried")
    }

    @Test("the token appears in no error or configuration description")
    func tokenNeverPrinted() async throws {
        let token = "patSECRET.0123456789abcdef"
        let transport = ScriptedTransport()
        transport.enqueue(
            status: 401, json: #"{"error":{"type":"AUTHENTICATION_REQUIRED","message":"Bad token \#(token)"}}"#)
        transport.enqueue(status: 404, json: #"{"error":"NOT_FOUND"}"#)
        let failing = ScriptedTransport { request in
            throw AdPlatformError(
                code: .transient, message: "failed with \(request.headers["Authorization"] ?? "")")
        }
        let clock = FakeAirtableClock()
        let client = try makeAirtableClient(transport, clock: clock, token: token)
        let failingClient = try makeAirtableClient(failing, clock: clock, token: token)

        var errors: [AirtableError] = []
        for call in [
            { try await client.listRecords() }, { try await client.listRecords() },
            { try await failingClient.listRecords() },
        ] {
            do {
                _ = try await call()
            } catch let error as AirtableError {
                errors.append(error)
            }
        }

        #expect(errors.count == 3)
        for error in errors {
            #expect(!String(describing: error).contains(token))
            #expect(!String(reflecting: error).contains(token))
            #expect(!error.message.contains(token))
        }
        #expect(errors[0].message.contains("[redacted]"))
        #expect(!String(describing: client.configuration).contains(token))
        #expect(!String(reflecting: client.configuration).contains(token))
    }
}
