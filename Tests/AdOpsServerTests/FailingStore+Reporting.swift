import Foundation
import Trafficking

extension FailingStore {
    func dailyTotals(since: String, until: String) async throws -> [PlatformDayTotals] { throw Failure() }
    func campaignPerformance(
        _ filter: CampaignFilter, order: CampaignOrder, page: PageRequest
    ) async throws -> Page<CampaignPerformance> { throw Failure() }
}
