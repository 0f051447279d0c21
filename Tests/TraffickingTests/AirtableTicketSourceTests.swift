import AdPlatformKit
import AdPlatformTesting
import Foundation
import Testing
import Trafficking

@Suite("Airtable ticket source")
struct AirtableTicketSourceTests {
    static let fixedDate = Date(timeIntervalSince1970: 1_800_000_000)

    func makeSource(
        _ transport: ScriptedTransport, fields: AirtableTicketFields = AirtableTicketFields(),
        statuses: AirtableTicketStatuses = AirtableTicketStatuses()
    ) throws -> AirtableTicketSource {
        AirtableTicketSource(
            client: try makeAirtableClient(transport, clock: FakeAirtableClock()), fields: fields, statuses: statuses,
            knownPlatforms: Set(PlatformID.builtIn), clock: .fixed(at: Self.fixedDate))
    }

    /// A transport that answers every write with an empty record list.
    func writeTransport() -> ScriptedTransport {
        ScriptedTransport { _ in PlatformHTTPResponse(status: 200, body: Data(#"{"records":[]}"#.utf8)) }
    }

    func record(_ id: String, _ fields: [String: JSONValue]) -> JSONValue {
        ["id": .string(id), "createdTime": "2026-11-21T10:00:00.000Z", "fields": .object(fields)]
    }

    func listAnswer(_ records: [JSONValue]) -> String {
        JSONValue.object(["records": .array(records)]).encodedString()
    }

    func patches(_ transport: ScriptedTransport) throws -> [JSONValue] {
        try transport.requests.filter { $0.method == .patch }.map { try JSONValue(parsing: $0.body ?? Data()) }
    }

    func job(_ platform: PlatformID) throws -> CampaignJob {
        let request = try TraffickingRequestDecoder().decode(Data(FolderTicketSourceTests.requestJSON.utf8))
        return CampaignJob(
            id: UUID(), accountID: UUID(), platform: platform, status: .pending, request: request, batchID: UUID(),
            createdAt: Self.fixedDate, updatedAt: Self.fixedDate)
    }

    @Test("ready records become tickets, read through a Status formula")
    func readyRecords() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(
            json: listAnswer([
                record(
                    "recGOOD",
                    [
                        "Name": "Winter signup", "Status": "Ready", "Platforms": ["meta", "google"],
                        "Accounts": "act_1001, 1234567890\n", "Request": .string(FolderTicketSourceTests.requestJSON),
                    ]),
                record("recALL", ["Status": "Ready", "Request": .string(FolderTicketSourceTests.requestJSON)]),
            ]))
        let source = try makeSource(transport)

        let batch = try await source.readyTickets()

        let request = try #require(transport.lastRequest)
        #expect(request.queryValue("filterByFormula") == "{Status} = 'Ready'")
        #expect(
            request.queryItems.filter { $0.name == "fields[]" }.map(\.value)
                == ["Name", "Status", "Platforms", "Accounts", "Request"])
        #expect(batch.problems.isEmpty)
        #expect(batch.tickets.count == 2)
        let ticket = batch.tickets[0]
        #expect(ticket.reference == TicketReference(source: "airtable", id: "recGOOD"))
        #expect(ticket.title == "Winter signup")
        #expect(ticket.platforms == [.meta, .google])
        #expect(ticket.accounts == ["act_1001", "1234567890"])
        #expect(ticket.media == .noFiles)
        #expect(ticket.request.name == "Disney+ Signup — Winter 2026")
        let all = batch.tickets[1]
        #expect(all.title == "recALL")
        #expect(all.platforms == nil)
        #expect(all.accounts.isEmpty)
    }

    static let badRecords: [(fields: [String: JSONValue], field: String, says: String)] = [
        (
            [
                "Request": .string(
                    FolderTicketSourceTests.requestJSON.replacingOccurrences(of: "\"200.00\"", with: "\"lots\""))
            ], "Request.budget.amount", "decimal amount"
        ),
        (["Name": "No request"], "Request", "empty"),
        (["Request": "  \n"], "Request", "empty"),
        (["Request": "{\n  \"name\": \"x\",\n  oops\n}"], "Request", "line 3"),
        (["Request": ["not", "text"]], "Request", "long text"),
        (
            ["Request": .string(FolderTicketSourceTests.requestJSON), "Platforms": ["meta", "myspace"]],
            "Platforms[1]", "unknown platform 'myspace'"
        ),
        (["Request": .string(FolderTicketSourceTests.requestJSON), "Accounts": 42], "Accounts", "text"),
    ]

    @Test("a record with a missing or invalid Request is a problem naming the field", arguments: badRecords)
    func badRecord(fields: [String: JSONValue], field: String, says: String) async throws {
        let transport = ScriptedTransport()
        transport.enqueue(
            json: listAnswer([
                record("recBAD", fields),
                record("recGOOD", ["Request": .string(FolderTicketSourceTests.requestJSON)]),
            ]))
        let source = try makeSource(transport)

        let batch = try await source.readyTickets()

        #expect(batch.tickets.map(\.reference.id) == ["recGOOD"])
        let problem = try #require(batch.problems.first)
        #expect(problem.reference == TicketReference(source: "airtable", id: "recBAD"))
        #expect(problem.fieldPath == field)
        #expect(problem.message.contains(says), "\(problem.message)")
    }

    @Test("reporting a problem sets the rejected status and the error, with engine paths named after fields")
    func reportProblem() async throws {
        let transport = writeTransport()
        let source = try makeSource(transport)
        let reference = TicketReference(source: "airtable", id: "recBAD")

        try await source.reportProblem(
            TicketProblem(reference: reference, fieldPath: "Request.budget.amount", message: "must be a number"))
        try await source.reportProblem(
            TicketProblem(reference: reference, fieldPath: "ticket.platforms[0]", message: "no ACTIVE meta ad account"))
        try await source.reportProblem(
            TicketProblem(reference: reference, fieldPath: "creatives[0].headlines[0]", message: "too long"))

        let bodies = try patches(transport)
        #expect(bodies.count == 3)
        #expect(
            bodies[0]
                == [
                    "records": [
                        [
                            "id": "recBAD",
                            "fields": ["Status": "Needs fixing", "Error": "Request.budget.amount: must be a number"],
                        ]
                    ]
                ])
        #expect(bodies[1]["records"]?[0]?["fields"]?["Error"] == "Platforms[0]: no ACTIVE meta ad account")
        #expect(bodies[2]["records"]?[0]?["fields"]?["Error"] == "Request.creatives[0].headlines[0]: too long")
    }

