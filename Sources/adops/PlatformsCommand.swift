import AdPlatformKit
import ArgumentParser
import Foundation

/// `adops platforms`: the capability matrix.
struct PlatformsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "platforms",
        abstract: "Show what each platform takes: hierarchy, text limits, media, objectives, budgets."
    )

    @Flag(help: "Print the capabilities as JSON.")
    var json = false

    func run() async throws {
        let platforms = BuiltInPlatforms.ordered(try BuiltInPlatforms.registry().all)
        let capabilities = platforms.map(\.capabilities)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(capabilities), as: UTF8.self))
            return
        }
        print(CapabilityReport(capabilities: capabilities).render())
    }
}
