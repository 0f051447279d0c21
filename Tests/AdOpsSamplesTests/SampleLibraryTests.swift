import AdOpsSamples
import AdPlatformKit
import Foundation
import Testing

@Suite("Sample tickets built into the binary")
struct SampleLibraryTests {
    static let examples: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("docs/examples")
    }()

    @Test("every file of docs/examples is built in, byte for byte")
    func builtInMatchesTheFolder() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.examples.path).filter {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: Self.examples.appendingPathComponent($0).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue && !$0.hasPrefix(".")
        }
        #expect(files.count >= 6)
        for file in files {
            let onDisk = try Data(contentsOf: Self.examples.appendingPathComponent(file))
            #expect(try SampleLibrary.builtIn.file(file) == onDisk, "\(file)")
        }
        #expect(SampleLibrary.builtIn.ticketNames == SampleLibrary.directory(Self.examples).ticketNames)
        #expect(Set(SampleLibrary.demoTickets).isSubset(of: Set(SampleLibrary.builtIn.ticketNames)))
    }

    @Test("a sample made ready inlines its media, points at the emulators' port and moves its flight")
    func readyToSend() throws {
        let raw = try SampleLibrary.builtIn.rawRequest("disneyplus-signup.json")
        let start = Date(timeIntervalSince1970: 1_939_334_400)
        let ready = try SampleLibrary.builtIn.request("disneyplus-signup.json", landingPort: 5123, flightStart: start)
        #expect(ready.schedule.start == start)
        let length = try #require(raw.schedule.end).timeIntervalSince(raw.schedule.start)
        #expect(ready.schedule.end == start.addingTimeInterval(length))
        for creative in ready.creatives {
            #expect(creative.landingURL.contains(".localhost:5123/"), "\(creative.landingURL)")
            for medium in creative.media { #expect(medium.source.hasPrefix("data:image/png;base64,")) }
        }
        #expect(ready.name == raw.name)
        // Without a start, the flight is as written.
        #expect(try SampleLibrary.builtIn.request("disneyplus-signup.json").schedule == raw.schedule)
    }

    @Test("a missing file or medium names the path and why")
    func missing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adops-samples-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = SampleLibrary.directory(folder)
        #expect {
            try library.check(["hulu-promo.json"])
        } throws: { error in
            "\(error)" == "\(folder.path)/hulu-promo.json cannot be read (no such file)"
        }
        // The ticket alone, without its media folder.
        try SampleLibrary.builtIn.file("hulu-promo.json").write(to: folder.appendingPathComponent("hulu-promo.json"))
        #expect {
            try library.request("hulu-promo.json")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("\(folder.path)/hulu-promo.json creatives[0].media[0]: ")
                && text.contains("media/hulu-hero.png cannot be read")
        }
        #expect {
            try SampleLibrary.builtIn.request("nope.json")
        } throws: { error in
            "\(error)".hasPrefix("nope.json is not among the built-in samples (")
        }
    }
}