    @Test("accepting sets the status and the job ids and clears the last error")
    func markAccepted() async throws {
        let transport = writeTransport()
        let source = try makeSource(transport)
        let jobs = [try job(.meta), try job(.google)]

        try await source.markAccepted(TicketReference(source: "airtable", id: "recGOOD"), jobs: jobs)

        let body = try #require(try patches(transport).first)
        #expect(body["records"]?[0]?["id"] == "recGOOD")
        #expect(
            body["records"]?[0]?["fields"]
                == [
                    "Status": "In progress", "Error": nil,
                    "Job IDs": .string("meta: \(jobs[0].id.uuidString)\ngoogle: \(jobs[1].id.uuidString)"),
                ])
    }

    @Test("accepting jobs that are over and written back restores their final status")
    func markAcceptedAfterWriteBack() async throws {
        let transport = writeTransport()
        let source = try makeSource(transport)
        var done = try job(.meta)
        done.status = .success
        done.writtenBackAt = Self.fixedDate

        try await source.markAccepted(TicketReference(source: "airtable", id: "recDONE"), jobs: [done])

        let fields = try #require(try patches(transport).first?["records"]?[0]?["fields"])
        #expect(fields["Status"] == "Trafficked")
        #expect(fields["Error"] == nil)
    }

    @Test("write-back sets status, campaign ids, every external id, clears the error, and stamps the time")
    func writeBackSuccess() async throws {
        let transport = writeTransport()
        let source = try makeSource(transport)
        let outcome = TicketOutcome(results: [
            .init(
                platform: .meta, accountID: "act_1001", jobID: UUID(), status: .success,
                externalIDs: [
                    "ad": ["120210000000000004"], "campaign": ["120210000000000001"],
                    "adGroup": ["120210000000000002", "120210000000000003"],
                ], error: nil),
            .init(
                platform: .google, accountID: "1234567890", jobID: UUID(), status: .success,
                externalIDs: ["campaign": ["9001"], "budget": ["77"]], error: nil),
        ])

        try await source.writeBack(TicketReference(source: "airtable", id: "recGOOD"), outcome: outcome)

        let body = try #require(try patches(transport).first)
        #expect(body["records"]?[0]?["id"] == "recGOOD")
        let fields = try #require(body["records"]?[0]?["fields"])
        #expect(fields["Status"] == "Trafficked")
        #expect(fields["Campaign IDs"] == "meta: 120210000000000001\ngoogle: 9001")
        #expect(
            fields["External IDs"]
                == """
                meta (act_1001)
                  campaign: 120210000000000001
                  adGroup: 120210000000000002, 120210000000000003
                  ad: 120210000000000004
                google (1234567890)
                  campaign: 9001
                  budget: 77
                """)
        #expect(fields["Error"] == .null)
        #expect(fields["Trafficked At"] == "2027-01-15T08:00:00.000Z")
    }

    @Test("a partial outcome writes the partial status and each failed platform's error")
    func writeBackPartial() async throws {
        let transport = writeTransport()
        let source = try makeSource(transport)
        let outcome = TicketOutcome(results: [
            .init(
                platform: .meta, accountID: "act_1001", jobID: UUID(), status: .success,
                externalIDs: ["campaign": ["1"]], error: nil),
            .init(
                platform: .tiktok, accountID: "7000", jobID: UUID(), status: .failed, externalIDs: [:],
                error: "Budget too low (budgetTooLow, platform code 40002)"),
        ])

        try await source.writeBack(TicketReference(source: "airtable", id: "recMIX"), outcome: outcome)

        let fields = try #require(try patches(transport).first?["records"]?[0]?["fields"])
        #expect(fields["Status"] == "Partially trafficked")
        #expect(fields["Campaign IDs"] == "meta: 1")
        #expect(fields["Error"] == "tiktok (7000): Budget too low (budgetTooLow, platform code 40002)")
        #expect(fields["External IDs"]?.stringValue?.contains("tiktok (7000)\n  (nothing created)") == true)
    }

    @Test("several records change in PATCH batches of at most 10")
    func batchedWriteBack() async throws {
        let transport = writeTransport()
        let source = try makeSource(transport)
        let outcome = TicketOutcome(results: [
            .init(platform: .meta, accountID: "a", jobID: UUID(), status: .failed, externalIDs: [:], error: "x")
        ])

        try await source.writeBack((1...12).map { (TicketReference(source: "airtable", id: "rec\($0)"), outcome) })
        try await source.reportProblems([
            TicketProblem(reference: TicketReference(source: "airtable", id: "recA"), fieldPath: nil, message: "one"),
            TicketProblem(reference: TicketReference(source: "airtable", id: "recA"), fieldPath: nil, message: "two"),
        ])

        let bodies = try patches(transport)
        #expect(bodies.map { $0["records"]?.arrayValue?.count } == [10, 2, 1])
        #expect(bodies[0]["records"]?[0]?["fields"]?["Status"] == "Failed")
        #expect(bodies[2]["records"]?[0]?["fields"]?["Error"] == "one\ntwo")
    }

    @Test("field names and status values are settings, and quotes in them are escaped in the formula")
    func customFields() async throws {
        let transport = writeTransport()
        transport.enqueue(
            json: listAnswer([record("rec1", ["Brief": .string(FolderTicketSourceTests.requestJSON), "Title": "T"])]))
        let fields = AirtableTicketFields(name: "Title", status: "Ticket Status", request: "Brief")
        let statuses = AirtableTicketStatuses(ready: "Client's OK", rejected: "Fix")
        let source = try makeSource(transport, fields: fields, statuses: statuses)

        let batch = try await source.readyTickets()
        try await source.reportProblem(
            TicketProblem(reference: batch.tickets[0].reference, fieldPath: "budget", message: "bad"))

        #expect(transport.requests[0].queryValue("filterByFormula") == #"{Ticket Status} = 'Client\'s OK'"#)
        #expect(batch.tickets.first?.title == "T")
        let patched = try #require(try patches(transport).first?["records"]?[0]?["fields"])
        #expect(patched == ["Ticket Status": "Fix", "Error": "Brief.budget: bad"])
    }
}
