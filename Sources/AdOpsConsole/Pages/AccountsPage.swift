import AdPlatformKit
import Foundation
import Hummingbird
import Trafficking

/// `GET /accounts`: every ad account with its status, when its token expires, whether it must be re-authorised,
/// how much of its rate budget this process's worker is using, and its last metrics sync.
struct AccountsPage: Sendable {
    /// The plumbing.
    let routes: ConsoleRoutes

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        let environment = routes.environment
        group.get(
            "accounts",
            use: routes.page("accounts", title: { _ in "Accounts" }, section: .accounts) { request, _ in
                try await Self.view(request.queryFields, environment: environment)
            })
    }

    /// Accounts per page.
    static let pageSize = 100

    /// The accounts of the page asked for, each with its last sync.
    static func view(_ query: [String: String], environment: ConsoleEnvironment) async throws -> AccountsView {
        let store = environment.engine.store
        let pageNumber = try CampaignsPage.pageNumber(query["page"])
        let page = try await store.accounts(
            platform: nil, page: PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize))
        var rows: [AccountsView.Row] = []
        for account in page.items {
            let lastSync = try await store.syncRuns(account: account.id, page: PageRequest(limit: 1)).items.first
            rows.append(
                AccountsView.Row(
                    account, lastSync: lastSync, now: environment.now,
                    rateUse: environment.configuration.rateBudget.map { budget in
                        budget.use(platform: account.platform, account: account.platformAccountID)
                    }, rate: environment.configuration.rateBudget?.rate(for: account.platform)))
        }
        return AccountsView(
            rows: rows, total: page.total, pageNumber: pageNumber, pageSize: pageSize,
            workerHere: environment.configuration.rateBudget != nil)
    }
}

/// What the accounts page shows.
struct AccountsView {
    /// One account.
    struct Row {
        var name: String
        var platform: String
        var platformAccountID: String
        var currency: String
        var status: String
        var needsReauth: Bool
        var tokenExpiry: String
        var expiringSoon: Bool
        var rateUse: String
        var lastSync: String
        var lastSyncStatus: String?
        var campaignsHref: String

        init(
            _ account: AdAccount, lastSync: SyncRun?, now: Date, rateUse: Double??, rate: RateBudget.Rate?
        ) {
            name = account.name
            platform = account.platform.rawValue
            platformAccountID = account.platformAccountID
            currency = account.currency.code
            status = account.status.rawValue
            needsReauth = account.status == .requiresReauth
            switch account.tokenExpiry {
            case .at(let date):
                let days = date.timeIntervalSince(now) / 86_400
                tokenExpiry =
                    days < 0
                    ? "expired \(Format.time(date))"
                    : "\(Format.time(date)) (in \(Format.decimal(days, digits: days < 10 ? 1 : 0)) days)"
                expiringSoon = days < 7
            case .never:
                tokenExpiry = "does not expire"
                expiringSoon = false
            case .unknown:
                tokenExpiry = "not recorded; refreshed when a call finds it expired"
                expiringSoon = false
            }
            switch rateUse {
            case .none: self.rateUse = "no worker in this process"
            case .some(.none): self.rateUse = "unlimited"
            case .some(.some(let use)):
                let limit =
                    rate.map { " of \(Format.decimal($0.requestsPerSecond, digits: 1))/s, burst \($0.burst)" } ?? ""
                self.rateUse = "\(Format.decimal(use * 100, digits: 0))%\(limit)"
            }
            self.lastSync = lastSync.map { Format.time($0.finishedAt ?? $0.startedAt) } ?? "never"
            lastSyncStatus = lastSync?.status.rawValue
            campaignsHref = "/campaigns?account=\(account.id.uuidString)"
        }
    }

    var rows: [Row]
    var range: String
    var previous: String?
    var next: String?
    var isEmpty: Bool
    /// Whether the rate use shown is a worker's in this process.
    var workerHere: Bool

    init(rows: [Row], total: Int, pageNumber: Int, pageSize: Int, workerHere: Bool) {
        self.rows = rows
        let first = (pageNumber - 1) * pageSize
        range = rows.isEmpty ? "0 of \(total)" : "\(first + 1)–\(first + rows.count) of \(total)"
        previous = pageNumber > 1 ? "/accounts?page=\(pageNumber - 1)" : nil
        next = first + rows.count < total ? "/accounts?page=\(pageNumber + 1)" : nil
        isEmpty = total == 0
        self.workerHere = workerHere
    }
}
