import AdPlatformKit
import Foundation
import Trafficking

/// The summary table `adops traffic` ends with: one row per job with the platform ids it created.
struct JobTable {
    /// The jobs with their ledgers.
    var details: [JobDetail]

    /// Platform, campaign id, ad group ids, ad ids and status, one row per job.
    func render() -> String {
        var table = TextTable(header: ["platform", "campaign", "ad groups", "ads", "status"])
        for detail in details {
            let ids = detail.externalIDs
            table.append([
                detail.job.platform.rawValue,
                detail.job.platformCampaignID ?? ids["campaign"]?.first ?? "-",
                Self.list(ids["adGroup"]),
                Self.list(ids["ad"]),
                detail.job.status.rawValue,
            ])
        }
        return table.render()
    }

    private static func list(_ ids: [String]?) -> String {
        guard let ids, !ids.isEmpty else { return "-" }
        return ids.joined(separator: ", ")
    }
}
