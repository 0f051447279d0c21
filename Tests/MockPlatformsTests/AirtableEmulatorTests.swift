import Foundation
import MockPlatforms
import Testing

/// The Airtable emulator's records API: shapes, paging, writes, validation and errors, from Airtable's
/// reference.
@Suite("Airtable emulator")
struct AirtableEmulatorTests {
    private static var recordID: Regex<Substring> { #/rec[A-Za-z0-9]{14}/# }
    private static var isoMillis: Regex<Substring> { #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/# }
    private static var offset: Regex<Substring> { #/itr[A-Za-z0-9]{14}/rec[A-Za-z0-9]{14}/# }

    /// An error in the usual `{"error":{"type","message"}}` shape.
    private func expectError(
        _ answer: AirtableTestClient.Answer, _ status: Int, _ type: String, mentioning text: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(answer.status == status, sourceLocation: sourceLocation)
        #expect(
            answer.errorType == type, "\(String(decoding: answer.body, as: UTF8.self))", sourceLocation: sourceLocation)
        if let text {
            #expect(answer.errorMessage.contains(text), "\(answer.errorMessage)", sourceLocation: sourceLocation)
        }
    }

    @Test("created records list in three stable pages, with an itr…/rec… offset until the last")
    func pagingThroughThreePages() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let created = try await airtable.create((1...25).map { [("Name", .string("Ticket \($0)"))] })
        #expect(created.count == 25)
        #expect(created.allSatisfy { $0.wholeMatch(of: Self.recordID) != nil })
        #expect(Set(created).count == 25)

        var seen: [String] = []
        var sizes: [Int] = []
        var offset: String?
        repeat {
            let query = "?pageSize=10" + (offset.map { "&offset=\(AirtableTestClient.escape($0))" } ?? "")
            let page = await airtable.send("GET", airtable.tablePath(query))
            try #require(page.status == 200)
            sizes.append(page.records.count)
            seen += page.records.compactMap { $0["id"]?.string }
            offset = page.json?["offset"]?.string
            if let offset { #expect(offset.wholeMatch(of: Self.offset) != nil, "\(offset)") }
            // A record added mid-listing does not shift the pages already promised.
            if sizes.count == 1 { _ = try await airtable.create([[("Name", .string("Late arrival"))]]) }
        } while offset != nil && sizes.count < 5
        #expect(sizes == [10, 10, 5])
        #expect(seen == created)

        let first = await airtable.send("GET", airtable.tablePath("?maxRecords=3"))
        #expect(first.records.count == 3)
        #expect(first.json?["offset"] == nil)
        let record = try #require(first.records.first)
        #expect(record["createdTime"]?.string?.wholeMatch(of: Self.isoMillis) != nil)
        #expect(record["fields"] == .object([("Name", .string("Ticket 1"))]))
    }

    @Test("POST listRecords takes the same parameters as JSON and pages with the offset in the body")
    func listRecordsByPost() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let created = try await airtable.create((1...7).map { [("Name", .string("T\($0)"))] })
        let first = await airtable.send(
            "POST", airtable.tablePath("/listRecords"),
            json: .object([("pageSize", .int(4)), ("fields", .array([.string("Name")]))]))
        #expect(first.records.count == 4)
        let offset = try #require(first.json?["offset"]?.string)
        let second = await airtable.send(
            "POST", airtable.tablePath("/listRecords"),
            json: .object([("pageSize", .int(4)), ("offset", .string(offset))]))
        #expect((first.records + second.records).compactMap { $0["id"]?.string } == created)
        #expect(second.json?["offset"] == nil)
    }

    @Test("an unknown or stale offset answers 422 LIST_RECORDS_ITERATOR_NOT_AVAILABLE")
    func staleOffset() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        _ = try await airtable.create((1...3).map { [("Name", .string("T\($0)"))] })
        let page = await airtable.send("GET", airtable.tablePath("?pageSize=1"))
        let offset = try #require(page.json?["offset"]?.string)
        for stale in [
            "itrAAAAAAAAAAAAAA/recAAAAAAAAAAAAAA", "garbage", String(offset.prefix(17)) + "/recAAAAAAAAAAAAAA",
        ] {
            let answer = await airtable.send("GET", airtable.tablePath("?offset=\(AirtableTestClient.escape(stale))"))
            expectError(answer, 422, "LIST_RECORDS_ITERATOR_NOT_AVAILABLE")
        }
        // Setting the table up again replaces it, and forgets the listings in progress.
        await airtable.setUpTickets()
        let after = await airtable.send("GET", airtable.tablePath("?offset=\(AirtableTestClient.escape(offset))"))
        expectError(after, 422, "LIST_RECORDS_ITERATOR_NOT_AVAILABLE")
    }

