import AdOpsSamples
import AdPlatformKit
import Foundation
import Testing

/// The engine commands (`accounts`, `jobs`, `traffic`, `serve`, `worker`) run as a person would: the built binary,
/// a throwaway database, the key in the child's environment, and no `ADOPS_*` variable leaking in from the
/// developer's shell.
@Suite("adops engine commands")
struct EngineCommandTests {
    /// A temporary folder (the child's working directory) holding the database, with a fresh key.
    final class Sandbox {
        let directory: URL
        let key: String

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("adops-engine-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            key = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        }

        deinit { try? FileManager.default.removeItem(at: directory) }

        /// The database path passed as `--db`.
        var database: String { directory.appendingPathComponent("adops.sqlite").path }

        /// Runs `adops` with `--db` appended (unless `database` is false), `ADOPS_SECRET_KEY` set (unless `key` is
        /// false) and `environment` added.
        func run(
            _ arguments: [String], environment: [String: String] = [:], key withKey: Bool = true,
            database withDatabase: Bool = true, in workingDirectory: URL? = nil, input: Data? = nil
        ) throws -> AdOpsCommandTests.Run {
            var variables = environment
            if withKey { variables["ADOPS_SECRET_KEY"] = key }
            return try EngineCommandTests.adops(
                arguments + (withDatabase ? ["--db", database] : []), environment: variables,
                in: workingDirectory ?? directory, input: input)
        }

        /// Runs a command that prints JSON and decodes its standard output.
        func json(_ arguments: [String], environment: [String: String] = [:]) throws -> Any {
            let run = try run(arguments + ["--json"], environment: environment)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        }

        /// The sample Disney+ ticket written into the sandbox, with its media inline and its flight starting
        /// tomorrow by the system clock the child processes read, so that every emulator takes it on any date.
        func sampleTicket() throws -> String {
            let request = try SampleLibrary.builtIn.request(
                "disneyplus-signup.json", flightStart: Schedule.tomorrow(after: WallClock.system.now))
            let file = directory.appendingPathComponent("disneyplus-signup.json")
            try JSONEncoder().encode(request).write(to: file)
            return file.path
        }

        /// Registers the four sample accounts the emulators accept, with the settings each module needs.
        func addSampleAccounts(environment: [String: String] = [:]) throws {
            for arguments in EngineCommandTests.sampleAccounts {
                let run = try run(["accounts", "add"] + arguments, environment: environment)
                #expect(run.status == 0, "\(arguments): \(run.stderr)")
            }
        }
    }

    /// One account per platform, as docs/configuration.md registers them.
    static let sampleAccounts: [[String]] = [
        [
            "--platform", "meta", "--account-id", "act_1001", "--name", "Disney+ US — Meta", "--currency", "USD",
            "--setting", "page_id=1000000001", "--setting", "pixel_id=2000000001", "--access-token", "mock-meta-token",
        ],
        [
            "--platform", "tiktok", "--account-id", "7000000000000000001", "--name", "Disney+ US — TikTok",
            "--currency", "USD", "--access-token", "mock-tiktok-token",
        ],
        [
            "--platform", "snapchat", "--account-id", "8a1c0f4e-2b7d-4c3a-9e5f-1d2c3b4a5e6f", "--name",
            "Disney+ US — Snapchat", "--currency", "USD", "--setting",
            "profile_id=5f2e1d0c-3b4a-4c5d-8e9f-0a1b2c3d4e5f",
            "--access-token", "mock-snapchat-token",
        ],
        [
            "--platform", "google", "--account-id", "1234567890", "--name", "Disney+ US — Google", "--currency", "USD",
            "--setting", "login_customer_id=1112223334", "--access-token", "mock-google-token", "--developer-token",
            "mock-developer-token",
        ],
    ]

    /// The sample ticket, by absolute path so the child's working directory does not matter.
    static let sampleTicket = AdOpsCommandTests.packageRoot.appendingPathComponent(
        "docs/examples/disneyplus-signup.json"
    ).path

    /// The environment without any `ADOPS_*` variable, plus `extra`. `ADOPS_NOW` is left out too: each process
    /// starts its clock there, so commands run one after another would each begin at the same instant; a test that
    /// wants it passes it itself.
    static func environment(_ extra: [String: String]) -> [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ADOPS_") }.merging(extra) { $1 }
    }

