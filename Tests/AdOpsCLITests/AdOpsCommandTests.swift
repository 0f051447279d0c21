import Foundation
import Testing

/// Runs the built `adops` binary as a person would, from the package root.
@Suite("adops command line")
struct AdOpsCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static func binary() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("adops"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("adops"),
            packageRoot.appendingPathComponent(".build/debug/adops"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(
                .fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates.map(\.path).joined(separator: ", ")])
        }
        return found
    }

    static func adops(_ arguments: String...) throws -> Run { try adops(arguments) }

    static func adops(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("platforms lists the four platforms with their limits")
    func platforms() throws {
        let run = try Self.adops("platforms")
        #expect(run.status == 0)
        for name in ["Meta", "TikTok", "Snapchat", "Google Ads"] { #expect(run.stdout.contains(name)) }
        #expect(run.stdout.contains("30 hard*"))
        #expect(run.stdout.contains("1–100 hard*"))
        #expect(run.stdout.contains("3–15"))
        #expect(run.stdout.contains("OUTCOME_SALES"))
    }

    @Test("platforms --json is the capability data")
    func platformsJSON() throws {
        let run = try Self.adops("platforms", "--json")
        #expect(run.status == 0)
        let decoded = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.compactMap { $0["platform"] as? String } == ["meta", "tiktok", "snapchat", "google"])
    }

    @Test("the sample requests validate clean on all four platforms", arguments: ["disneyplus-signup", "hulu-promo"])
    func samplesValidate(name: String) throws {
        let run = try Self.adops("validate", "docs/examples/\(name).json")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("0 hard") || run.stdout.contains("No violations"))
    }

    @Test("a 31-character Google headline and a 35-character Snapchat headline are both reported, exit 1")
    func headlineViolations() throws {
        let run = try Self.adops("validate", "docs/examples/invalid-headlines.json")
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        let google = lines.first {
            $0.contains("google") && $0.contains("creatives[1].headlines[0]") && $0.contains("tooLong")
        }
        let snap = lines.first {
            $0.contains("snapchat") && $0.contains("creatives[0].headlines[0]") && $0.contains("tooLong")
        }
        #expect(google?.contains("30 characters") == true)
        #expect(google?.contains("31 characters") == true)
        #expect(snap?.contains("34 characters") == true)
        #expect(snap?.contains("35 characters") == true)
    }

    @Test("--platform narrows the check and --json prints violations")
    func narrowed() throws {
        let run = try Self.adops("validate", "docs/examples/invalid-headlines.json", "--platform", "google", "--json")
        #expect(run.status == 1)
        let violations = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        let platforms = Set(violations?.compactMap { $0["platform"] as? String } ?? [])
        #expect(platforms == ["google"])
    }

    @Test("bad input gets a clear message naming the field, exit 2")
    func badInput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adops-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("docs/examples/hulu-promo.json"), encoding: .utf8)
        let cases: [(String, String, String)] = [
            ("malformed", "{\"name\": ", "not valid JSON"),
            (
                "objective", sample.replacingOccurrences(of: "\"traffic\"", with: "\"clicks\""),
                "objective: unknown objective 'clicks'"
            ),
            (
                "cta", sample.replacingOccurrences(of: "\"learnMore\"", with: "\"tapHere\""),
                "creatives[0].callToAction: unknown call to action 'tapHere'"
            ),
            (
                "currency", sample.replacingOccurrences(of: "\"USD\"", with: "\"DOLLARS\""),
                "budget.currency: unknown currency 'DOLLARS'"
            ),
            (
                "amount", sample.replacingOccurrences(of: "\"120.00\"", with: "\"12.345\""),
                "budget.amount: '12.345' has 3 decimal places"
            ),
            (
                "headlines", sample.replacingOccurrences(of: "\"headlines\"", with: "\"headline\""),
                "creatives[0].headlines: is required but missing"
            ),
        ]
        for (name, body, expected) in cases {
            let file = directory.appendingPathComponent("\(name).json")
            try body.write(to: file, atomically: true, encoding: .utf8)
            let run = try Self.adops("validate", file.path)
            #expect(run.status == 2, "\(name): \(run.stdout)")
            #expect(run.stderr.contains(expected), "\(name): \(run.stderr)")
        }
        let unknownPlatform = try Self.adops("validate", "docs/examples/hulu-promo.json", "--platform", "myspace")
        #expect(unknownPlatform.status == 2)
        #expect(
            unknownPlatform.stderr.contains(
                "unknown platform 'myspace'; known platforms: google, meta, snapchat, tiktok"))
        let missing = try Self.adops("validate", "no-such-file.json")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.json: cannot read the file"))
    }

    @Test("zero, negative and empty values are violations with their field paths")
    func semanticBadInput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adops-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("docs/examples/hulu-promo.json"), encoding: .utf8)
        let cases: [(String, String, String)] = [
            ("zero", sample.replacingOccurrences(of: "\"120.00\"", with: "\"0\""), "budget.amount"),
            ("negative", sample.replacingOccurrences(of: "\"120.00\"", with: "\"-5.00\""), "budget.amount"),
            (
                "empty-headlines", sample.replacingOccurrences(of: "[\"Hulu for $0.99 a month\"]", with: "[]"),
                "creatives[0].headlines"
            ),
        ]
        for (name, body, path) in cases {
            let file = directory.appendingPathComponent("\(name).json")
            try body.write(to: file, atomically: true, encoding: .utf8)
            let run = try Self.adops("validate", file.path)
            #expect(run.status == 1, "\(name)")
            let line = run.stdout.split(separator: "\n").first {
                $0.hasPrefix("HARD") && $0.contains(" all ") && $0.contains(path)
            }
            #expect(line != nil, "\(name): \(run.stdout)")
        }
    }
}
