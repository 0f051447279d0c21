import AdPlatformKit
import Foundation
import MockPlatforms
import Testing
import Trafficking

/// A ticket filed in the Airtable emulator goes to all four platform emulators over sockets through the real
/// worker, ends SUCCESS on each, and its ids are written back to Airtable; a landing-page conversion with the Meta
/// click id then shows in Meta's insights.
@Suite("End to end")
struct FourPlatformsEndToEndTests {
    @Test("a ticket reaches four platforms and its ids are written back to Airtable")
    func ticketToFourPlatforms() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            let table = AirtableTicketTable()
            let setup = try await fixture.transport.send(
                PlatformHTTPRequest(
                    method: .put,
                    url: mock.baseURL.appendingPathComponent("/_mock/airtable/bases/appE2ETickets0001/tables/Tickets"),
                    headers: ["content-type": "application/json"], body: table.schema.encodedData()))
            #expect(setup.isSuccess, "\(String(decoding: setup.body, as: UTF8.self))")
            let client = AirtableClient(
                configuration: AirtableClient.Configuration(
                    baseURL: mock.baseURL, token: "e2e-airtable", baseID: "appE2ETickets0001", table: "Tickets"),
                transport: fixture.transport)
            let request = try EngineFixture.disneyRequest(mock: mock)
            let encoded = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
            let filed = try await client.createRecords([
                [
                    "Name": .string("Disney+ winter"), "Status": .string("Ready"),
                    "Platforms": .array(PlatformID.builtIn.map { .string($0.rawValue) }), "Request": .string(encoded),
                ],
                ["Name": .string("Broken ticket"), "Status": .string("Ready"), "Request": .string("{\"name\": 3}")],
            ])
            let intake = TicketIntake(
                engine: fixture.engine, source: AirtableTicketSource(client: client, clock: fixture.store.clock))
            let report = try await intake.intake()
            #expect(report.accepted.count == 1)
            #expect(report.problems.count == 1)
            #expect(report.problems.first?.fieldPath?.hasPrefix("Request") == true)
            let jobs = try #require(report.accepted.first?.jobs)
            #expect(Set(jobs.map(\.platform)) == Set(PlatformID.builtIn))

            let finished = try await fixture.runUntilOver(jobs)
            for job in finished {
                #expect(job.status == .success, "\(job.platform): \(job.error?.description ?? "")")
                #expect(job.platformCampaignID != nil)
            }
            // Each launch is a campaign of ours, with every platform entity mapped.
            for job in finished {
                let campaign = try #require(try await fixture.store.campaign(job: job.id))
                #expect(campaign.status == .paused && campaign.platformCampaignID == job.platformCampaignID)
                let detail = try #require(try await fixture.store.campaignDetail(campaign.id))
                let levels = Dictionary(grouping: detail.mappings, by: \.level).mapValues(\.count)
                #expect(
                    levels[.campaign] == 1 && levels[.adGroup] == 2 && levels[.ad] == 2, "\(job.platform): \(levels)")
                #expect(detail.mappings.first { $0.level == .campaign }?.platformID == job.platformCampaignID)
            }
            #expect(try await intake.writeBack().count == 1)

            let records = try await client.listRecords()
            let ticket = try #require(records.first { $0.id == filed[0].id })
            #expect(ticket.fields["Status"]?.stringValue == "Trafficked")
            let campaignIDs = ticket.fields["Campaign IDs"]?.stringValue ?? ""
            for job in finished {
                #expect(campaignIDs.contains(job.platformCampaignID ?? "missing"), "\(campaignIDs)")
            }
            let broken = try #require(records.first { $0.id == filed[1].id })
            #expect(broken.fields["Status"]?.stringValue == "Needs fixing")
            #expect(broken.fields["Error"]?.stringValue?.isEmpty == false)
            // The API calls were recorded, without the token.
            let calls = try await fixture.store.apiCalls(job: jobs[0].id)
            #expect(!calls.isEmpty)
            #expect(calls.allSatisfy { !$0.requestSummary.contains("e2e-") && !$0.responseSummary.contains("e2e-") })
        }
    }

    @Test("a landing-page signup with the Meta click id raises Meta's conversions")
    func metaConversion() async throws {
        try await MockPlatforms.withRunning(configuration: EngineFixture.mockConfiguration()) { mock in
            let fixture = try await EngineFixture.make(mock: mock)
            var request = try EngineFixture.disneyRequest(mock: mock)
            request.status = .active
            let meta = try #require(fixture.accounts[.meta])
            let jobs = try await fixture.engine.submit(request, accounts: [meta.id])
            let job = try #require(try await fixture.runUntilOver(jobs).first)
            #expect(job.status == .success)
            let campaign = try #require(job.platformCampaignID)
            let ad = try #require(
                try await fixture.store.ledger(job: job.id).flatMap(\.entities).first { $0.kind == .ad })

            let flight = request.schedule.start.addingTimeInterval(86_400)
            // No modelled conversions, so the pixel's is the only one between the two reads.
            try mock.mock.world.setPerformance(
                PerformanceTruth(from: request.schedule.start, conversionRate: 0), platform: "meta",
                entityID: campaign)
            _ = mock.mock.world.setClock(flight)
            let platform = try #require(fixture.module(.meta) as? any MetricsFetching)
            let credentials = try #require(try await fixture.store.credentials(ofAccount: meta.id))
            let day = flight.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day())
            let query = MetricsQuery(level: .campaign, entityIDs: [campaign], since: day, until: day)

            _ = mock.mock.world.advance(by: 3_600)
            let before = try await platform.fetchMetrics(query, in: meta.context(credentials: credentials))
            let (clickID, url) = try #require(mock.mock.world.mintClick(platform: "meta", adID: ad.id))
            #expect(url.contains("fbclid=\(clickID)"))
            // What the landing page's pixel loader posts on signup, with the click id it found in the URL.
            let event = JSONValue.object([
                "platform": .string("meta"), "event": .string("CompleteRegistration"), "page": .string(url),
                "params": .object(["fbclid": .string(clickID)]), "value": .decimal(7.99),
            ])
            let posted = try await fixture.transport.send(
                PlatformHTTPRequest(
                    method: .post, url: mock.baseURL.appendingPathComponent("/_mock/pixel/events"),
                    headers: ["content-type": "application/json"], body: event.encodedData()))
            #expect(posted.status == 201)
            _ = mock.mock.world.advance(by: 3_600)
            let after = try await platform.fetchMetrics(query, in: meta.context(credentials: credentials))
            #expect((after.first?.conversions ?? 0) == (before.first?.conversions ?? 0) + 1)
            #expect((after.first?.impressions ?? 0) > 0)
        }
    }
}
