import AdOpsSamples
import AdPlatformKit
import Foundation
import Logging
import Trafficking
import UnixSignals

/// The steps of `adops demo`, printed as they happen.
struct DemoRun {
    let context: EngineContext
    let mockURL: URL
    let port: Int
    let database: URL

    private var control: MockControl { MockControl(baseURL: mockURL, transport: context.transport) }

    /// Runs the loop; returns whether every campaign was created, written back and shows its conversion.
    func run(samples: SampleLibrary, concurrency: Int) async throws -> Bool {
        Terminal.output("AdOps Lab demo — everything runs on this machine; no request leaves 127.0.0.1.\n")
        Terminal.output("Emulators     \(mockURL.absoluteString)  (Meta, TikTok, Snapchat, Google Ads, Airtable)")
        Terminal.output("Database      \(database.path)  (SQLite, WAL)\n")

        var accounts: [AdAccount] = []
        for account in DemoAccounts.all { accounts.append(try await context.store.createAccount(account)) }
        var table = TextTable(header: ["platform", "ad account", "name", "id"])
        for account in accounts {
            table.append([account.platform.rawValue, account.platformAccountID, account.name, account.id.uuidString])
        }
        Terminal.output("1. Ad accounts registered\n\(table.render())\n")

        let flightStart = Schedule.tomorrow(after: context.store.clock.now)
        let requests = try SampleLibrary.demoTickets.map {
            try samples.request($0, landingPort: port, flightStart: flightStart)
        }
        let client = try await DemoTickets.file(requests, mockURL: mockURL, transport: context.transport)
        let intake = TicketIntake(
            engine: context.engine, source: AirtableTicketSource(client: client, clock: context.store.clock))
        let report = try await intake.intake()
        for problem in report.problems { Terminal.output("   ticket refused: \(problem)") }
        Terminal.output(
            "2. Tickets read from Airtable (\(DemoTickets.baseID) / \(DemoTickets.table)), flights from "
                + Self.dayString(flightStart))
        for accepted in report.accepted {
            Terminal.output(
                "   \(accepted.ticket.reference.id)  \(accepted.ticket.title)  → \(accepted.jobs.count) jobs")
        }
        let jobs = report.accepted.flatMap(\.jobs)
        Terminal.output("\n3. Trafficking through the worker (\(concurrency) at once)")
        let elapsed = try await traffic(jobs, concurrency: concurrency)
        var details: [JobDetail] = []
        for job in jobs { if let detail = try await context.engine.detail(of: job.id) { details.append(detail) } }
        Terminal.output("   \(details.count) jobs over in \(elapsed)\n")
        Terminal.output(Self.resultTable(details).render() + "\n")

        let written = try await intake.writeBack()
        Terminal.output("4. Ids written back to Airtable (\(written.count) tickets)")
        for record in try await client.listRecords() {
            let fields = record.fields
            Terminal.output("   \(record.id)  \(fields["Status"]?.stringValue ?? "-")")
            for line in (fields["Campaign IDs"]?.stringValue ?? "").split(separator: "\n") {
                Terminal.output("      \(line)")
            }
        }

        let insights = try await deliver(details)
        let succeeded =
            details.count == jobs.count && details.allSatisfy { $0.job.status == .success }
            && written.count == report.accepted.count && !report.accepted.isEmpty
            && insights.allSatisfy { $0.conversions >= 1 }
        Terminal.output(
            succeeded
                ? "\nDone: \(details.count) campaigns on 4 platforms, ids written back, conversions in every platform's insights."
                : "\nThe demo did not complete: see the statuses and errors above.")
        return succeeded
    }

