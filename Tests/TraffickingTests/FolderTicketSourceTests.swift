import AdPlatformKit
import Foundation
import Testing
import Trafficking

@Suite("Folder ticket source")
struct FolderTicketSourceTests {
    /// A small valid request, as JSON.
    static let requestJSON = """
        {
          "name": "Disney+ Signup — Winter 2026",
          "objective": "conversions",
          "budget": { "period": "daily", "amount": "200.00", "currency": "USD" },
          "schedule": { "start": "2026-12-01T00:00:00Z", "end": "2027-01-31T23:59:59Z" },
          "targeting": { "countries": ["US", "NO"], "ageRange": { "min": 18, "max": 49 } },
          "adGroups": [{ "key": "families", "name": "Families with kids" }],
          "creatives": [
            {
              "key": "social-hero",
              "headlines": ["Stream Disney+ this winter"],
              "primaryText": "Disney, Pixar, Marvel and Star Wars in one place.",
              "media": [{ "kind": "image", "source": "media/disneyplus-hero.png" }],
              "callToAction": "signUp",
              "landingURL": "http://disneyplus-signup-demo.localhost:4010/"
            }
          ],
          "ads": [{ "name": "Families — winter hero", "adGroup": "families", "creative": "social-hero" }]
        }
        """

    /// The same request in YAML, with the amount and the dates unquoted and a country that YAML 1.1 reads as false.
    static let requestYAML = """
        name: Disney+ Signup — Winter 2026
        objective: conversions
        budget: {period: daily, amount: 200.00, currency: USD}
        schedule:
          start: 2026-12-01T00:00:00Z
          end: 2027-01-31T23:59:59Z
        targeting:
          countries: [US, NO]
          ageRange: {min: 18, max: 49}
        adGroups:
          - key: families
            name: Families with kids
        creatives:
          - key: social-hero
            headlines: [Stream Disney+ this winter]
            primaryText: Disney, Pixar, Marvel and Star Wars in one place.
            media: [{kind: image, source: media/disneyplus-hero.png}]
            callToAction: signUp
            landingURL: http://disneyplus-signup-demo.localhost:4010/
        ads:
          - name: Families — winter hero
            adGroup: families
            creative: social-hero
        """

    static let fixedDate = Date(timeIntervalSince1970: 1_800_000_000)

    /// Runs a test in a fresh temporary folder, removed afterwards.
    func withFolder(_ body: (URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tickets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder)
    }

    func write(_ text: String, to name: String, in folder: URL) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func wrapper(ticket: String, request: String = requestJSON) -> String {
        #"{"ticket": \#(ticket), "request": \#(request)}"#
    }

    func job(_ platform: PlatformID, status: JobStatus = .pending, writtenBack: Bool = false) throws -> CampaignJob {
        let request = try TraffickingRequestDecoder().decode(Data(Self.requestJSON.utf8))
        return CampaignJob(
            id: UUID(), accountID: UUID(), platform: platform, status: status, request: request, batchID: UUID(),
            createdAt: Self.fixedDate, updatedAt: Self.fixedDate, writtenBackAt: writtenBack ? Self.fixedDate : nil)
    }

    func result(_ name: String, in folder: URL) throws -> JSONValue {
        try JSONValue(parsing: Data(contentsOf: folder.appendingPathComponent(name + ".result.json")))
    }

