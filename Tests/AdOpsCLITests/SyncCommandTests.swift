import Foundation
import Testing

/// `adops sync` and `adops metrics` as a newcomer meets them: what they refuse, with the option named and the
/// exit status the README gives. (The demo syncs all four emulators through the same code, and
/// `MetricsSyncTests` checks the rows against the emulators' ground truth.)
@Suite("sync and metrics commands")
struct SyncCommandTests {
    @Test("sync refuses with no account, or --full with --campaign; metrics names a bad --from, --level or campaign")
    func refusals() throws {
        let sandbox = try EngineCommandTests.Sandbox()
        let none = try sandbox.run(["sync"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no ACTIVE ad account to sync"), "\(none.stderr)")
        let both = try sandbox.run(["sync", "--full", "--campaign", UUID().uuidString])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--full and --campaign cannot be combined"), "\(both.stderr)")
        let unknownCampaign = try sandbox.run(["sync", "--campaign", UUID().uuidString])
        #expect(unknownCampaign.status == 1)
        #expect(unknownCampaign.stderr.contains("--campaign: no campaign"), "\(unknownCampaign.stderr)")

        let campaign = UUID().uuidString
        let badDay = try sandbox.run(["metrics", campaign, "--from", "2027-02-30"])
        #expect(badDay.status == 2)
        #expect(badDay.stderr.contains("--from: '2027-02-30' is not a day written YYYY-MM-DD"), "\(badDay.stderr)")
        let backwards = try sandbox.run(["metrics", campaign, "--from", "2027-03-02", "--to", "2027-03-01"])
        #expect(backwards.status == 2)
        #expect(backwards.stderr.contains("--from: 2027-03-02 is after --to 2027-03-01"), "\(backwards.stderr)")
        let level = try sandbox.run(["metrics", campaign, "--level", "creative"])
        #expect(level.status == 2)
        #expect(level.stderr.contains("--level: 'creative' is not one of campaign, adGroup, ad"), "\(level.stderr)")
        let unknown = try sandbox.run(["metrics", campaign])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no campaign \(campaign)"), "\(unknown.stderr)")
    }
}
