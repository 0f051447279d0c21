import AdOpsSamples
import AdOpsServer
import AdPlatformKit
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import Trafficking

/// The steps of `adops demo`, printed as they happen.
struct DemoRun {
    let context: EngineContext
    let mockURL: URL
    let port: Int
    let database: URL
    /// Whether the closing optimiser pass applies every decision, not only the first increase.
    var applyOptimization = false

    var control: MockControl { MockControl(baseURL: mockURL, transport: context.transport) }

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
        let operated = try await operate(details)
        let synced = try await syncMetrics(details, accounts: accounts)
        let optimized = try await DemoOptimization(demo: self, applyAll: applyOptimization).run(
            details, accounts: accounts)
        let succeeded =
            details.count == jobs.count && details.allSatisfy { $0.job.status == .success }
            && written.count == report.accepted.count && !report.accepted.isEmpty
            && insights.allSatisfy { $0.conversions >= 1 } && operated && synced && optimized
        Terminal.output(
            succeeded
                ? "\nDone: \(details.count) campaigns on 4 platforms, ids written back, conversions in every platform's "
                    + "insights, a pause and a budget change on the platforms and in our records, daily metrics "
                    + "synced into our store, and an optimiser pass on seed 003's table, "
                    + (applyOptimization ? "every change applied." : "one change applied.")
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
        Terminal.output(
            "\n5. Activating the campaigns: lifecycle actions run by the worker (they were trafficked PAUSED)")
        var activations: [LifecycleAction] = []
        for detail in done {
            guard let campaign = try await context.store.campaign(job: detail.job.id) else { continue }
            activations.append(
                try await context.engine.requestAction(
                    ActionRequest(campaignID: campaign.id, kind: .activate, requestedBy: "cli")))
        }
        for action in try await runActions(activations) {
            // The levels in the order the action walked them, in the platform's own names.
            let hierarchy = context.registry[action.platform]?.capabilities.hierarchy
            let path = action.changes.map { hierarchy?.name(of: $0.level.kind) ?? $0.level.rawValue }
                .reduce(into: [String]()) { path, level in if path.last != level { path.append(level) } }
            Terminal.output(
                "   \(action.platform.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(action.status.rawValue)  "
                    + "\(action.changes.count) entities PAUSED → ACTIVE: \(path.joined(separator: " → "))")
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

    /// Pauses one campaign and raises another's budget through lifecycle actions run by the worker, then shows both
    /// on the platform (read back through its module) and in our records; returns whether both took effect.
    private func operate(_ details: [JobDetail]) async throws -> Bool {
        Terminal.output("\n8. Lifecycle actions after the insights, run by the worker")
        let done = details.filter { $0.job.status == .success }
        // The first ticket's TikTok campaign is paused; the second ticket's Meta campaign, whose budget sits on the
        // campaign, gets half as much again.
        guard let paused = done.first(where: { $0.job.platform == .tiktok }),
            let raised = done.last(where: { $0.job.platform == .meta }),
            let pauseCampaign = try await context.store.campaign(job: paused.job.id),
            let budgetCampaign = try await context.store.campaign(job: raised.job.id)
        else {
            Terminal.output("   no TikTok and Meta campaigns to act on")
            return false
        }
        let old = budgetCampaign.budget
        let budget = Budget(
            old.period, Money(minorUnits: old.amount.minorUnits * 3 / 2, currency: old.amount.currency))
        let requested = [
            try await context.engine.requestAction(
                ActionRequest(campaignID: pauseCampaign.id, kind: .pause, requestedBy: "cli")),
            try await context.engine.requestAction(
                ActionRequest(campaignID: budgetCampaign.id, kind: .budget(budget), requestedBy: "cli")),
        ]
        let ended = try await runActions(requested)
        for action in ended {
            for change in action.changes {
                Terminal.output(
                    "   \(action.kind.name.padding(toLength: 7, withPad: " ", startingAt: 0)) "
                        + "\(action.platform.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) "
                        + "\(change.level) \(change.platformID)  \(change.field) \(change.oldValue?.description ?? "?") → "
                        + "\(change.newValue)  (\(action.status.rawValue), asked by \(action.requestedBy))")
            }
            if action.status != .done {
                Terminal.output(
                    "   \(action.kind.name) on \(action.platform) \(action.status.rawValue): \(action.error?.description ?? "")"
                )
            }
        }

        Terminal.output("   On the platforms, read back through each module:")
        let pausedEntity = try await readCampaign(pauseCampaign, job: paused.job)
        let budgetEntity = try await readCampaign(budgetCampaign, job: raised.job)
        let platformStatus = pausedEntity?.status
        Terminal.output(
            "     \(pauseCampaign.platform.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) campaign "
                + "\(pauseCampaign.platformCampaignID ?? "-")  status \(platformStatus?.rawValue ?? "?")")
        let platformBudget = budgetEntity.flatMap {
            budgetAttribute(of: $0, platform: raised.job.platform, currency: raised.job.request.budget.amount.currency)
        }
        Terminal.output(
            "     \(budgetCampaign.platform.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) campaign "
                + "\(budgetCampaign.platformCampaignID ?? "-")  \(platformBudget?.text ?? "budget not readable")")

        Terminal.output("   In our records (adops campaigns show):")
        let pausedRecord = try await context.store.campaign(pauseCampaign.id)
        let budgetRecord = try await context.store.campaign(budgetCampaign.id)
        for record in [pausedRecord, budgetRecord].compactMap({ $0 }) {
            Terminal.output("     campaign   \(record.id.uuidString)")
            Terminal.output("     name       \(record.name)")
            Terminal.output("     platform   \(record.platform) (\(record.platformCampaignID ?? "-"))")
            Terminal.output("     status     \(record.status.rawValue)")
            Terminal.output("     budget     \(record.budget)")
        }
        return ended.allSatisfy { $0.status == .done } && platformStatus == .paused
            && platformBudget?.money == budget.amount && pausedRecord?.status == .paused
            && budgetRecord?.budget == budget
    }

    /// Moves a day on, syncs every account's metrics into the store as `adops sync` does, and shows each
    /// campaign's figures as `adops metrics` reads them from there; returns whether every run succeeded and every
    /// campaign has spend and a conversion.
    private func syncMetrics(_ details: [JobDetail], accounts: [AdAccount]) async throws -> Bool {
        try await control.advanceClock("1d")
        Terminal.output("\n9. Metrics synced into our store (adops sync), over each platform's restatement window")
        let syncer = context.syncer()
        var runs: [SyncRun] = []
        for account in accounts { runs.append(try await syncer.sync(account: account.id, kind: .incremental)) }
        Terminal.output(SyncCommand.render(runs, accounts: accounts))
        for run in runs { for error in run.errors { Terminal.output("   \(run.platform): \(error)") } }

        Terminal.output("\n   Each campaign from our store (adops metrics CAMPAIGN), campaign level, over its days:")
        var table = TextTable(header: [
            "platform", "campaign", "status", "days", "impressions", "clicks", "spend", "conversions", "ROAS",
        ])
        var complete = runs.allSatisfy { $0.status == .succeeded }
        for detail in details where detail.job.status == .success {
            guard let campaign = try await context.store.campaign(job: detail.job.id),
                let run = runs.first(where: { $0.accountID == campaign.accountID })
            else { continue }
            let rows = try await context.store.metrics(
                campaign: campaign.id, since: run.since, until: run.until, level: .campaign)
            let total = rows.map(\.totals).reduce(MetricTotals.zero(campaign.budget.amount.currency), +)
            complete = complete && total.spend.minorUnits > 0 && total.conversions >= 1
            table.append([
                campaign.platform.rawValue, campaign.platformCampaignID ?? "-", campaign.status.rawValue,
                String(rows.count), String(total.impressions), String(total.clicks), "\(total.spend)",
                String(format: "%g", total.conversions),
                total.returnOnAdSpend.map { String(format: "%.2f", $0) } ?? "-",
            ])
        }
        Terminal.output(table.render())
        return complete
    }

    /// Runs the worker until every action is over; returns them as they ended.
    func runActions(_ actions: [LifecycleAction]) async throws -> [LifecycleAction] {
        let worker = context.worker(logger: EngineContext.logger("adops.worker", level: .warning))
        let store = context.store
        let ids = actions.map(\.id)
        try await worker.run {
            for id in ids where try await store.action(id)?.status.isTerminal == false { return false }
            return true
        }
        var ended: [LifecycleAction] = []
        for id in ids { if let action = try await store.action(id) { ended.append(action) } }
        return ended
    }

    /// A campaign as its platform module reads it back, or `nil` when the module does not read entities.
    private func readCampaign(_ campaign: Campaign, job: CampaignJob) async throws -> PlatformEntity? {
        let (module, account) = try await moduleAndAccount(for: job)
        guard let reader = module as? any EntityReading, let id = campaign.platformCampaignID else { return nil }
        return try await reader.readEntity(.campaign, id: id, in: account)
    }

    /// The budget a campaign read back carries, as the platform wrote it and in money. `EntityReading` returns
    /// platform attributes, not a budget, so the demo looks for the budget fields the modules report.
    func budgetAttribute(
        of entity: PlatformEntity, platform: PlatformID, currency: Currency
    ) -> (text: String, money: Money)? {
        guard let module = context.registry[platform] else { return nil }
        for key in Self.budgetAttributes {
            guard let value = entity.attributes[key],
                let money = try? module.capabilities.budget.unit.money(
                    fromPlatformValue: .string(value), currency: currency)
            else { continue }
            return ("\(key) \(value) (\(money))", money)
        }
        return nil
    }

    /// The attributes the modules report a campaign's budget in (Meta's daily or lifetime budget in offset units).
    static let budgetAttributes = ["daily_budget", "lifetime_budget", "budget", "daily_budget_micro"]

    /// Waits for Ctrl-C, printing where the pages are.
    /// Serves the console and the REST API on `consolePort` (0 picks a free one) over the demo's database, with
    /// a worker, metrics syncs and the rule schedulers, and a fresh API key to sign in with, until Ctrl-C. The
    /// emulators and landing pages stay up beside it.
    func serveConsole(consolePort: Int) async throws {
        let key = "demo-" + (0..<24).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max)) }.joined()
        let hashes = [AdOpsServerConfiguration.hash(apiKey: key)]
        let logger = EngineContext.logger("adops.demo", level: .warning)
        let tokens = context.tokenRefresher()
        let services: [any Service] =
            [
                context.tokenRefreshService(tokens), context.worker(tokens: tokens, logger: logger),
                context.syncService(tokens: tokens, logger: logger),
            ] + context.schedulers()
        let mockURL = mockURL
        let port = port
        let application = AdOpsAPI.application(
            engine: context.engine,
            configuration: AdOpsServerConfiguration(
                apiKeyHashes: hashes, ruleWebhookSigner: context.webhookSigner,
                ruleWebhookSender: context.webhookSender),
            host: "127.0.0.1", port: consolePort, services: services, logger: logger,
            pages: try context.consolePages(apiKeyHashes: hashes, worker: true, logger: logger),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? consolePort
                Terminal.output("\nThe console, the API, the emulators and the landing pages stay up until Ctrl-C:")
                Terminal.output("   console:  http://127.0.0.1:\(bound)/   sign in with the API key \(key)")
                Terminal.output("   REST API: http://127.0.0.1:\(bound)/api/v1   (Authorization: Bearer \(key))")
                Terminal.output("   http://disneyplus-signup-demo.localhost:\(port)/")
                Terminal.output("   http://hulu-promo-demo.localhost:\(port)/")
                Terminal.output("   \(mockURL.absoluteString)/_mock/pixel/events   (pixel events received)")
            })
        try await AdOpsAPI.serviceGroup(running: application, shutdownTimeout: .seconds(10), logger: logger).run()
    }

    /// The job's platform module through the engine's pipeline, and its account; the demo's reads spend the
    /// account's rate budget like any call.
    private func moduleAndAccount(for job: CampaignJob) async throws -> (any AdPlatform, AccountContext) {
        try await moduleAndAccount(platform: job.platform, accountID: job.accountID)
    }

    /// A platform's module through the engine's pipeline, and one of its ad accounts.
    func moduleAndAccount(platform id: PlatformID, accountID: UUID) async throws -> (any AdPlatform, AccountContext) {
        guard let platform = context.registry[id], let account = try await context.store.account(accountID),
            let credentials = try await context.store.credentials(ofAccount: accountID)
        else {
            throw ConfigurationError(variable: "ad account \(accountID)", message: "its platform or ad account is gone")
        }
        let accountContext = account.context(credentials: credentials)
        let calls = APICallCollector(platform: id)
        return (context.pipeline.platform(platform, account: accountContext.accountID, calls: calls), accountContext)
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
