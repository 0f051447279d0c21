import AdPlatformKit
import Foundation
import Trafficking

/// What the job list shows.
struct JobsView {
    /// The rows.
    var rows: [Row]
    /// `1–50 of 120`.
    var range: String
    /// Whether nothing matches.
    var isEmpty: Bool
    /// Whether a shown job waits or runs, so the table refreshes itself.
    var active: Bool
    /// The pager's links.
    var previous: String?
    var next: String?
    /// The status filter's choices.
    var statuses: [CampaignsView.Choice]
    /// The batch shown, when filtered to one submission.
    var batch: String?

    /// A job.
    struct Row {
        var id: String
        var status: String
        var name: String
        var platform: String
        var account: String
        var batch: String
        var attempts: String
        var createdAt: String
        var updatedAt: String
        var error: String?
    }

    init(query: [String: String], page: Page<CampaignJob>, pageNumber: Int, accounts: [AdAccount]) {
        let names = Dictionary(accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        rows = page.items.map { job in
            Row(
                id: job.id.uuidString, status: job.status.rawValue, name: job.request.name,
                platform: job.platform.rawValue, account: names[job.accountID] ?? job.accountID.uuidString,
                batch: job.batchID.uuidString, attempts: String(job.attempts), createdAt: Format.time(job.createdAt),
                updatedAt: Format.time(job.updatedAt), error: job.error?.message)
        }
        isEmpty = page.total == 0
        active = page.items.contains { $0.status == .pending || $0.status == .processing }
        let first = page.offset + 1
        let last = page.offset + page.items.count
        range =
            page.items.isEmpty
            ? "0 of \(Format.integer(Int64(page.total)))" : "\(first)–\(last) of \(Format.integer(Int64(page.total)))"
        func link(_ number: Int) -> String {
            var fields = query
            fields["page"] = String(number)
            let pairs = fields.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { name, value in
                "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
            return "/jobs?" + pairs.joined(separator: "&")
        }
        previous = pageNumber > 1 ? link(pageNumber - 1) : nil
        next = last < page.total ? link(pageNumber + 1) : nil
        let current = query["status"]?.uppercased()
        statuses = JobStatus.allCases.map {
            CampaignsView.Choice(value: $0.rawValue, label: $0.rawValue, selected: current == $0.rawValue)
        }
        batch = query["batch"].flatMap { UUID(uuidString: $0)?.uuidString }
    }
}