    /// Runs the binary to its end, reading both pipes at once so neither fills up and blocks the child.
    /// `executable` runs another copy of the binary (the built one by default); `input`, when given, is the child's
    /// standard input.
    static func adops(
        _ arguments: [String], environment: [String: String], in directory: URL, executable: URL? = nil,
        input: Data? = nil
    ) throws
        -> AdOpsCommandTests.Run
    {
        let process = Process()
        process.executableURL = try executable ?? AdOpsCommandTests.binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = Self.environment(environment)
        let out = Pipe()
        let err = Pipe()
        let stdin = input.map { _ in Pipe() }
        process.standardOutput = out
        process.standardError = err
        if let stdin { process.standardInput = stdin }
        try process.run()
        if let stdin, let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        let stderr = OutputBuffer()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { stderr.set(err.fileHandleForReading.readDataToEndOfFile()) }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        reading.wait()
        process.waitUntilExit()
        return AdOpsCommandTests.Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr.data, as: UTF8.self))
    }

    /// Bytes one thread reads from a pipe while another reads the other pipe.
    final class OutputBuffer: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()

        /// The bytes read.
        var data: Data { lock.withLock { bytes } }

        /// Stores what was read.
        func set(_ data: Data) { lock.withLock { bytes = data } }
    }

    // MARK: - The key

    @Test(
        "every engine command refuses to start without a key and says what to set, exit 2",
        arguments: [
            ["accounts", "list"], ["jobs", "list"], ["traffic", sampleTicket, "--no-wait"], ["worker"], ["serve"],
        ])
    func missingKey(arguments: [String]) throws {
        let sandbox = try Sandbox()
        // serve checks its API keys first; give it one so the key is what it misses.
        let run = try sandbox.run(arguments, environment: ["ADOPS_API_KEYS": "k"], key: false)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("ADOPS_SECRET_KEY="), "\(run.stderr)")
        #expect(run.stderr.contains("ADOPS_SECRET_KEY_FILE"))
        #expect(run.stdout.isEmpty)
    }

    @Test("--key-file is read and wins over ADOPS_SECRET_KEY; a malformed key names its source")
    func keyFile() throws {
        let sandbox = try Sandbox()
        let file = sandbox.directory.appendingPathComponent("adops.key")
        try sandbox.key.write(to: file, atomically: true, encoding: .utf8)
        let ok = try sandbox.run(["accounts", "list", "--key-file", file.path], key: false)
        #expect(ok.status == 0, "\(ok.stderr)")
        // An explicit --key-file wins over ADOPS_SECRET_KEY.
        let explicit = try sandbox.run(
            ["accounts", "list", "--key-file", file.path], environment: ["ADOPS_SECRET_KEY": "short"], key: false)
        #expect(explicit.status == 0, "\(explicit.stderr)")
        let bad = try sandbox.run(["accounts", "list"], environment: ["ADOPS_SECRET_KEY": "short"], key: false)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("ADOPS_SECRET_KEY"))
    }

    // MARK: - Accounts

    @Test("accounts show and list print the token's expiry; an update with new credentials re-authorises")
    func accountsTokenExpiry() throws {
        let sandbox = try Sandbox()
        let now = ["ADOPS_NOW": "2031-06-15T12:00:00Z"]
        let added = try #require(
            try sandbox.json(
                [
                    "accounts", "add", "--platform", "snapchat", "--account-id", "snap-1", "--name", "Snap US",
                    "--currency", "USD", "--access-token", "a", "--refresh-token", "r", "--token-expires-in", "1800",
                ], environment: now) as? [String: Any])
        let id = try #require(added["id"] as? String)
        #expect(added["token_expires_at"] as? String == "2031-06-15T12:30:00Z")
        #expect(added["token_expiry"] as? String == "expires")
        let shown = try sandbox.run(["accounts", "show", id], environment: now)
        #expect(shown.stdout.contains("token        expires 2031-06-15T12:30:00Z"), "\(shown.stdout)")
        let later = try sandbox.run(["accounts", "list"], environment: ["ADOPS_NOW": "2031-06-15T13:00:00Z"])
        #expect(later.stdout.contains("token expires") && later.stdout.contains("(expired)"), "\(later.stdout)")

        let broken = try sandbox.run(["accounts", "update", id, "--status", "REQUIRES_REAUTH"], environment: now)
        #expect(broken.stdout.contains("adops accounts update"), "\(broken.stdout)")
        let renewed = try #require(
            try sandbox.json(
                ["accounts", "update", id, "--access-token", "b", "--token-expires-at", "2031-06-15T14:00:00Z"],
                environment: now) as? [String: Any])
        #expect(renewed["status"] as? String == "ACTIVE")
        #expect(renewed["token_expires_at"] as? String == "2031-06-15T14:00:00Z")
        let unknown = try #require(
            try sandbox.json(["accounts", "update", id, "--access-token", "c"], environment: now) as? [String: Any])
        #expect(unknown["token_expiry"] as? String == "unknown")
        #expect(unknown["token_expires_at"] is NSNull)
        let never = try sandbox.run(
            [
                "accounts", "add", "--platform", "tiktok", "--account-id", "7000000000000000001", "--name", "TikTok",
                "--currency", "USD", "--access-token", "long-term",
            ], environment: now)
        #expect(never.stdout.contains("token        expires never"), "\(never.stdout)")
        let both = try sandbox.run(
            ["accounts", "update", id, "--token-expires-in", "60", "--token-expires-at", "2031-06-15T14:00:00Z"])
        #expect(both.status == 2 && both.stderr.contains("--token-expires-at"))
    }

    @Test("accounts add, list, show, update and delete round-trip as JSON; the token is never printed or stored plain")
    func accountsRoundTrip() throws {
        let sandbox = try Sandbox()
        let token = "tok-\(UUID().uuidString)-SECRET"
        let added = try #require(
            try sandbox.json([
                "accounts", "add", "--platform", "meta", "--account-id", "act_1001", "--name", "Disney+ US — Meta",
                "--currency", "usd", "--owner-team", "growth", "--setting", "page_id=1000000001", "--access-token",
                token, "--client-secret", token + "-app",
            ]) as? [String: Any])
        let id = try #require(added["id"] as? String)
        #expect(added["platform"] as? String == "meta")
        #expect(added["platform_account_id"] as? String == "act_1001")
        #expect(added["name"] as? String == "Disney+ US — Meta")
        #expect(added["currency"] as? String == "USD")
        #expect(added["status"] as? String == "ACTIVE")
        #expect(added["owner_team"] as? String == "growth")
        #expect(added["settings"] as? [String: String] == ["page_id": "1000000001"])
        #expect(added["credential_fields"] as? [String] == ["access_token", "client_secret"])

        // The token comes from the environment when no option gives it.
        let tiktok = try sandbox.run(
            [
                "accounts", "add", "--platform", "tiktok", "--account-id", "7000000000000000001", "--name", "TikTok US",
                "--currency", "USD",
            ],
            environment: ["ADOPS_TIKTOK_ACCESS_TOKEN": token + "-tiktok"])
        #expect(tiktok.status == 0, "\(tiktok.stderr)")
        #expect(tiktok.stdout.contains("credentials  access-token (stored encrypted)"))

        let listed = try #require(try sandbox.json(["accounts", "list"]) as? [[String: Any]])
        #expect(listed.compactMap { $0["platform_account_id"] as? String } == ["act_1001", "7000000000000000001"])
        let metaOnly = try #require(try sandbox.json(["accounts", "list", "--platform", "meta"]) as? [[String: Any]])
        #expect(metaOnly.compactMap { $0["id"] as? String } == [id])
        let table = try sandbox.run(["accounts", "list"])
        #expect(table.stdout.contains("id") && table.stdout.contains("account id") && table.stdout.contains("currency"))
        #expect(table.stdout.contains(id) && table.stdout.contains("act_1001") && table.stdout.contains("ACTIVE"))

        for reference in [id, "act_1001"] {
            let shown = try #require(try sandbox.json(["accounts", "show", reference]) as? [String: Any])
            #expect(shown["id"] as? String == id)
            #expect(shown["credential_fields"] as? [String] == ["access_token", "client_secret"])
        }

        let updated = try #require(
            try sandbox.json([
                "accounts", "update", "act_1001", "--name", "Meta US (renamed)", "--status", "inactive", "--setting",
                "pixel_id=2000000001", "--setting", "page_id=", "--access-token", token + "-rotated",
            ]) as? [String: Any])
        #expect(updated["name"] as? String == "Meta US (renamed)")
        #expect(updated["status"] as? String == "INACTIVE")
        #expect(updated["settings"] as? [String: String] == ["pixel_id": "2000000001"])
        #expect(updated["credential_fields"] as? [String] == ["access_token", "client_secret"])

        let badStatus = try sandbox.run(["accounts", "update", id, "--status", "PAUSED"])
        #expect(badStatus.status == 2)
        #expect(badStatus.stderr.contains("--status: 'PAUSED' is not an account status; use one of ACTIVE, INACTIVE"))
        let nothing = try sandbox.run(["accounts", "update", id])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("nothing to change"))

        let deleted = try sandbox.run(["accounts", "delete", id])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        let afterDelete = try #require(
            try sandbox.json(["accounts", "list", "--platform", "meta"]) as? [[String: Any]])
        #expect(afterDelete.isEmpty)
        let gone = try sandbox.run(["accounts", "show", id])
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("no ad account '\(id)'"))

        // Every output so far, and the database files themselves, are free of the secrets.
        let outputs = [tiktok, table, badStatus, nothing, deleted, gone].map { $0.stdout + $0.stderr }.joined()
        #expect(!outputs.contains(token))
        for suffix in ["", "-wal", "-shm"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: sandbox.database + suffix))) ?? Data()
            #expect(bytes.range(of: Data(token.utf8)) == nil, "the token is in adops.sqlite\(suffix)")
        }
    }

    @Test("accounts add refuses an unknown platform, listing the known ones, and a missing token, naming both ways")
    func accountsAddRefusals() throws {
        let sandbox = try Sandbox()
        let unknown = try sandbox.run([
            "accounts", "add", "--platform", "myspace", "--account-id", "1", "--name", "n", "--currency", "USD",
            "--access-token", "t",
        ])
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr.contains(
                "--platform: unknown platform 'myspace'; known platforms: google, meta, snapchat, tiktok"),
            "\(unknown.stderr)")

        let noToken = try sandbox.run([
            "accounts", "add", "--platform", "google", "--account-id", "1234567890", "--name", "n", "--currency", "USD",
        ])
        #expect(noToken.status == 2)
        #expect(noToken.stderr.contains("--access-token"))
        #expect(noToken.stderr.contains("ADOPS_GOOGLE_ACCESS_TOKEN"))

        let currency = try sandbox.run([
            "accounts", "add", "--platform", "meta", "--account-id", "act_1", "--name", "n", "--currency", "DOLLARS",
            "--access-token", "t",
        ])
        #expect(currency.status == 2)
        #expect(currency.stderr.contains("--currency: unknown currency 'DOLLARS'"))

        let setting = try sandbox.run([
            "accounts", "add", "--platform", "meta", "--account-id", "act_1", "--name", "n", "--currency", "USD",
            "--access-token", "t", "--setting", "page_id",
        ])
        #expect(setting.status == 2)
        #expect(setting.stderr.contains("--setting 'page_id': expected key=value"))

        let listed = try #require(try sandbox.json(["accounts", "list"]) as? [Any])
        #expect(listed.isEmpty)
    }

    // MARK: - Jobs and traffic

    @Test("traffic --no-wait enqueues one job per account and prints their ids; jobs list --json sees them")
    func trafficNoWait() throws {
        let sandbox = try Sandbox()
        let empty = try #require(try sandbox.json(["jobs", "list"]) as? [Any])
        #expect(empty.isEmpty)
        let emptyText = try sandbox.run(["jobs", "list"])
        #expect(emptyText.stdout.contains("No jobs"))
        try sandbox.addSampleAccounts()

        let run = try sandbox.run(["traffic", Self.sampleTicket, "--no-wait"])
        #expect(run.status == 0, "\(run.stderr)")
        let jobs = try #require(try sandbox.json(["jobs", "list"]) as? [[String: Any]])
        #expect(jobs.count == 4)
        #expect(Set(jobs.compactMap { $0["platform"] as? String }) == ["meta", "tiktok", "snapchat", "google"])
        #expect(jobs.allSatisfy { $0["status"] as? String == "PENDING" })
        #expect(Set(jobs.compactMap { $0["batch_id"] as? String }).count == 1)
        for id in jobs.compactMap({ $0["id"] as? String }) { #expect(run.stdout.contains(id), "\(run.stdout)") }

        let narrowed = try #require(
            try sandbox.json(["traffic", Self.sampleTicket, "--no-wait", "--platform", "google,meta"])
                as? [[String: Any]])
        #expect(narrowed.compactMap { $0["platform"] as? String } == ["meta", "google"])
        let byAccount = try #require(
            try sandbox.json(["traffic", Self.sampleTicket, "--no-wait", "--account", "7000000000000000001"])
                as? [[String: Any]])
        #expect(byAccount.compactMap { $0["platform"] as? String } == ["tiktok"])
        let pending = try #require(try sandbox.json(["jobs", "list", "--status", "pending", "--limit", "3"]) as? [Any])
        #expect(pending.count == 3)

        let id = try #require(jobs.first?["id"] as? String)
        let detail = try #require(try sandbox.json(["jobs", "show", id]) as? [String: Any])
        #expect(detail["id"] as? String == id)
        #expect(detail["status"] as? String == "PENDING")
        #expect(detail["steps"] as? [Any] != nil)
        let shown = try sandbox.run(["jobs", "show", id])
        #expect(shown.stdout.contains("status     PENDING"))
        let retry = try sandbox.run(["jobs", "retry", id])
        #expect(retry.status == 1)
        #expect(retry.stderr.contains("ID: "))
        let unknown = try sandbox.run(["jobs", "show", UUID().uuidString])
        #expect(unknown.status == 1)
        let malformed = try sandbox.run(["jobs", "show", "nope"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("ID: 'nope' is not a job id"))
        let badStatus = try sandbox.run(["jobs", "list", "--status", "DONE"])
        #expect(badStatus.status == 2)
        #expect(badStatus.stderr.contains("--status: 'DONE' is not a job status"))
    }

    @Test("traffic refuses what it cannot submit: no accounts, an unknown platform, an inactive account, exit 1 or 2")
    func trafficRefusals() throws {
        let sandbox = try Sandbox()
        let noAccounts = try sandbox.run(["traffic", Self.sampleTicket, "--no-wait"])
        #expect(noAccounts.status == 1)
        #expect(noAccounts.stderr.contains("no ACTIVE ad account is registered"))
        let unknown = try sandbox.run(["traffic", Self.sampleTicket, "--no-wait", "--platform", "myspace"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--platform: unknown platform 'myspace'"))
        try sandbox.addSampleAccounts()
        #expect(try sandbox.run(["accounts", "update", "act_1001", "--status", "SUSPENDED"]).status == 0)
        let inactive = try sandbox.run(["traffic", Self.sampleTicket, "--no-wait", "--account", "act_1001"])
        #expect(inactive.status == 1)
        #expect(inactive.stderr.contains("refused"))
        #expect(inactive.stderr.contains("refused: accounts[0] (meta): "), "\(inactive.stderr)")
        #expect(inactive.stderr.contains("is SUSPENDED"))
        let invalid = AdOpsCommandTests.packageRoot.appendingPathComponent("docs/examples/invalid-headlines.json").path
        let violations = try sandbox.run(["traffic", invalid, "--no-wait"])
        #expect(violations.status == 1)
        #expect(violations.stderr.contains("refused: the request breaks 2 platform rule(s)"), "\(violations.stderr)")
        #expect(violations.stderr.contains("snapchat  creatives[0].headlines[0]"))
        #expect(violations.stderr.contains("google  creatives[1].headlines[0]"))
        let noMeta = try sandbox.run(["traffic", Self.sampleTicket, "--no-wait", "--platform", "meta"])
        #expect(noMeta.status == 1)
        #expect(noMeta.stderr.contains("--platform: no ACTIVE meta ad account"))
        let jobs = try #require(try sandbox.json(["jobs", "list"]) as? [Any])
        #expect(jobs.isEmpty)
    }

    @Test("a bad ticket names the file and the field, exit 2", arguments: ["json", "yaml"])
    func badTicket(format: String) throws {
        let sandbox = try Sandbox()
        try sandbox.addSampleAccounts()
        let sample = try String(contentsOfFile: Self.sampleTicket, encoding: .utf8)
        let file = sandbox.directory.appendingPathComponent("bad.\(format)")
        let broken = sample.replacingOccurrences(of: "\"conversions\"", with: "\"clicks\"")
        if format == "json" {
            try broken.write(to: file, atomically: true, encoding: .utf8)
        } else {
            // A wrapper in YAML; the request inside is JSON, which is YAML flow syntax, indented under its key.
            let indented = broken.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            try "ticket:\n  title: Winter\n  platforms: [meta]\nrequest:\n\(indented)\n".write(
                to: file, atomically: true, encoding: .utf8)
        }
        let run = try sandbox.run(["traffic", file.path])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains(file.path), "\(run.stderr)")
        let field = format == "json" ? "objective" : "request.objective"
        #expect(run.stderr.contains("\(field): unknown objective 'clicks'"), "\(run.stderr)")
        let missing = try sandbox.run(["traffic", sandbox.directory.appendingPathComponent("none.json").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.json: cannot read the file"))
    }

    // MARK: - Configuration

    @Test(".env in the working directory is read, and the process environment wins over it")
    func environmentFile() throws {
        let sandbox = try Sandbox()
        let fromFile = sandbox.directory.appendingPathComponent("from-file.sqlite").path
        let fromProcess = sandbox.directory.appendingPathComponent("from-process.sqlite").path
        try "# the engine's settings\nexport ADOPS_DB=\(fromFile)\nADOPS_SECRET_KEY=\"\(sandbox.key)\"\n".write(
            to: sandbox.directory.appendingPathComponent(".env"), atomically: true, encoding: .utf8)
        let add = try sandbox.run(["accounts", "add"] + Self.sampleAccounts[1], key: false, database: false)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(FileManager.default.fileExists(atPath: fromFile))

        let overridden = try sandbox.run(
            ["accounts", "list", "--json"], environment: ["ADOPS_DB": fromProcess], key: false, database: false)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(FileManager.default.fileExists(atPath: fromProcess))
        #expect((try JSONSerialization.jsonObject(with: Data(overridden.stdout.utf8)) as? [Any])?.isEmpty == true)

        try "ADOPS_PORT=eighty\n".write(
            to: sandbox.directory.appendingPathComponent(".env"), atomically: true, encoding: .utf8)
        let malformed = try sandbox.run(["accounts", "list"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("ADOPS_PORT: 'eighty' is not a whole number"))
    }

    @Test("serve refuses to start without an API key and says how to set one")
    func serveWithoutAPIKeys() throws {
        let sandbox = try Sandbox()
        let run = try sandbox.run(["serve", "--port", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("ADOPS_API_KEYS"), "\(run.stderr)")
        #expect(run.stderr.contains("ADOPS_API_KEY_HASHES"))
        #expect(run.stdout.isEmpty)
    }

    // MARK: - Against the emulators

    /// A long-running `adops` child (`mock`, `serve`, `worker`): its first stdout line is its readiness line, its
    /// standard error goes to a file for failure messages, and SIGTERM stops it.
    final class Background {
        let process = Process()
        let output = Pipe()
        let errorFile: URL

        init(_ arguments: [String], environment: [String: String], in directory: URL) throws {
            errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
                "adops-stderr-\(arguments[0])-\(UUID()).log")
            _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
            process.executableURL = try AdOpsCommandTests.binary()
            process.arguments = arguments
            process.environment = EngineCommandTests.environment(environment)
            process.currentDirectoryURL = directory
            process.standardOutput = output
            process.standardError = try FileHandle(forWritingTo: errorFile)
            try process.run()
        }

        deinit {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }

        /// The first line of standard output, read byte by byte so nothing after it is consumed.
        func firstLine() -> String {
            var bytes: [UInt8] = []
            while let byte = output.fileHandleForReading.readData(ofLength: 1).first, byte != UInt8(ascii: "\n") {
                bytes.append(byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// What it wrote on standard error so far.
        var errors: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

        /// Sends SIGTERM and returns the exit status.
        func stop() -> Int32 {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// Starts `adops mock --port 0` and returns it with its base URL.
    static func startMock(in sandbox: Sandbox) throws -> (Background, String) {
        let mock = try Background(["mock", "--port", "0"], environment: [:], in: AdOpsCommandTests.packageRoot)
        let line = mock.firstLine()
        #expect(line.hasPrefix("adops-mock listening on http://"), "\(line) \(mock.errors)")
        return (mock, String(line.dropFirst("adops-mock listening on ".count)))
    }

    /// Polls `jobs list --json` until every job is terminal or a minute passes; returns the last list.
    static func waitForJobs(_ sandbox: Sandbox, count: Int) async throws -> [[String: Any]] {
        let deadline = Date().addingTimeInterval(60)
        while true {
            let jobs = try sandbox.json(["jobs", "list"]) as? [[String: Any]] ?? []
            let terminal = jobs.filter { ["SUCCESS", "FAILED", "PARTIAL_SUCCESS"].contains($0["status"] as? String) }
            if (jobs.count == count && terminal.count == count) || Date() > deadline { return jobs }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    @Test("traffic runs the sample ticket on all four emulators: progress lines, a table, SUCCESS, exit 0")
    func trafficAgainstEmulators() async throws {
        let sandbox = try Sandbox()
        let (mock, base) = try Self.startMock(in: sandbox)
        defer { _ = mock.stop() }
        let environment = ["ADOPS_PLATFORMS_BASE_URL": base]
        try sandbox.addSampleAccounts(environment: environment)
        let run = try sandbox.run(["traffic", try sandbox.sampleTicket()], environment: environment)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        // PROCESSING is printed only when a poll catches it, which a fast job can finish between.
        for platform in ["meta", "tiktok", "snapchat", "google"] {
            #expect(
                lines.contains { $0.hasPrefix(platform) && $0.contains("SUCCESS  campaign ") },
                "\(platform): \(run.stdout)")
        }
        let header = try #require(lines.firstIndex { $0.hasPrefix("platform") && $0.contains("ad groups") })
        let rows = lines[(header + 2)...].filter { !$0.isEmpty }
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.hasSuffix("SUCCESS") }, "\(rows)")

        let jobs = try #require(try sandbox.json(["jobs", "list"]) as? [[String: Any]])
        #expect(jobs.count == 4)
        #expect(jobs.allSatisfy { $0["status"] as? String == "SUCCESS" && $0["platform_campaign_id"] is String })
        let id = try #require(jobs.first?["id"] as? String)
        let detail = try #require(try sandbox.json(["jobs", "show", id]) as? [String: Any])
        let ids = try #require(detail["external_ids"] as? [String: [String]])
        #expect(ids["campaign"]?.count == 1)
        #expect(ids["adGroup"]?.count == 2)
        #expect(ids["ad"]?.count == 2)
        #expect((detail["log"] as? [Any])?.isEmpty == false)
        let shown = try sandbox.run(["jobs", "show", id])
        #expect(shown.stdout.contains("status     SUCCESS"))
        #expect(shown.stdout.contains("campaign   \(ids["campaign"]?.first ?? "?")"))

        // Each job is a campaign of ours, listed and shown with its platform ids.
        let campaigns = try #require(try sandbox.json(["campaigns", "list"]) as? [[String: Any]])
        #expect(campaigns.count == 4)
        #expect(campaigns.allSatisfy { $0["status"] as? String == "paused" })
        let meta = try #require(campaigns.first { $0["platform"] as? String == "meta" })
        let campaignID = try #require(meta["id"] as? String)
        let campaignDetail = try #require(try sandbox.json(["campaigns", "show", campaignID]) as? [String: Any])
        let levels = (campaignDetail["entities"] as? [[String: Any]] ?? []).compactMap { $0["level"] as? String }
        #expect(levels.filter { $0 == "adGroup" }.count == 2 && levels.contains("media"), "\(levels)")
        let table = try sandbox.run(["campaigns", "list", "--platform", "google"])
        #expect(table.stdout.contains("google    paused"), "\(table.stdout)")
        let badStatus = try sandbox.run(["campaigns", "list", "--status", "running"])
        #expect(badStatus.status == 2)
        #expect(badStatus.stderr.contains("--status: 'running' is not a campaign status; use one of draft, live"))
        let unknown = try sandbox.run(["campaigns", "show", UUID().uuidString])
        #expect(unknown.status == 1 && unknown.stderr.contains("no campaign"))
    }

    @Test("a job that ends PARTIAL_SUCCESS prints the platform's error and exits 1; jobs retry requeues it")
    func trafficPartialSuccess() async throws {
        let sandbox = try Sandbox()
        let (mock, base) = try Self.startMock(in: sandbox)
        defer { _ = mock.stop() }
        let environment = ["ADOPS_PLATFORMS_BASE_URL": base]
        try sandbox.addSampleAccounts(environment: environment)
        // Meta refuses every ad: the campaign and ad sets exist, the ads do not.
        let fault = try await MockCommandTests.call(
            .post, base + "/_mock/faults",
            #"{"platform":"meta","path":"/v*/act_*/ads","kind":"platformError","code":"100","count":50}"#)
        #expect(fault.status == 201 || fault.status == 200)
        let run = try sandbox.run(
            ["traffic", try sandbox.sampleTicket(), "--platform", "meta"], environment: environment)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("meta      PARTIAL_SUCCESS  campaign "), "\(run.stdout)")
        #expect(run.stderr.contains("ended PARTIAL_SUCCESS: "), "\(run.stderr)")
        #expect(run.stderr.contains("platform code 100"))

        let jobs = try #require(try sandbox.json(["jobs", "list", "--status", "PARTIAL_SUCCESS"]) as? [[String: Any]])
        let id = try #require(jobs.first?["id"] as? String)
        let retried = try sandbox.run(["jobs", "retry", id])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.contains("is PENDING again"))
        let pending = try #require(try sandbox.json(["jobs", "list", "--status", "PENDING"]) as? [[String: Any]])
        #expect(pending.compactMap { $0["id"] as? String } == [id])
    }

    @Test("serve prints its readiness line, answers with an API key, runs queued jobs, and stops on SIGTERM")
    func serveLifecycle() async throws {
        let sandbox = try Sandbox()
        let (mock, base) = try Self.startMock(in: sandbox)
        defer { _ = mock.stop() }
        let environment = ["ADOPS_PLATFORMS_BASE_URL": base, "ADOPS_API_KEYS": "test-key"]
        try sandbox.addSampleAccounts(environment: environment)
        #expect(
            try sandbox.run(["traffic", try sandbox.sampleTicket(), "--no-wait"], environment: environment).status == 0)

        let serve = try Background(
            ["serve", "--port", "0", "--db", sandbox.database],
            environment: environment.merging(["ADOPS_SECRET_KEY": sandbox.key]) { $1 }, in: sandbox.directory)
        let line = serve.firstLine()
        #expect(
            line.range(of: #"^adops serve listening on http://127\.0\.0\.1:[0-9]+$"#, options: .regularExpression)
                != nil,
            "\(line) \(serve.errors)")
        let url = String(line.dropFirst("adops serve listening on ".count))
        #expect(try await MockCommandTests.call(.get, url + "/healthz").status == 200)
        let target = try #require(URL(string: url + "/api/v1/ad_accounts"))
        let transport = AsyncHTTPClientTransport()
        let refused = try await transport.send(PlatformHTTPRequest(method: .get, url: target))
        #expect(refused.status == 401)
        let accounts = try await transport.send(
            PlatformHTTPRequest(method: .get, url: target, headers: ["Authorization": "Bearer test-key"]))
        #expect(accounts.status == 200)
        #expect(String(decoding: accounts.body, as: UTF8.self).contains("act_1001"))

        let jobs = try await Self.waitForJobs(sandbox, count: 4)
        #expect(jobs.allSatisfy { $0["status"] as? String == "SUCCESS" }, "\(jobs) \(serve.errors)")
        #expect(serve.stop() == 0, "\(serve.errors)")
    }

    @Test("worker runs queued jobs and stops on SIGTERM with status 0")
    func workerLifecycle() async throws {
        let sandbox = try Sandbox()
        let (mock, base) = try Self.startMock(in: sandbox)
        defer { _ = mock.stop() }
        let environment = ["ADOPS_PLATFORMS_BASE_URL": base]
        try sandbox.addSampleAccounts(environment: environment)
        let queued = try sandbox.run(
            ["traffic", try sandbox.sampleTicket(), "--no-wait", "--platform", "meta,snapchat"],
            environment: environment)
        #expect(queued.status == 0, "\(queued.stderr)")
        let worker = try Background(
            ["worker", "--concurrency", "2", "--db", sandbox.database],
            environment: environment.merging(["ADOPS_SECRET_KEY": sandbox.key]) { $1 }, in: sandbox.directory)
        #expect(worker.firstLine().hasPrefix("adops worker running: concurrency 2"), "\(worker.errors)")
        let jobs = try await Self.waitForJobs(sandbox, count: 2)
        #expect(jobs.allSatisfy { $0["status"] as? String == "SUCCESS" }, "\(jobs) \(worker.errors)")
        #expect(worker.stop() == 0, "\(worker.errors)")
    }
}