    @Test("empty cells are left out of fields, as Airtable does, and values come back normalised")
    func emptyCellsAndNormalisation() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let answer = await airtable.send(
            "POST", airtable.tablePath(),
            json: .object([
                (
                    "fields",
                    .object([
                        ("Name", .string("Winter")), ("Brief", .string("")), ("Approved", .bool(false)),
                        ("Platforms", .array([])), ("Budget", .number("1500.50")), ("Campaign ID", .null),
                        ("Launch", .string("2026-11-21T11:00:00+01:00")),
                    ])
                )
            ]))
        #expect(answer.status == 200)
        // One record posted with a top-level "fields" answers the record itself.
        #expect(answer.json?["id"]?.string?.wholeMatch(of: Self.recordID) != nil)
        #expect(
            answer.json?["fields"]
                == .object([
                    ("Name", .string("Winter")), ("Budget", .number("1500.5")),
                    ("Launch", .string("2026-11-21T10:00:00.000Z")),
                ]))
    }

    @Test("PATCH merges, PUT replaces; 10 records per request pass and 11 answer 422 INVALID_RECORDS")
    func updates() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let ids = try await airtable.create(
            (1...11).map { [("Name", .string("T\($0)")), ("Status", .string("Ready"))] })

        func batch(_ ids: ArraySlice<String>, _ fields: MockJSON) -> MockJSON {
            .object([("records", .array(ids.map { .object([("id", .string($0)), ("fields", fields)]) }))])
        }
        let ten = await airtable.send(
            "PATCH", airtable.tablePath(), json: batch(ids[0..<10], .object([("Campaign ID", .string("c-1"))])))
        #expect(ten.status == 200)
        #expect(ten.records.count == 10)
        #expect(ten.records.allSatisfy { $0["fields"]?["Status"]?.string == "Ready" })
        #expect(ten.records.allSatisfy { $0["fields"]?["Campaign ID"]?.string == "c-1" })

        let eleven = await airtable.send(
            "PATCH", airtable.tablePath(), json: batch(ids[0..<11], .object([("Campaign ID", .string("c-2"))])))
        expectError(eleven, 422, "INVALID_RECORDS", mentioning: "up to 10 record objects")
        let unchanged = await airtable.send("GET", airtable.tablePath("/\(ids[0])"))
        #expect(unchanged.json?["fields"]?["Campaign ID"]?.string == "c-1")

        let replaced = await airtable.send(
            "PUT", airtable.tablePath(), json: batch(ids[0..<1], .object([("Name", .string("Only name"))])))
        #expect(replaced.records.first?["fields"] == .object([("Name", .string("Only name"))]))

        let one = await airtable.send(
            "PATCH", airtable.tablePath("/\(ids[1])"),
            json: .object([("fields", .object([("Status", .string("Paused"))]))]))
        #expect(one.status == 200)
        #expect(one.json?["id"]?.string == ids[1])
        #expect(one.json?["fields"]?["Status"]?.string == "Paused")
        #expect(one.json?["fields"]?["Name"]?.string == "T2")
        let none = await airtable.send("PATCH", airtable.tablePath(), json: .object([("records", .array([]))]))
        expectError(none, 422, "INVALID_RECORDS")
    }

    @Test(
        "an unknown field answers 422 UNKNOWN_FIELD_NAME and a wrong type INVALID_VALUE_FOR_COLUMN; nothing is written")
    func cellValidation() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let unknown = await airtable.send(
            "POST", airtable.tablePath(),
            json: .object([
                (
                    "records",
                    .array([
                        .object([("fields", .object([("Name", .string("Fine"))]))]),
                        .object([("fields", .object([("Colour", .string("red"))]))]),
                    ])
                )
            ]))
        expectError(unknown, 422, "UNKNOWN_FIELD_NAME")
        #expect(unknown.errorMessage == #"Unknown field name: "Colour""#)
        let cases: [(String, MockJSON)] = [
            ("Budget", .string("lots")), ("Approved", .string("yes")), ("Name", .number("5")),
            ("Platforms", .string("Meta")), ("Launch", .string("next Tuesday")), ("Status", .array([])),
        ]
        for (field, value) in cases {
            let answer = await airtable.send(
                "POST", airtable.tablePath(), json: .object([("fields", .object([(field, value)]))]))
            expectError(answer, 422, "INVALID_VALUE_FOR_COLUMN")
            #expect(answer.errorMessage == "Field \"\(field)\" cannot accept the provided value")
        }
        let list = await airtable.send("GET", airtable.tablePath())
        #expect(list.records.isEmpty)
        let typecast = await airtable.send(
            "POST", airtable.tablePath(),
            json: .object([
                (
                    "fields",
                    .object([("Budget", .string("12.5")), ("Name", .number("5")), ("Approved", .string("yes"))])
                ),
                ("typecast", .bool(true)),
            ]))
        #expect(
            typecast.json?["fields"]
                == .object([("Name", .string("5")), ("Budget", .number("12.5")), ("Approved", .bool(true))]))
    }

    @Test("a select option outside the choices answers 422 INVALID_MULTIPLE_CHOICE_OPTIONS; typecast adds it")
    func selectOptions() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let refused = await airtable.send(
            "POST", airtable.tablePath(), json: .object([("fields", .object([("Status", .string("Archived"))]))]))
        expectError(refused, 422, "INVALID_MULTIPLE_CHOICE_OPTIONS")
        #expect(refused.errorMessage == #"Insufficient permissions to create new select option ""Archived"""#)
        let multi = await airtable.send(
            "POST", airtable.tablePath(),
            json: .object([("fields", .object([("Platforms", .array([.string("Meta"), .string("Pinterest")]))]))]))
        expectError(multi, 422, "INVALID_MULTIPLE_CHOICE_OPTIONS", mentioning: "Pinterest")

        let accepted = await airtable.send(
            "POST", airtable.tablePath(),
            json: .object([
                ("fields", .object([("Status", .string("Archived")), ("Platforms", .string("Meta, Pinterest"))])),
                ("typecast", .bool(true)),
            ]))
        #expect(accepted.status == 200)
        #expect(accepted.json?["fields"]?["Platforms"] == .array([.string("Meta"), .string("Pinterest")]))
        let schema = await airtable.send("GET", "/v0/meta/bases/\(AirtableTestClient.base)/tables")
        let fields = schema.json?["tables"]?.array?.first?["fields"]?.array ?? []
        let status = fields.first { $0["name"]?.string == "Status" }
        let names = status?["options"]?["choices"]?.array?.compactMap { $0["name"]?.string }
        #expect(names == ["Ready", "Trafficked", "Paused", "Archived"])
    }

    @Test("404s: an unknown base is the bare NOT_FOUND, a table TABLE_NOT_FOUND, a record MODEL_ID_NOT_FOUND")
    func notFound() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let base = await airtable.send("GET", "/v0/appZZZZZZZZZZZZZZ/\(AirtableTestClient.tablePath)")
        #expect(base.status == 404)
        #expect(String(decoding: base.body, as: UTF8.self) == #"{"error":"NOT_FOUND"}"#)
        let table = await airtable.send("GET", "/v0/\(AirtableTestClient.base)/Nope")
        expectError(
            table, 404, "TABLE_NOT_FOUND", mentioning: "Could not find table Nope in application appAdOpsTickets01")
        let missing = "recAAAAAAAAAAAAAA"
        for (method, json) in [("GET", nil), ("PATCH", MockJSON.object([("fields", .object([]))])), ("DELETE", nil)] {
            let answer = await airtable.send(method, airtable.tablePath("/\(missing)"), json: json)
            expectError(answer, 404, "MODEL_ID_NOT_FOUND")
        }
        let schema = await airtable.send("GET", "/v0/meta/bases/appZZZZZZZZZZZZZZ/tables")
        #expect(schema.status == 404)
        let route = await airtable.send(
            "GET", "/v0/\(AirtableTestClient.base)/\(AirtableTestClient.tablePath)/rec1/extra")
        #expect(route.status == 404)
        #expect(route.json?["error"]?.string == "NOT_FOUND")
    }

    @Test("no bearer token answers 401 AUTHENTICATION_REQUIRED", arguments: [nil, "", "Basic abc"] as [String?])
    func authentication(header: String?) async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        var headers: [String: String] = [:]
        if let header { headers["authorization"] = header }
        let request = MockRequest(
            method: "GET", path: airtable.tablePath(), queryString: nil, headers: headers, body: Data(),
            receivedAt: airtable.mock.world.now)
        let response = await airtable.mock.respond(to: request, context: nil)
        #expect(response.status == 401)
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == #"{"error":{"type":"AUTHENTICATION_REQUIRED","message":"Authentication required"}}"#)
    }

    @Test("DELETE takes records[] (≤ 10) or one id; one record answers unwrapped")
    func deletes() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let ids = try await airtable.create((1...12).map { [("Name", .string("T\($0)"))] })
        let two = await airtable.send("DELETE", airtable.tablePath("?records[]=\(ids[0])&records%5B%5D=\(ids[1])"))
        #expect(
            two.json
                == .object([
                    (
                        "records",
                        .array([
                            .object([("id", .string(ids[0])), ("deleted", .bool(true))]),
                            .object([("id", .string(ids[1])), ("deleted", .bool(true))]),
                        ])
                    )
                ]))
        let eleven = await airtable.send(
            "DELETE", airtable.tablePath("?" + ids[1...11].map { "records[]=\($0)" }.joined(separator: "&")))
        expectError(eleven, 422, "INVALID_RECORDS")
        let one = await airtable.send("DELETE", airtable.tablePath("/\(ids[2])"))
        #expect(one.json == .object([("id", .string(ids[2])), ("deleted", .bool(true))]))
        let left = await airtable.send("GET", airtable.tablePath())
        #expect(left.records.compactMap { $0["id"]?.string } == Array(ids[3...]))
    }

    @Test("the table answers by id as well as by encoded name, and the schema describes it")
    func schemaAndTableIDs() async throws {
        let airtable = try await AirtableTestClient.make()
        let setUp = await airtable.setUpTickets()
        let tableID = try #require(setUp.json?["id"]?.string)
        #expect(tableID.wholeMatch(of: #/tbl[A-Za-z0-9]{14}/#) != nil)
        _ = try await airtable.create([[("Name", .string("By name"))]])
        let byID = await airtable.send("GET", "/v0/\(AirtableTestClient.base)/\(tableID)")
        #expect(AirtableTestClient.names(byID) == ["By name"])

        let schema = await airtable.send(
            "GET", "/v0/meta/bases/\(AirtableTestClient.base)/tables?include[]=visibleFieldIds")
        let table = try #require(schema.json?["tables"]?.array?.first)
        #expect(table["id"]?.string == tableID)
        #expect(table["name"]?.string == AirtableTestClient.table)
        let fields = table["fields"]?.array ?? []
        #expect(
            fields.compactMap { $0["type"]?.string } == [
                "singleLineText", "singleSelect", "multipleSelects", "number", "checkbox", "multilineText", "url",
                "dateTime",
                "singleLineText",
            ])
        #expect(table["primaryFieldId"] == fields.first?["id"])
        #expect(fields.allSatisfy { $0["id"]?.string?.wholeMatch(of: #/fld[A-Za-z0-9]{14}/#) != nil })
        #expect(fields[3]["options"] == .object([("precision", .int(2))]))
        let view = table["views"]?.array?.first
        #expect(view?["type"]?.string == "grid")
        #expect(view?["visibleFieldIds"]?.array?.count == fields.count)
        let bases = await airtable.send("GET", "/v0/meta/bases")
        #expect(bases.json?["bases"]?.array?.first?["id"]?.string == AirtableTestClient.base)
    }

    @Test("sort, fields[] and returnFieldsByFieldId shape the list")
    func sortAndProjection() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        _ = try await airtable.seedTickets()
        let byBudget = await airtable.send(
            "GET",
            airtable.tablePath("?sort%5B0%5D%5Bfield%5D=Budget&sort%5B0%5D%5Bdirection%5D=desc&fields%5B%5D=Name"))
        #expect(
            AirtableTestClient.names(byBudget) == ["Autumn", "Winter launch", "Spring sale", "Summer teaser campaign"])
        #expect(byBudget.records.allSatisfy { $0["fields"]?.members?.count == 1 })
        // Select fields sort by their choices' order: Ready, Trafficked, Paused.
        let byStatus = await airtable.send(
            "GET", airtable.tablePath("?sort[0][field]=Status&sort[1][field]=Name"))
        #expect(
            AirtableTestClient.names(byStatus) == ["Spring sale", "Winter launch", "Autumn", "Summer teaser campaign"])
        let unknown = await airtable.send("GET", airtable.tablePath("?fields[]=Colour"))
        expectError(unknown, 422, "UNKNOWN_FIELD_NAME")
        let byID = await airtable.send("GET", airtable.tablePath("?maxRecords=1&returnFieldsByFieldId=true"))
        let keys = byID.records.first?["fields"]?.members?.map(\.0) ?? []
        #expect(!keys.isEmpty && keys.allSatisfy { $0.hasPrefix("fld") })
        let tooBig = await airtable.send("GET", airtable.tablePath("?pageSize=101"))
        expectError(tooBig, 422, "INVALID_REQUEST_UNKNOWN")
    }

    @Test("a body that is not JSON answers 400; a body of the wrong shape 422")
    func malformedBodies() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let garbage = await airtable.send("POST", airtable.tablePath(), raw: #"{"records": [}"#)
        expectError(garbage, 400, "INVALID_REQUEST_UNKNOWN")
        let array = await airtable.send("POST", airtable.tablePath(), raw: "[]")
        expectError(array, 422, "INVALID_REQUEST_UNKNOWN")
        let noFields = await airtable.send("POST", airtable.tablePath(), json: .object([("typecast", .bool(true))]))
        expectError(noFields, 422, "INVALID_REQUEST_MISSING_FIELDS")
        let badRecords = await airtable.send("POST", airtable.tablePath(), json: .object([("records", .string("x"))]))
        expectError(badRecords, 422, "INVALID_RECORDS")
    }

    @Test("PATCH with performUpsert updates the record matching the merge fields and creates the rest")
    func upsert() async throws {
        let airtable = try await AirtableTestClient.make()
        await airtable.setUpTickets()
        let ids = try await airtable.seedTickets()
        let answer = await airtable.send(
            "PATCH", airtable.tablePath(),
            json: .object([
                ("performUpsert", .object([("fieldsToMergeOn", .array([.string("Name")]))])),
                (
                    "records",
                    .array([
                        .object([("fields", .object([("Name", .string("Autumn")), ("Status", .string("Paused"))]))]),
                        .object([("fields", .object([("Name", .string("Holiday")), ("Status", .string("Ready"))]))]),
                    ])
                ),
            ]))
        #expect(answer.status == 200)
        #expect(answer.json?["updatedRecords"] == .array([.string(ids[3])]))
        let created = answer.json?["createdRecords"]?.array ?? []
        #expect(created.count == 1)
        #expect(answer.records.count == 2)
        #expect(answer.records.first?["fields"]?["Budget"] == .number("5000"))
    }

    @Test("ids follow the seed: the same calls mint the same record ids")
    func deterministicIDs() async throws {
        func ids(seed: UInt64) async throws -> [String] {
            let airtable = try await AirtableTestClient.make(seed: seed)
            await airtable.setUpTickets()
            return try await airtable.create([[("Name", .string("A"))], [("Name", .string("B"))]])
        }
        let first = try await ids(seed: 7)
        #expect(try await ids(seed: 7) == first)
        #expect(try await ids(seed: 8) != first)
    }
}
