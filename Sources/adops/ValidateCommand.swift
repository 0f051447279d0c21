import AdPlatformKit
import ArgumentParser
import Foundation

/// `adops validate REQUEST.json`: every violation for the chosen platforms, before any network call.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a trafficking request against each platform's limits.",
        discussion: """
            Prints every violation with its field path, limit and actual value. Exits 0 when the request is
            valid (recommendations allowed), 1 when any hard violation would make a platform reject it, and 2
            when the request cannot be read.
            """
    )

    @Argument(help: "The request file (JSON).")
    var request: String

    @Option(name: .long, help: "Comma-separated platforms to check, e.g. meta,google (default: all).")
    var platform: String?

    @Flag(help: "Print the violations as JSON.")
    var json = false

    func run() async throws {
        do {
            try check()
        } catch let failure as InputFailure {
            FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func check() throws {
        let registry = try BuiltInPlatforms.registry()
        var platforms = registry.all
        if let platform {
            do {
                platforms = try registry.platforms(named: platform)
            } catch {
                throw InputFailure("--platform: \(error.message)")
            }
        }
        guard !platforms.isEmpty else { throw InputFailure("--platform: name at least one platform") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: request))
        } catch {
            throw InputFailure("\(request): cannot read the file (\(error.localizedDescription))")
        }
        let decoded: TraffickingRequest
        do {
            decoded = try TraffickingRequestDecoder().decode(data)
        } catch {
            throw InputFailure("\(request): \(error)")
        }
        let ordered = BuiltInPlatforms.ordered(platforms)
        let violations = RequestValidator().validate(decoded, for: ordered)
        let hard = violations.filter { $0.severity == .hard }.count
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(violations), as: UTF8.self))
        } else {
            print(ViolationReport(file: request, platforms: ordered.map(\.id), violations: violations).render())
        }
        if hard > 0 { throw ExitCode(1) }
    }
}

/// A request that could not be read: printed on standard error, exit status 2.
struct InputFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
