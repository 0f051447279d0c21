import Foundation

/// Creative tests (``CreativeTestRecord``): each run's comparison of the ads of an ad group, with every ad's
/// figures and standing and the pauses requested for the losers, so the tests can be listed afterwards.
public protocol CreativeTestStore: Sendable {
    /// Stores tests, with their arms, in one write. Throws ``StoreError`` `notFound` when a test's campaign does
    /// not exist, and then stores none.
    func recordCreativeTests(_ records: [CreativeTestRecord]) async throws
    /// Records, in one write, the pause requested for each loser or why it was refused. Links to tests or ads that
    /// do not exist change nothing.
    func linkCreativeTests(_ links: [CreativeTestActionLink]) async throws
    /// A campaign's tests, newest first, with their arms, and their total.
    func creativeTests(campaign: UUID, page: PageRequest) async throws -> Page<CreativeTestRecord>
}