    /// Runs the worker until every job is over, printing each status change with its ticket.
    private func traffic(_ jobs: [CampaignJob], concurrency: Int) async throws -> Duration {
        let worker = context.worker(
            concurrency: concurrency, logger: EngineContext.logger("adops.worker", level: .warning))
        let started = ContinuousClock.now
        let printers = Dictionary(grouping: jobs, by: \.batchID).values.map { batch in
            let ticket = String((batch.first?.request.name ?? "").prefix(28))
            return JobProgressPrinter(store: context.store, jobs: batch) { line in
                let elapsed = Self.seconds(ContinuousClock.now - started)
                Terminal.output(
                    String(format: "   [%5.2fs] ", elapsed) + ticket.padding(toLength: 29, withPad: " ", startingAt: 0)
                        + line)
            }
        }
        try await worker.run {
            var over = true
            for printer in printers where try await !printer.poll() { over = false }
            return over
        }
        return ContinuousClock.now - started
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Activates every campaign, moves the virtual clock into the flights, visits each campaign's landing page
    /// through a click and signs up, then reads each platform's insights.
    private func deliver(_ details: [JobDetail]) async throws -> [MetricRow] {
        let done = details.filter { $0.job.status == .success }
        // Each job's module and decrypted account, looked up once for both activation and insights.
        var targets: [UUID: (any AdPlatform, AccountContext)] = [:]
        for detail in done { targets[detail.job.id] = try await moduleAndAccount(for: detail.job) }
        Terminal.output("\n5. Activating the campaigns (they were trafficked PAUSED)")
        for detail in done {
            guard let (module, account) = targets[detail.job.id], let changer = module as? any StatusChanging else {
                continue
            }
            for step in detail.steps {
                for entity in step.entities where [.campaign, .adGroup, .ad].contains(entity.kind) {
                    try await changer.setStatus(.active, of: entity, in: account)
                }
            }
        }
        let flightStart = done.map(\.job.request.schedule.start).max() ?? context.store.clock.now
        let day = max(flightStart, try await control.now()).addingTimeInterval(86_400)
        try await control.setClock(day)
        Terminal.output("   virtual clock set to \(day.formatted(.iso8601)), inside both flights\n")

        Terminal.output("6. A visit and a signup on each campaign's landing page (through the ad's click)")
        for detail in done {
            guard let ad = detail.steps.flatMap(\.entities).first(where: { $0.kind == .ad }) else { continue }
            let click = try await control.click(platform: detail.job.platform, adID: ad.id)
            let status = try await control.visit(click.url)
            try await control.pixelEvent(
                platform: detail.job.platform, event: Self.pageView[detail.job.platform] ?? "PageView",
                landingURL: click.url)
            try await control.pixelEvent(
                platform: detail.job.platform, event: Self.conversion[detail.job.platform] ?? "CompleteRegistration",
                landingURL: click.url, value: 7.99)
            Terminal.output(
                "   \(detail.job.platform.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) HTTP \(status)  \(click.url)"
            )
        }
        try await control.advanceClock("1d")

        Terminal.output("\n7. Insights for \(Self.dayString(day)), read through each platform's reporting API")
        var rows: [MetricRow] = []
        var table = TextTable(header: ["platform", "campaign", "impressions", "clicks", "spend", "conversions"])
        for detail in done {
            guard let (module, account) = targets[detail.job.id], let reporter = module as? any MetricsFetching,
                let campaign = detail.job.platformCampaignID
            else {
                continue
            }
            let query = MetricsQuery(
                level: .campaign, entityIDs: [campaign], since: Self.dayString(day), until: Self.dayString(day))
            let found = try await reporter.fetchMetrics(query, in: account)
            let row =
                found.first
                ?? MetricRow(
                    platform: detail.job.platform, level: .campaign, entityID: campaign, impressions: 0, clicks: 0,
                    spend: Money(minorUnits: 0, currency: account.currency), conversions: 0,
                    revenue: Money(minorUnits: 0, currency: account.currency))
            rows.append(row)
            table.append([
                detail.job.platform.rawValue, campaign, "\(row.impressions)", "\(row.clicks)", "\(row.spend)",
                "\(row.conversions)",
            ])
        }
        Terminal.output(table.render())
        return rows
    }

    /// Waits for Ctrl-C, printing where the pages are.
    func waitForInterrupt() async {
        Terminal.output("\nThe emulators and landing pages stay up until Ctrl-C:")
        Terminal.output("   http://disneyplus-signup-demo.localhost:\(port)/")
        Terminal.output("   http://hulu-promo-demo.localhost:\(port)/")
        Terminal.output("   \(mockURL.absoluteString)/_mock/pixel/events   (pixel events received)")
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        for await _ in signals { break }
    }

    private func moduleAndAccount(for job: CampaignJob) async throws -> (any AdPlatform, AccountContext) {
        guard let module = context.registry[job.platform], let account = try await context.store.account(job.accountID),
            let credentials = try await context.store.credentials(ofAccount: job.accountID)
        else {
            throw ConfigurationError(variable: "job \(job.id)", message: "its platform or ad account is gone")
        }
        return (module, account.context(credentials: credentials))
    }

    private static func resultTable(_ details: [JobDetail]) -> TextTable {
        var table = TextTable(header: ["platform", "ticket", "campaign", "ad groups", "ads", "status"])
        for detail in details {
            let ids = detail.externalIDs
            table.append([
                detail.job.platform.rawValue, String(detail.job.request.name.prefix(28)),
                ids["campaign"]?.joined(separator: ",") ?? "-", ids["adGroup"]?.joined(separator: ",") ?? "-",
                ids["ad"]?.joined(separator: ",") ?? "-",
                detail.job.status.rawValue + (detail.job.error.map { ": \($0.message)" } ?? ""),
            ])
        }
        return table
    }

    /// The events the landing pages' shared pixel loader sends, per platform (LandingPages/shared/pixel-loader.js).
    static let pageView: [PlatformID: String] = [
        .meta: "PageView", .tiktok: "Pageview", .snapchat: "PAGE_VIEW", .google: "page_view",
    ]
    static let conversion: [PlatformID: String] = [
        .meta: "CompleteRegistration", .tiktok: "CompleteRegistration", .snapchat: "SIGN_UP", .google: "sign_up",
    ]

    static func dayString(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day())
    }
}
