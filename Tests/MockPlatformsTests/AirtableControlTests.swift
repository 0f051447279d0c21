import AdPlatformKit
import Foundation
import MockPlatforms
import Synchronization
import Testing

/// The Airtable emulator's control plane, state, rate limit and faults, and one pass over a real socket.
@Suite("Airtable control plane and limits")
struct AirtableControlTests {
    private static let rateLimitBody =
        #"{"errors":[{"error":"RATE_LIMIT_REACHED","message":"Rate limit exceeded. Please try again later"}]}"#

    @Test("the sixth request in a second answers 429 and locks the base out; it recovers once the lockout ends")
    func rateLimitAndLockout() async throws {
        let airtable = try await AirtableTestClient.make(rateLimited: true)
        await airtable.setUpTickets()
        let settings = await airtable.send(
            "PUT", "/_mock/airtable/settings", json: .object([("lockoutSeconds", .double(0.3))]))
        #expect(settings.json == .object([("requestsPerSecond", .int(5)), ("lockoutSeconds", .double(0.3))]))
        for _ in 1...5 {
            #expect(await airtable.send("GET", airtable.tablePath()).status == 200)
        }
        let limited = await airtable.send("GET", airtable.tablePath())
        #expect(limited.status == 429)
        #expect(String(decoding: limited.body, as: UTF8.self) == Self.rateLimitBody)
        #expect(limited.header("Retry-After") == "1")
        // Another base has its own window.
        #expect(await airtable.send("GET", "/v0/appOtherBase000001/Anything").status == 404)
        // Locked out: even a write answers 429, and changes nothing.
        let locked = await airtable.send(
            "POST", airtable.tablePath(), json: .object([("fields", .object([("Name", .string("Blocked"))]))]))
        #expect(locked.status == 429)
        try await Task.sleep(for: .milliseconds(400))
        let recovered = await airtable.send("GET", airtable.tablePath())
        #expect(recovered.status == 200)
        #expect(recovered.records.isEmpty)
    }

