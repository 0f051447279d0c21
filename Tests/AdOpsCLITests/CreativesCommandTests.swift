import Foundation
import Testing

/// `adops creatives vary`: variations of a brief as a user runs them, and the refusals of bad input.
@Suite("adops creatives")
struct CreativesCommandTests {
    static let brief = """
        key: disney-signup
        brandName: Disney+
        product: Disney+
        benefit: Stream new originals every week
        socialProof: Loved by millions of families
        urgency: Offer ends Sunday
        problem: Nothing to watch tonight?
        solution: Thousands of films, one subscription
        callToAction: signUp
        landingURL: https://www.disneyplus.com/
        media:
          - kind: image
            source: media/disneyplus-hero.png
        """

    static func folder() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adops-vary-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("vary writes N variations in the three angles, one creative per platform, as text and JSON")
    func vary() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("brief.yaml")
        try Self.brief.write(to: file, atomically: true, encoding: .utf8)

        let text = try AdOpsCommandTests.adops("creatives", "vary", file.path, "--count", "3")
        #expect(text.status == 0, "\(text.stderr)")
        for line in ["v1 benefit", "v2 socialProofOrUrgency", "v3 problemSolution", "  google: ", "  meta: "] {
            #expect(text.stdout.contains(line), "\(text.stdout)")
        }

        let run = try AdOpsCommandTests.adops(
            "creatives", "vary", file.path, "--count", "4", "--platform", "meta,tiktok", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let variations = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(variations.count == 4)
        #expect(
            variations.map { $0["angle"] as? String } == [
                "benefit", "socialProofOrUrgency", "problemSolution", "benefit",
            ])
        for variation in variations {
            let creatives = variation["creatives"] as? [[String: Any]] ?? []
            #expect(creatives.compactMap { ($0["platforms"] as? [String])?.first } == ["meta", "tiktok"])
            for creative in creatives {
                let headline = (creative["headlines"] as? [String])?.first ?? ""
                #expect(!headline.isEmpty && headline.count <= 40)
                #expect(((creative["primaryText"] as? String) ?? "").count <= 125)
            }
        }
    }

    @Test("a brief missing a field, an unreadable file or a bad count is refused, naming it, exit 2")
    func refusals() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.json")
        try #"{"key":"x","brandName":"B"}"#.write(to: bad, atomically: true, encoding: .utf8)
        let missing = try AdOpsCommandTests.adops("creatives", "vary", bad.path)
        #expect(missing.status == 2 && missing.stderr.contains("product is required"), "\(missing.stderr)")
        let absent = try AdOpsCommandTests.adops("creatives", "vary", directory.appendingPathComponent("no.json").path)
        #expect(absent.status == 2 && absent.stderr.contains("cannot read the file"))
        let good = directory.appendingPathComponent("brief.yaml")
        try Self.brief.write(to: good, atomically: true, encoding: .utf8)
        let count = try AdOpsCommandTests.adops("creatives", "vary", good.path, "--count", "0")
        #expect(count.status == 2 && count.stderr.contains("--count must be from 1 to 30"))
        let platform = try AdOpsCommandTests.adops("creatives", "vary", good.path, "--platform", "myspace")
        #expect(platform.status == 2 && platform.stderr.contains("--platform"))
    }
}
