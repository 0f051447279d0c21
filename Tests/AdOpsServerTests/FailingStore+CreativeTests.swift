import AdPlatformKit
import Foundation
import Trafficking

extension FailingStore {
    func recordCreativeTests(_ records: [CreativeTestRecord]) async throws { throw Failure() }
    func linkCreativeTests(_ links: [CreativeTestActionLink]) async throws { throw Failure() }
    func creativeTests(campaign: UUID, page: PageRequest) async throws -> Page<CreativeTestRecord> {
        throw Failure()
    }
}