    @Test("requests refused with 429 do not count towards the sliding one-second window")
    func refusedRequestsAreNotCounted() {
        let clock = ManualClock()
        let window = AirtableRateWindow(now: clock.now)
        window.configure(AirtableRateWindow.Settings(requestsPerSecond: 5, lockoutSeconds: 0))
        for _ in 1...5 { #expect(window.admit(base: "appA") == .allowed) }
        clock.advance(by: .milliseconds(600))
        for _ in 1...3 { #expect(window.admit(base: "appA") == .limited(retryAfter: 0.4)) }
        // Another base has its own window.
        #expect(window.admit(base: "appB") == .allowed)
        clock.advance(by: .milliseconds(500))
        // The five accepted requests have left the window; the three refused ones never entered it.
        for _ in 1...5 { #expect(window.admit(base: "appA") == .allowed) }
        #expect(window.admit(base: "appA") != .allowed)
    }

    @Test("the window slides: a request leaves it exactly one second after it was accepted")
    func slidingWindow() {
        let clock = ManualClock()
        let window = AirtableRateWindow(now: clock.now)
        window.configure(AirtableRateWindow.Settings(requestsPerSecond: 2, lockoutSeconds: 0))
        #expect(window.admit(base: "appA") == .allowed)
        clock.advance(by: .milliseconds(500))
        #expect(window.admit(base: "appA") == .allowed)
        clock.advance(by: .milliseconds(499))
        #expect(window.admit(base: "appA") != .allowed)
        clock.advance(by: .milliseconds(1))
        #expect(window.admit(base: "appA") == .allowed)
        #expect(window.admit(base: "appA") != .allowed)
    }

    @Test("the lockout refuses everything for its length, then the base starts with an empty window")
    func lockout() {
        let clock = ManualClock()
        let window = AirtableRateWindow(now: clock.now)
        #expect(window.settings == .airtable)
        for _ in 1...5 { #expect(window.admit(base: "appA") == .allowed) }
        #expect(window.admit(base: "appA") == .limited(retryAfter: 30))
        clock.advance(by: .seconds(10))
        #expect(window.admit(base: "appA") == .limited(retryAfter: 20))
        clock.advance(by: .seconds(20))
        for _ in 1...5 { #expect(window.admit(base: "appA") == .allowed) }
        #expect(window.admit(base: "appA") == .limited(retryAfter: 30))
        window.reset()
        #expect(window.admit(base: "appA") == .allowed)
    }

    @Test("the settings are validated, and a full reset restores Airtable's own")
    func settings() async throws {
        let airtable = try await AirtableTestClient.make(rateLimited: true)
        #expect(
            await airtable.send("PUT", "/_mock/airtable/settings", json: .object([("requestsPerSecond", .int(0))]))
                .status == 400)
        #expect(
            await airtable.send("PUT", "/_mock/airtable/settings", json: .object([("lockoutSeconds", .int(-1))])).status
                == 400)
        _ = await airtable.send("PUT", "/_mock/airtable/settings", json: .object([("requestsPerSecond", .int(50))]))
        #expect(await airtable.send("GET", "/_mock/airtable/settings").json?["requestsPerSecond"] == .int(50))
        #expect(await airtable.send("POST", "/_mock/reset").status == 200)
        #expect(
            await airtable.send("GET", "/_mock/airtable/settings").json
                == .object([("requestsPerSecond", .int(5)), ("lockoutSeconds", .int(30))]))
    }

    @Test("the dump shows tables and records; /_mock/state carries them through reset and restore")
    func stateDumpRestoreAndReset() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let ids = try await airtable.create([[("Name", .string("Keep me")), ("Status", .string("Ready"))]])

        let dump = await airtable.send("GET", "/_mock/airtable")
        let base = try #require(dump.json?["bases"]?.array?.first)
        #expect(base["id"]?.string == AirtableTestClient.base)
        let table = try #require(base["tables"]?.array?.first)
        #expect(table["name"]?.string == AirtableTestClient.table)
        #expect(table["records"]?.array?.first?["id"]?.string == ids.first)
        #expect(table["records"]?.array?.first?["fields"]?["Status"]?.string == "Ready")

        let state = await airtable.send("GET", "/_mock/state")
        let document = try #require(state.json)
        #expect(document["airtable"]?["bases"]?.array?.count == 1)

        #expect(await airtable.send("POST", "/_mock/reset").status == 200)
        #expect(await airtable.send("GET", "/_mock/airtable").json?["bases"] == .array([]))
        _ = await airtable.send(
            "PUT", "/_mock/airtable/settings", json: .object([("requestsPerSecond", .int(100_000))]))
        #expect(await airtable.send("GET", airtable.tablePath()).status == 404)

        #expect(await airtable.send("PUT", "/_mock/state", raw: document.serialized).status == 200)
        let restored = await airtable.send("GET", airtable.tablePath())
        #expect(restored.records.compactMap { $0["id"]?.string } == ids)
        let next = try await airtable.create([[("Name", .string("After restore"))]])
        #expect(next.first != ids.first)

        // A state document from before Airtable existed still loads.
        let members = (document.members ?? []).filter { $0.0 != "airtable" }
        #expect(await airtable.send("PUT", "/_mock/state", raw: MockJSON.object(members).serialized).status == 200)
        #expect(await airtable.send("GET", "/_mock/airtable").json?["bases"] == .array([]))
    }

    @Test("a platform reset clears Airtable's bases only, one base with account=")
    func platformReset() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let other = "appOtherBase000001"
        _ = await airtable.send(
            "PUT", "/_mock/airtable/bases/\(other)/tables/Notes",
            json: .object([
                ("fields", .array([.object([("name", .string("Name")), ("type", .string("singleLineText"))])]))
            ]))
        #expect(await airtable.send("POST", "/_mock/reset?platform=airtable&account=\(other)").status == 200)
        let bases = await airtable.send("GET", "/_mock/airtable").json?["bases"]?.array?.compactMap { $0["id"]?.string }
        #expect(bases == [AirtableTestClient.base])
        #expect(await airtable.send("POST", "/_mock/reset?platform=airtable").status == 200)
        #expect(await airtable.send("GET", "/_mock/airtable").json?["bases"] == .array([]))
    }

