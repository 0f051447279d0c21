import Foundation
import Testing

/// `adops demo` and `adops benchmark` as a newcomer meets them: from any folder, on any date, and refusing to call a
/// failed run a result.
@Suite("adops demo and benchmark")
struct DemoAndBenchmarkCommandTests {
    /// A log line at `error` or `warning` level, as swift-log's stream handler writes it.
    static func problemLogLines(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { line in
            line.range(of: #"^\S+ (error|warning) "#, options: .regularExpression) != nil
        }
    }

    /// An empty folder outside the repository, removed afterwards by the caller.
    static func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adops-outside-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("a copy of the binary alone, in an empty folder, runs the demo years ahead: exit 0, no error or warning logs")
    func demoFromAnEmptyFolderYearsAhead() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("adops")
        try FileManager.default.copyItem(at: try AdOpsCommandTests.binary(), to: copy)
        let run = try EngineCommandTests.adops(
            ["demo", "--directory", folder.appendingPathComponent("state").path],
            environment: ["ADOPS_NOW": "2031-06-15T12:00:00Z"], in: folder, executable: copy)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("Done: 8 campaigns on 4 platforms"), "\(run.stdout)")
        #expect(run.stdout.contains("flights from 2031-06-16"), "\(run.stdout)")
        #expect(Self.problemLogLines(run.stderr).isEmpty, "\(run.stderr)")
        Self.expectOptimizerPass(run.stdout)
    }

    /// The demo's closing optimiser pass: seed 003's table over the 7 live campaigns given ROAS 3.5, 2.4, 1.3, 0.7,
    /// 0.3, 3.5 and 2.4 in the tickets' order, then the first increase applied and read back from Meta.
    static func expectOptimizerPass(_ output: String) {
        let lines = output.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Optimisation (dry run) over ") }) else {
            Issue.record("no dry run in the demo's output: \(output)")
            return
        }
        let rows = lines[start...].filter { $0.contains("BUDGET_") || $0.contains("CAMPAIGN_PAUSED") }
        let expected: [(platform: String, action: String, budget: String)] = [
            ("meta", "BUDGET_INCREASE", "200.00 USD → 240.00 USD"),
            ("snapchat", "BUDGET_INCREASE", "200.00 USD → 220.00 USD"),
            ("google", "BUDGET_MAINTAIN", "200.00 USD → 200.00 USD"),
            ("meta", "BUDGET_DECREASE", "180.00 USD → 144.00 USD"),
            ("tiktok", "CAMPAIGN_PAUSED", "120.00 USD → paused"),
            ("snapchat", "BUDGET_INCREASE", "120.00 USD → 144.00 USD"),
            ("google", "BUDGET_INCREASE", "120.00 USD → 132.00 USD"),
        ]
        #expect(rows.count == expected.count + 1, "7 decisions and the applied one: \(rows)")
        for (row, want) in zip(rows, expected) {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            #expect(columns.contains(want.platform) && columns.contains(want.action), "\(want): \(row)")
            #expect(row.contains(want.budget), "\(want): \(row)")
        }
        let applied = rows.last ?? ""
        #expect(
            applied.contains("BUDGET_INCREASE") && applied.contains("DONE")
                && applied.contains("200.00 USD daily → 240.00 USD daily")
                && applied.hasSuffix("daily budget 240.00 USD"),
            "\(applied)")
        #expect(output.contains("an optimiser pass on seed 003's table, one change applied."), "\(output)")
    }

    @Test("an unreadable --examples is refused before any emulator starts or any account is registered")
    func unreadableExamples() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state")
        let missing = folder.appendingPathComponent("no-such-examples").path
        let run = try EngineCommandTests.adops(
            ["demo", "--examples", missing, "--directory", state.path], environment: [:], in: folder)
        #expect(run.status != 0)
        #expect(run.stderr.contains("--examples: \(missing)/disneyplus-signup.json cannot be read"), "\(run.stderr)")
        #expect(!run.stdout.contains("Emulators"), "\(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: state.path), "the demo made its database before failing")
    }

    @Test("a malformed ADOPS_NOW is refused, naming the variable", arguments: [["demo"], ["mock", "--port", "0"]])
    func malformedNow(arguments: [String]) throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try EngineCommandTests.adops(
            arguments, environment: ["ADOPS_NOW": "next tuesday"], in: folder)
        #expect(run.status != 0)
        #expect(run.stderr.contains("ADOPS_NOW: 'next tuesday' is not an ISO-8601 instant"), "\(run.stderr)")
        #expect(!run.stdout.contains("listening"), "\(run.stdout)")
    }

    @Test("benchmark names the failed jobs and exits 1 when a fault rule makes jobs fail; no rate is claimed")
    func benchmarkRefusesFailures() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fault = #"{"platform":"meta","path":"/v*/act_*/campaigns","kind":"platformError","code":"100","count":50}"#
        let run = try EngineCommandTests.adops(
            [
                "benchmark", "--requests", "2", "--latency-tickets", "1", "--concurrency", "2", "--ticket",
                "single-hierarchy.json", "--fault", fault, "--json",
            ],
            environment: [:], in: folder)
        #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stderr.contains("2 of 8 jobs did not end SUCCESS"), "\(run.stderr)")
        #expect(run.stderr.contains(" meta FAILED: "), "\(run.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(results["completedJobs"] as? Int == 6)
        #expect(results["failedJobs"] as? Int == 2)
        #expect(results["latencyTickets"] as? Int == 0)
        #expect((results["failures"] as? [Any])?.count == 2)
    }

    @Test("benchmark refuses a --fault the control plane refuses, naming the field, before measuring")
    func benchmarkBadFault() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try EngineCommandTests.adops(
            ["benchmark", "--requests", "1", "--latency-tickets", "1", "--fault", #"{"platform":"meta","kind":"x"}"#],
            environment: [:], in: folder)
        #expect(run.status == 2, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stderr.contains("--fault: "), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("benchmark --actions reports p50, p90 and p99 from the API call to the platform call, as JSON and text")
    func actionBenchmark() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try EngineCommandTests.adops(
            ["benchmark", "--actions", "8", "--action-spacing", "20", "--ticket", "single-hierarchy.json", "--json"],
            environment: [:], in: folder)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(results["completedActions"] as? Int == 8 && results["failedActions"] as? Int == 0)
        let p50 = try #require(results["toPlatformCallP50Milliseconds"] as? Double)
        let p99 = try #require(results["toPlatformCallP99Milliseconds"] as? Double)
        #expect(p50 > 0 && p50 <= p99, "\(results)")
        #expect((results["toPlatformCallP50MillisecondsByPlatform"] as? [String: Double])?.count == 4)
        let text = try EngineCommandTests.adops(
            ["benchmark", "--actions", "4", "--action-spacing", "0", "--ticket", "single-hierarchy.json"],
            environment: [:], in: folder)
        #expect(text.status == 0 && text.stdout.contains("to the platform call: p50 "), "\(text.stdout)")
    }

    @Test("benchmark --actions names the failed actions and exits 1 instead of a figure when the platform refuses them")
    func actionBenchmarkRefusesFailures() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fault =
            #"{"platform":"tiktok","path":"/open_api/v1.3/campaign/status/update/","kind":"platformError","code":"40002"}"#
        let run = try EngineCommandTests.adops(
            [
                "benchmark", "--actions", "8", "--action-spacing", "0", "--ticket", "single-hierarchy.json", "--fault",
                fault, "--json",
            ],
            environment: [:], in: folder)
        #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stderr.contains("2 of 8 actions did not end DONE"), "\(run.stderr)")
        #expect(run.stderr.contains(" tiktok ") && run.stderr.contains("FAILED"), "\(run.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(results["failedActions"] as? Int == 2 && (results["failures"] as? [Any])?.count == 2)
    }

    @Test("benchmark --rule-latency times a metric row landing to the rule action's platform call; failures exit 1")
    func ruleLatencyBenchmark() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try EngineCommandTests.adops(
            ["benchmark", "--rule-latency", "8", "--ticket", "single-hierarchy.json", "--json"],
            environment: [:], in: folder)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(results["completedTrials"] as? Int == 8 && results["failedTrials"] as? Int == 0, "\(results)")
        let p50 = try #require(results["toPlatformCallP50Milliseconds"] as? Double)
        let p99 = try #require(results["toPlatformCallP99Milliseconds"] as? Double)
        #expect(p50 > 0 && p50 <= p99, "\(results)")

        let fault =
            #"{"platform":"tiktok","path":"/open_api/v1.3/campaign/status/update/","kind":"platformError","code":"40002"}"#
        let failing = try EngineCommandTests.adops(
            ["benchmark", "--rule-latency", "4", "--ticket", "single-hierarchy.json", "--fault", fault],
            environment: [:], in: folder)
        #expect(failing.status == 1, "\(failing.stdout)\n\(failing.stderr)")
        #expect(failing.stderr.contains("1 of 4 trials did not reach the platform"), "\(failing.stderr)")
        #expect(failing.stdout.contains("FAILED") && !failing.stdout.contains("p99"), "\(failing.stdout)")
    }
}
