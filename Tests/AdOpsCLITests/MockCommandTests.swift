import AdPlatformKit
import Foundation
import Testing

/// `adops mock` as scripts use it: wait for the first line, talk to the port, stop it with a signal.
@Suite("adops mock process")
struct MockCommandTests {
    final class MockProcess {
        let process = Process()
        let output = Pipe()
        var baseURL = ""

        init(_ arguments: [String]) throws {
            process.executableURL = try AdOpsCommandTests.binary()
            process.arguments = ["mock"] + arguments
            process.currentDirectoryURL = AdOpsCommandTests.packageRoot
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        /// The first line of standard output, read byte by byte so nothing after it is consumed.
        func firstLine() -> String {
            var bytes: [UInt8] = []
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let chunk = output.fileHandleForReading.readData(ofLength: 1)
                guard let byte = chunk.first else { break }
                if byte == UInt8(ascii: "\n") { break }
                bytes.append(byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        func stop() -> Int32 {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            return process.terminationStatus
        }

        /// A test that fails before calling ``stop()`` must not leave the emulator running.
        deinit {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }
    }

    static func call(_ method: HTTPMethod, _ url: String, _ body: String? = nil) async throws -> PlatformHTTPResponse {
        let target = try #require(URL(string: url))
        return try await AsyncHTTPClientTransport().send(
            PlatformHTTPRequest(method: method, url: target, body: body.map { Data($0.utf8) }))
    }

    @Test("the first line is the listening line; SIGTERM saves the state file and the next start loads it")
    func lifecycle() async throws {
        let stateFile = FileManager.default.temporaryDirectory.appendingPathComponent("mock-state-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: stateFile) }
        let first = try MockProcess(["--port", "0", "--state-file", stateFile.path, "--seed", "9"])
        let line = first.firstLine()
        #expect(
            line.range(of: #"^adops-mock listening on http://127\.0\.0\.1:[0-9]+$"#, options: .regularExpression)
                != nil, "\(line)")
        let base = String(line.dropFirst("adops-mock listening on ".count))
        let posted = try await Self.call(
            .post, base + "/_mock/pixel/events",
            #"{"platform":"google","event":"sign_up","page":"p","params":{"gclid":"g1"}}"#)
        #expect(posted.status == 201)
        #expect(first.stop() == 0)
        #expect(FileManager.default.fileExists(atPath: stateFile.path))

        let second = try MockProcess(["--port", "0", "--state-file", stateFile.path])
        let secondBase = String(second.firstLine().dropFirst("adops-mock listening on ".count))
        let events = try await Self.call(.get, secondBase + "/_mock/pixel/events?platform=google")
        #expect(String(decoding: events.body, as: UTF8.self).contains(#""gclid":"g1""#))
        #expect(second.stop() == 0)
    }

    @Test("with --grpc-port the second line names the gRPC address and SIGTERM stops both faces")
    func grpcLine() throws {
        let portFile = FileManager.default.temporaryDirectory.appendingPathComponent("grpc-port-\(UUID())")
        defer { try? FileManager.default.removeItem(at: portFile) }
        let mock = try MockProcess(["--port", "0", "--grpc-port", "0", "--grpc-port-file", portFile.path])
        #expect(mock.firstLine().hasPrefix("adops-mock listening on http://127.0.0.1:"))
        let second = mock.firstLine()
        let pattern = #"^adops-mock grpc listening on 127\.0\.0\.1:([0-9]+) \(plaintext\)$"#
        #expect(second.range(of: pattern, options: .regularExpression) != nil, "\(second)")
        let written = try String(contentsOf: portFile, encoding: .utf8)
        #expect(second.hasSuffix(":\(written) (plaintext)"))
        // A second emulator on the same gRPC port says which address it could not serve, and why.
        let clash = try AdOpsCommandTests.adops(["mock", "--port", "0", "--grpc-port", written])
        #expect(clash.status != 0)
        #expect(clash.stderr.contains("cannot serve gRPC on 127.0.0.1:\(written)"), "\(clash.stderr)")
        #expect(clash.stderr.contains("Address already in use"), "\(clash.stderr)")
        #expect(mock.stop() == 0)
    }

    @Test(
        "bad options are refused with a message",
        arguments: [
            (["--port", "70000"], "--port must be 0–65535"),
            (["--grpc-port", "70000"], "--grpc-port must be 0–65535"),
            (["--grpc-tls-cert", "cert.pem"], "need --grpc-port"),
            (["--grpc-port", "0", "--grpc-tls-cert", "cert.pem"], "give both or neither"),
            (
                ["--grpc-port", "0", "--grpc-tls-cert", "/nonexistent.pem", "--grpc-tls-key", "/nonexistent.key"],
                "--grpc-tls-cert: cannot read /nonexistent.pem"
            ),
        ])
    func badOptions(arguments: [String], message: String) throws {
        let run = try AdOpsCommandTests.adops(["mock"] + arguments)
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