    @Test("the state file carries Airtable across restarts")
    func stateFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("airtable-\(UUID().uuidString).json")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let ids = try await airtable.create([[("Name", .string("Persisted"))]])
        try airtable.mock.saveState(to: path)
        let reloaded = AirtableTestClient(
            mock: try MockPlatforms(configuration: MockPlatformsConfiguration(port: 0, seed: 7, stateFile: path)))
        let list = await reloaded.send("GET", reloaded.tablePath())
        #expect(list.records.compactMap { $0["id"]?.string } == ids)
    }

    @Test("table set-up is validated, and replacing a table keeps its id, records and unchanged fields")
    func tableSetUp() async throws {
        let airtable = try await AirtableTestClient.make()
        let path = "/_mock/airtable/bases/\(AirtableTestClient.base)/tables/\(AirtableTestClient.tablePath)"
        #expect(await airtable.send("PUT", "/_mock/airtable/bases/appShort/tables/T", json: .object([])).status == 400)
        #expect(await airtable.send("PUT", path, json: .object([("fields", .array([]))])).status == 400)
        let badType = MockJSON.object([
            ("fields", .array([.object([("name", .string("Name")), ("type", .string("formula"))])]))
        ])
        #expect(await airtable.send("PUT", path, json: badType).status == 400)
        let created = await airtable.setUpTickets()
        #expect(created.status == 201)
        let ids = try await airtable.create([[("Name", .string("Kept")), ("Budget", .number("10"))]])
        let replaced = await airtable.send(
            "PUT", path,
            json: .object([
                (
                    "fields",
                    .array([
                        .object([("name", .string("Name")), ("type", .string("singleLineText"))]),
                        .object([("name", .string("Notes")), ("type", .string("multilineText"))]),
                    ])
                )
            ]))
        #expect(replaced.status == 200)
        #expect(replaced.json?["id"] == created.json?["id"])
        let list = await airtable.send("GET", airtable.tablePath())
        #expect(list.records.compactMap { $0["id"]?.string } == ids)
        #expect(list.records.first?["fields"] == .object([("Name", .string("Kept"))]))
    }

    @Test("faults and budgets answer in Airtable's shapes, keyed by the base")
    func faultsAndBudgets() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        airtable.mock.faults.add(
            FaultRule(
                platform: "airtable", kind: .platformError, code: "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND", remaining: 1
            ))
        let fault = await airtable.send("GET", airtable.tablePath())
        #expect(fault.status == 403)
        #expect(fault.errorType == "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND")
        airtable.mock.faults.add(FaultRule(platform: "airtable", kind: .status, status: 503, remaining: 1))
        let unavailable = await airtable.send("GET", airtable.tablePath())
        #expect(unavailable.status == 503)
        #expect(unavailable.errorType == "SERVICE_UNAVAILABLE")
        #expect(await airtable.send("GET", airtable.tablePath()).status == 200)

        airtable.mock.rateLimits.set(
            RateLimitBudget(platform: "airtable", account: AirtableTestClient.base, limit: 1, windowSeconds: 60))
        #expect(await airtable.send("GET", airtable.tablePath()).status == 200)
        let spent = await airtable.send("GET", airtable.tablePath())
        #expect(spent.status == 429)
        #expect(spent.json?["errors"]?.array?.first?["error"]?.string == "RATE_LIMIT_REACHED")
        #expect(spent.header("Retry-After") != nil)
        let journal = airtable.mock.journal.query(platform: "airtable", limit: 1)
        #expect(journal.first?.account == AirtableTestClient.base)
    }

    @Test("over a real socket: an encoded table name, a create and a list")
    func overSocket() async throws {
        try await MockPlatforms.withRunning { running in
            let transport = AsyncHTTPClientTransport()
            func send(_ method: HTTPMethod, _ path: String, _ json: MockJSON? = nil) async throws -> (Int, MockJSON?) {
                var headers = HTTPHeaderFields()
                headers["Authorization"] = "Bearer patMockToken.1"
                if json != nil { headers["Content-Type"] = "application/json" }
                let url = try #require(URL(string: running.baseURL.absoluteString + path))
                let response = try await transport.send(
                    PlatformHTTPRequest(
                        method: method, url: url, headers: headers, body: json.map { Data($0.serialized.utf8) }))
                return (response.status, MockJSON.parse(response.body))
            }
            let table = MockJSON.object([
                ("fields", .array([.object([("name", .string("Name")), ("type", .string("singleLineText"))])]))
            ])
            let base = AirtableTestClient.base
            #expect(try await send(.put, "/_mock/airtable/bases/\(base)/tables/Campaign%20Tickets", table).0 == 201)
            let created = try await send(
                .post, "/v0/\(base)/Campaign%20Tickets", .object([("fields", .object([("Name", .string("Wire"))]))]))
            #expect(created.0 == 200)
            let listed = try await send(.get, "/v0/\(base)/Campaign%20Tickets?filterByFormula=%7BName%7D%3D%27Wire%27")
            #expect(listed.0 == 200)
            #expect(listed.1?["records"]?.array?.first?["id"] == created.1?["id"])
            let health = try await send(.get, "/_mock/health")
            #expect(health.1?["platforms"]?.array?.contains(.string("airtable")) == true)
        }
    }
}

/// A clock the rate-window tests move by hand.
private final class ManualClock: Sendable {
    private let start = ContinuousClock.now
    private let elapsed = Mutex(Duration.zero)

    /// The current instant.
    var now: @Sendable () -> ContinuousClock.Instant {
        { [self] in start + elapsed.withLock { $0 } }
    }

    /// Moves the clock forward.
    func advance(by duration: Duration) { elapsed.withLock { $0 += duration } }
}