    @Test("plain and wrapper tickets in JSON and YAML are read; hidden, result and other files are not")
    func readsEveryFormat() async throws {
        try await withFolder { folder in
            try write(Self.requestJSON, to: "a-plain.json", in: folder)
            try write(
                wrapper(ticket: #"{"title": "Winter", "platforms": ["meta", "Google"], "accounts": ["act_1001"]}"#),
                to: "b-wrapper.json", in: folder)
            let indented = Self.requestYAML.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            try write(
                "ticket:\n  title: Winter YAML\n  platforms: [tiktok]\n  accounts: [1234567890]\n"
                    + "request:\n\(indented)\n",
                to: "c-wrapper.yaml", in: folder)
            try write(Self.requestYAML, to: "d-plain.yml", in: folder)
            try write(Self.requestJSON, to: ".hidden.json", in: folder)
            try write("not a ticket", to: "notes.txt", in: folder)
            try write("{", to: "gone.json.result.json", in: folder)
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("archive.json"), withIntermediateDirectories: true)

            let batch = try await FolderTicketSource(directory: folder, clock: .fixed(at: Self.fixedDate))
                .readyTickets()

            #expect(batch.problems.isEmpty, "\(batch.problems)")
            #expect(
                batch.tickets.map(\.reference.id) == [
                    "a-plain.json", "b-wrapper.json", "c-wrapper.yaml", "d-plain.yml",
                ])
            #expect(batch.tickets.allSatisfy { $0.reference.source == "folder" })
            let plain = try #require(batch.tickets.first)
            #expect(plain.title == "a-plain.json")
            #expect(plain.platforms == nil)
            #expect(plain.accounts.isEmpty)
            #expect(plain.media == .filesRelativeTo(folder.standardizedFileURL))
            #expect(plain.request.targeting.countries == ["US", "NO"])
            let wrapped = batch.tickets[1]
            #expect(wrapped.title == "Winter")
            #expect(wrapped.platforms == [.meta, .google])
            #expect(wrapped.accounts == ["act_1001"])
            #expect(wrapped.request == plain.request)
            let yaml = batch.tickets[2]
            #expect(yaml.title == "Winter YAML")
            #expect(yaml.platforms == [.tiktok])
            #expect(yaml.accounts == ["1234567890"])
            // Same request: the unquoted amount stays 200.00, the dates are dates, NO stays Norway.
            #expect(yaml.request == plain.request)
            #expect(batch.tickets[3].request == plain.request)
        }
    }

    @Test("invalid JSON becomes a problem naming the file and the line and column; other tickets still come")
    func invalidJSON() async throws {
        try await withFolder { folder in
            try write("{\n  \"name\": \"x\",\n  \"budget\": {,}\n}", to: "broken.json", in: folder)
            try write(Self.requestJSON, to: "good.json", in: folder)

            let batch = try await FolderTicketSource(directory: folder, clock: .fixed(at: Self.fixedDate))
                .readyTickets()

            #expect(batch.tickets.map(\.reference.id) == ["good.json"])
            let problem = try #require(batch.problems.first)
            #expect(batch.problems.count == 1)
            #expect(problem.reference == TicketReference(source: "folder", id: "broken.json"))
            #expect(problem.fieldPath == nil)
            #expect(problem.message.contains("not valid JSON"))
            #expect(problem.message.contains("line 3, column 14"), "\(problem.message)")
            #expect(problem.description.hasPrefix("folder:broken.json: "))
        }
    }

    @Test("invalid YAML becomes a problem with its line")
    func invalidYAML() async throws {
        try await withFolder { folder in
            try write("ticket:\n  title: [unclosed\nrequest:\n  name: x\n", to: "broken.yaml", in: folder)
            try write(Self.requestYAML, to: "good.yml", in: folder)

            let batch = try await FolderTicketSource(directory: folder, clock: .fixed(at: Self.fixedDate))
                .readyTickets()

            #expect(batch.tickets.map(\.reference.id) == ["good.yml"])
            let problem = try #require(batch.problems.first)
            #expect(problem.reference.id == "broken.yaml")
            #expect(problem.message.contains("not valid YAML"))
            #expect(problem.message.contains("line "), "\(problem.message)")
        }
    }

    static let badFields: [(file: String, content: String, field: String)] = [
        (
            "wrapped.json",
            #"{"ticket": {}, "request": \#(requestJSON.replacingOccurrences(of: "\"200.00\"", with: "\"lots\""))}"#,
            "request.budget.amount"
        ),
        ("plain.json", requestJSON.replacingOccurrences(of: "\"200.00\"", with: "\"lots\""), "budget.amount"),
        (
            "platforms.json", #"{"ticket": {"platforms": ["meta", 42]}, "request": \#(requestJSON)}"#,
            "ticket.platforms[1]"
        ),
        ("typo.json", #"{"tiket": {"platforms": ["meta"]}, "request": \#(requestJSON)}"#, "tiket"),
        ("section.json", #"{"ticket": {"platform": ["meta"]}, "request": \#(requestJSON)}"#, "ticket.platform"),
        ("infinite.yaml", "ticket: {}\nrequest:\n  budget: {amount: .inf}\n", "request.budget.amount"),
        ("norequest.yaml", "ticket: {title: x}\n", "request"),
        (
            "plain.yaml", requestYAML.replacingOccurrences(of: "objective: conversions", with: "objective: fame"),
            "objective"
        ),
    ]

    @Test("a bad field becomes a problem naming its path", arguments: badFields)
    func badField(file: String, content: String, field: String) async throws {
        try await withFolder { folder in
            try write(content, to: file, in: folder)
            try write(Self.requestJSON, to: "zz-good.json", in: folder)

            let batch = try await FolderTicketSource(directory: folder, clock: .fixed(at: Self.fixedDate))
                .readyTickets()

            #expect(batch.tickets.map(\.reference.id) == ["zz-good.json"])
            let problem = try #require(batch.problems.first)
            #expect(problem.reference.id == file)
            #expect(problem.fieldPath == field, "\(problem)")
            #expect(!problem.message.isEmpty)
        }
    }

    @Test("with known platforms, an unknown platform id is a problem on its entry")
    func unknownPlatform() async throws {
        try await withFolder { folder in
            try write(wrapper(ticket: #"{"platforms": ["meta", "gogle"]}"#), to: "t.json", in: folder)

            let batch = try await FolderTicketSource(
                directory: folder, knownPlatforms: Set(PlatformID.builtIn), clock: .fixed(at: Self.fixedDate)
            )
            .readyTickets()

            let problem = try #require(batch.problems.first)
            #expect(problem.fieldPath == "ticket.platforms[1]")
            #expect(problem.message.contains("unknown platform 'gogle'"))
        }
    }

    @Test("an accepted ticket is recorded as PROCESSING with its jobs and digest, and not offered again")
    func acceptedNotOfferedAgain() async throws {
        try await withFolder { folder in
            try write(Self.requestJSON, to: "spring.json", in: folder)
            let source = FolderTicketSource(directory: folder, clock: .fixed(at: Self.fixedDate))
            let ticket = try #require(try await source.readyTickets().tickets.first)
            let jobs = [try job(.meta), try job(.google)]

            try await source.markAccepted(ticket.reference, jobs: jobs)
            try await source.markAccepted(ticket.reference, jobs: jobs)

            let result = try result("spring.json", in: folder)
            #expect(result["status"] == "PROCESSING")
            #expect(result["ticket"] == "spring.json")
            #expect(result["jobs"] == .array(jobs.map { .string($0.id.uuidString) }))
            #expect(result["ticketDigest"]?.stringValue == ContentDigest.sha256Hex(Data(Self.requestJSON.utf8)))
            #expect(result["writtenAt"] == "2027-01-15T08:00:00Z")
            let again = try await source.readyTickets()
            #expect(again.tickets.isEmpty)
            #expect(again.problems.isEmpty)
            // A new source (after a restart) reads the same state.
            #expect(
                try await FolderTicketSource(directory: folder, clock: .fixed(at: Self.fixedDate)).readyTickets()
                    .tickets.isEmpty)
        }
    }

    @Test("a rejected ticket is recorded with its field, stays quiet, and is offered again once fixed")
    func rejectedThenFixed() async throws {
        try await withFolder { folder in
            let broken = Self.requestJSON.replacingOccurrences(of: "\"200.00\"", with: "\"lots\"")
            try write(wrapper(ticket: "{}", request: broken), to: "fix-me.json", in: folder)
            let source = FolderTicketSource(directory: folder, clock: .fixed(at: Self.fixedDate))
            let problem = try #require(try await source.readyTickets().problems.first)

            try await source.reportProblem(problem)

            let result = try result("fix-me.json", in: folder)
            #expect(result["status"] == "REJECTED")
            #expect(result["field"] == "request.budget.amount")
            #expect(result["message"]?.stringValue == problem.message)
            #expect(result["ticketDigest"]?.stringValue?.count == 64)
            let quiet = try await source.readyTickets()
            #expect(quiet.tickets.isEmpty && quiet.problems.isEmpty)

            try write(wrapper(ticket: "{}"), to: "fix-me.json", in: folder)
            let fixed = try await source.readyTickets()
            #expect(fixed.problems.isEmpty)
            #expect(fixed.tickets.map(\.reference.id) == ["fix-me.json"])
        }
    }

    @Test("write-back records the outcome, each platform's ids and errors, the accepted digest and the time")
    func writeBack() async throws {
        try await withFolder { folder in
            try write(Self.requestJSON, to: "spring.json", in: folder)
            let source = FolderTicketSource(directory: folder, clock: .fixed(at: Self.fixedDate))
            let ticket = try #require(try await source.readyTickets().tickets.first)
            let meta = try job(.meta)
            let google = try job(.google)
            try await source.markAccepted(ticket.reference, jobs: [meta, google])
            let outcome = TicketOutcome(results: [
                .init(
                    platform: .meta, accountID: "act_1001", jobID: meta.id, status: .success,
                    externalIDs: [
                        "campaign": ["120210000000000001"], "ad": ["120210000000000004", "120210000000000005"],
                    ],
                    error: nil),
                .init(
                    platform: .google, accountID: "1234567890", jobID: google.id, status: .failed, externalIDs: [:],
                    error: "budget too low (budgetTooLow)"),
            ])

            try await source.writeBack(ticket.reference, outcome: outcome)
            try await source.writeBack(ticket.reference, outcome: outcome)

            let result = try result("spring.json", in: folder)
            #expect(result["status"] == "PARTIAL_SUCCESS")
            #expect(result["ticketDigest"]?.stringValue == ContentDigest.sha256Hex(Data(Self.requestJSON.utf8)))
            #expect(result["writtenAt"] == "2027-01-15T08:00:00Z")
            #expect(result["results"]?[0]?["platform"] == "meta")
            #expect(result["results"]?[0]?["accountID"] == "act_1001")
            #expect(result["results"]?[0]?["status"] == "SUCCESS")
            #expect(result["results"]?[0]?["externalIDs"]?["campaign"] == ["120210000000000001"])
            #expect(result["results"]?[0]?["externalIDs"]?["ad"] == ["120210000000000004", "120210000000000005"])
            #expect(result["results"]?[1]?["status"] == "FAILED")
            #expect(result["results"]?[1]?["error"] == "budget too low (budgetTooLow)")
            let decoded = try FolderTicketSource.ResultFile(
                data: Data(contentsOf: source.resultURL(for: "spring.json")))
            #expect(decoded.results == outcome.results)
            #expect(decoded.jobs == [meta.id, google.id])
            #expect(try await source.readyTickets().tickets.isEmpty)
        }
    }

    @Test("a ticket edited while its jobs run is offered again: the state records what was read")
    func editedWhileRunning() async throws {
        try await withFolder { folder in
            try write(Self.requestJSON, to: "spring.json", in: folder)
            let source = FolderTicketSource(directory: folder, clock: .fixed(at: Self.fixedDate))
            let ticket = try #require(try await source.readyTickets().tickets.first)
            try write(Self.requestJSON + "\n", to: "spring.json", in: folder)

            try await source.markAccepted(ticket.reference, jobs: [try job(.meta)])

            let result = try result("spring.json", in: folder)
            #expect(result["ticketDigest"]?.stringValue == ContentDigest.sha256Hex(Data(Self.requestJSON.utf8)))
            #expect(try await source.readyTickets().tickets.map(\.reference.id) == ["spring.json"])
        }
    }

    @Test("a finished ticket offered again keeps its outcome when its jobs are marked accepted again")
    func finishedTicketOfferedAgain() async throws {
        try await withFolder { folder in
            try write(Self.requestJSON, to: "spring.json", in: folder)
            let source = FolderTicketSource(directory: folder, clock: .fixed(at: Self.fixedDate))
            let ticket = try #require(try await source.readyTickets().tickets.first)
            var meta = try job(.meta)
            try await source.markAccepted(ticket.reference, jobs: [meta])
            let outcome = TicketOutcome(results: [
                .init(
                    platform: .meta, accountID: "act_1001", jobID: meta.id, status: .success,
                    externalIDs: ["campaign": ["1"]], error: nil)
            ])
            try await source.writeBack(ticket.reference, outcome: outcome)
            try write(Self.requestJSON + "\n", to: "spring.json", in: folder)
            #expect(try await source.readyTickets().tickets.count == 1)

            meta.status = .success
            meta.writtenBackAt = Self.fixedDate
            try await source.markAccepted(ticket.reference, jobs: [meta])

            let result = try result("spring.json", in: folder)
            #expect(result["status"] == "SUCCESS")
            #expect(result["results"]?[0]?["externalIDs"]?["campaign"] == ["1"])
            #expect(try await source.readyTickets().tickets.isEmpty)
        }
    }

    @Test("a missing folder throws an error naming its path")
    func missingFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)")
        let error = await #expect(throws: FolderTicketSourceError.self) {
            try await FolderTicketSource(directory: folder, clock: .fixed(at: Self.fixedDate)).readyTickets()
        }
        #expect(error?.path == folder.standardizedFileURL.path)
        #expect(error?.description.contains(folder.lastPathComponent) == true)
    }

    @Test("ticket ids that are not a file name in the folder are refused")
    func refusesPaths() async throws {
        try await withFolder { folder in
            let source = FolderTicketSource(directory: folder, clock: .fixed(at: Self.fixedDate))
            for id in ["../escape.json", "sub/t.json", ".hidden.json", ""] {
                await #expect(throws: FolderTicketSourceError.self) {
                    try await source.reportProblem(
                        TicketProblem(
                            reference: TicketReference(source: "folder", id: id), fieldPath: nil, message: "x"))
                }
            }
            let written = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(written.isEmpty)
        }
    }
}
