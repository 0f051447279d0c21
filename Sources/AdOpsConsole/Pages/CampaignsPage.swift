import AdPlatformKit
import Foundation
import Hummingbird
import Trafficking

/// `GET /campaigns`: every campaign with its status, platform, account, budget, lifetime spend, conversions, ROAS,
/// CPA and last sync; filtered, sorted and paged by the query, so a view can be shared as a link.
struct CampaignsPage: Sendable {
    /// The plumbing.
    let routes: ConsoleRoutes

    /// Rows per page.
    static let pageSize = 50

    func addRoutes(to group: RouterGroup<BasicRequestContext>) {
        let environment = routes.environment
        group.get(
            "campaigns",
            use: routes.page("campaigns", title: { _ in "Campaigns" }, section: .campaigns) { request, _ in
                try await Self.view(request.queryFields, environment: environment)
            })
    }

    /// The query read into a filter, an order and a page, and the rows they select.
    static func view(_ query: [String: String], environment: ConsoleEnvironment) async throws -> CampaignsView {
        let store = environment.engine.store
        var filter = CampaignFilter()
        if let status = query["status"], !status.isEmpty {
            guard let value = CampaignStatus(rawValue: status) else {
                throw ConsoleError(
                    .invalidField, field: "status",
                    "'\(status)' is not a status; use one of \(CampaignStatus.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            filter.status = value
        }
        if let platform = query["platform"], !platform.isEmpty {
            guard environment.engine.registry.ids.contains(PlatformID(rawValue: platform)) else {
                throw ConsoleError(.invalidField, field: "platform", "'\(platform)' is not a platform of this console")
            }
            filter.platform = PlatformID(rawValue: platform)
        }
        if let account = query["account"], !account.isEmpty {
            guard let id = UUID(uuidString: account) else {
                throw ConsoleError(.invalidField, field: "account", "'\(account)' is not an account id")
            }
            filter.accountID = id
        }
        if let drifted = query["drifted"], !drifted.isEmpty { filter.drifted = drifted == "true" }
        var order = CampaignOrder()
        if let sort = query["sort"], !sort.isEmpty {
            guard let key = CampaignOrder.Key(rawValue: sort) else {
                throw ConsoleError(
                    .invalidField, field: "sort",
                    "'\(sort)' is not a column; use one of \(CampaignOrder.Key.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            order.key = key
        }
        order.descending = query["order"] != "asc"
        let pageNumber = try Self.pageNumber(query["page"])
        let page = try await store.campaignPerformance(
            filter, order: order, page: PageRequest(limit: pageSize, offset: (pageNumber - 1) * pageSize))
        let accounts = try await store.accounts(platform: nil, page: PageRequest(limit: PageRequest.maximumLimit))
        return CampaignsView(
            query: query, page: page, pageNumber: pageNumber, order: order, accounts: accounts.items,
            platforms: environment.engine.registry.ids)
    }

    /// `?page=N`, from 1.
    static func pageNumber(_ text: String?) throws -> Int {
        guard let text, !text.isEmpty else { return 1 }
        guard let number = Int(text), (1...1_000_000).contains(number) else {
            throw ConsoleError(.invalidField, field: "page", "'\(text)' is not a page number from 1")
        }
        return number
    }
}

/// What the campaign list shows.
struct CampaignsView {
    /// The rows.
    var rows: [Row]
    /// `41–60 of 10,000`.
    var range: String
    /// Whether there is anything at all.
    var isEmpty: Bool
    /// The pager's links, when there are earlier or later pages.
    var previous: String?
    var next: String?
    /// The column headers, each a link that sorts by it (again: the other way).
    var columns: [Column]
    /// The filters' choices, with the current ones selected.
    var statuses: [Choice]
    var platforms: [Choice]
    var accounts: [Choice]

    /// A row.
    struct Row {
        var id: String
        var name: String
        var status: String
        var drifted: Bool
        var platform: String
        var account: String
        var budget: String
        var spend: String
        var conversions: String
        var roas: String
        var cpa: String
        var lastSync: String
    }

    /// A column header.
    struct Column {
        var label: String
        var href: String?
        var numeric: Bool
        /// `ascending` or `descending` on the sorted column.
        var sort: String?
    }

    /// An option of a filter.
    struct Choice {
        var value: String
        var label: String
        var selected: Bool
    }

    init(
        query: [String: String], page: Page<CampaignPerformance>, pageNumber: Int, order: CampaignOrder,
        accounts: [AdAccount], platforms: [PlatformID]
    ) {
        let names = Dictionary(accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        rows = page.items.map { item in
            let campaign = item.campaign
            return Row(
                id: campaign.id.uuidString, name: campaign.name, status: campaign.status.rawValue,
                drifted: campaign.drifted, platform: campaign.platform.rawValue,
                account: names[campaign.accountID] ?? campaign.accountID.uuidString,
                budget: "\(Format.money(campaign.budget.amount)) \(campaign.budget.period.rawValue)",
                spend: item.totals.map { Format.money($0.spend) } ?? "—",
                conversions: item.totals.map { Format.decimal($0.conversions, digits: 1) } ?? "—",
                roas: Format.roas(item.totals), cpa: Format.cpa(item.totals),
                lastSync: Format.time(campaign.lastSyncedAt))
        }
        isEmpty = page.total == 0
        let first = page.offset + 1
        let last = page.offset + page.items.count
        range =
            page.items.isEmpty
            ? "0 of \(Format.integer(Int64(page.total)))" : "\(first)–\(last) of \(Format.integer(Int64(page.total)))"
        func link(_ changes: [String: String?]) -> String {
            var fields = query
            for (name, value) in changes { fields[name] = value }
            let pairs = fields.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { name, value in
                "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
            return pairs.isEmpty ? "/campaigns" : "/campaigns?" + pairs.joined(separator: "&")
        }
        previous = pageNumber > 1 ? link(["page": String(pageNumber - 1)]) : nil
        next = last < page.total ? link(["page": String(pageNumber + 1)]) : nil
        let sortable: [(String, CampaignOrder.Key?, Bool)] = [
            ("Name", .name, false), ("Status", .status, false), ("Platform", .platform, false), ("Account", nil, false),
            ("Budget", nil, true), ("Spend", .spend, true), ("Conversions", .conversions, true), ("ROAS", .roas, true),
            ("CPA", .cpa, true), ("Last sync", .lastSync, false),
        ]
        columns = sortable.map { label, key, numeric in
            guard let key else { return Column(label: label, href: nil, numeric: numeric, sort: nil) }
            let isSorted = order.key == key
            // A first click sorts numbers and times largest first, names A to Z; a second click reverses.
            let descendingFirst = numeric || key == .lastSync
            let nextDescending = isSorted ? !order.descending : descendingFirst
            return Column(
                label: label,
                href: link(["sort": key.rawValue, "order": nextDescending ? "desc" : "asc", "page": nil]),
                numeric: numeric, sort: isSorted ? (order.descending ? "descending" : "ascending") : nil)
        }
        statuses = CampaignStatus.allCases.map {
            Choice(value: $0.rawValue, label: $0.rawValue, selected: query["status"] == $0.rawValue)
        }
        self.platforms = platforms.map {
            Choice(value: $0.rawValue, label: $0.rawValue, selected: query["platform"] == $0.rawValue)
        }
        self.accounts = accounts.map {
            Choice(
                value: $0.id.uuidString, label: "\($0.name) (\($0.platform.rawValue))",
                selected: query["account"]?.uppercased() == $0.id.uuidString)
        }
    }
}
