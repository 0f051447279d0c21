import AdPlatformKit
import ArgumentParser
import Foundation
import Optimization
import Yams

extension CreativesCommand {
    /// `adops creatives vary BRIEF`: N variations of a brief (benefit, social proof or urgency, problem and
    /// solution, in turn), one creative per platform each, every one checked against that platform's limits.
    struct Vary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vary",
            abstract:
                "Write variations of a creative brief, one creative per platform, within every platform's limits.",
            discussion: """
                The brief is JSON or YAML (by its extension): key, brandName, product, benefit, landingURL, and \
                optionally socialProof, urgency, problem, solution, callToAction and media. The generator is the \
                offline template one: the same brief gives the same variations. Exits 2 when the brief cannot be \
                read, naming the field.
                """
        )

        @Argument(help: "The brief file (.json, .yaml or .yml).")
        var brief: String

        @Option(name: .long, help: "How many variations (1–30).")
        var count = 3

        @Option(name: .long, help: "Comma-separated platforms, e.g. meta,google (default: all).")
        var platform: String?

        @Flag(help: "Print the variations as JSON.")
        var json = false

        func run() async throws {
            do {
                try await write()
            } catch let failure as InputFailure {
                FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
                throw ExitCode(2)
            }
        }

        private func write() async throws {
            guard (1...30).contains(count) else { throw InputFailure("--count must be from 1 to 30, not \(count)") }
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
            let decoded = try readBrief()
            let variations: [CreativeVariation]
            do {
                variations = try await TemplateCreativeGenerator().variations(
                    of: decoded, count: count, for: BuiltInPlatforms.ordered(platforms).map(\.capabilities))
            } catch {
                throw InputFailure("\(brief): \(error)")
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(variations), as: UTF8.self))
                return
            }
            for variation in variations {
                print("v\(variation.number) \(variation.angle.rawValue)")
                for creative in variation.creatives {
                    let platforms = (creative.platforms ?? []).map(\.rawValue).joined(separator: ",")
                    print("  \(platforms): \(creative.headlines.joined(separator: " | "))")
                    if let text = creative.primaryText { print("    \(text)") }
                    for description in creative.descriptions { print("    \(description)") }
                }
            }
        }

        /// The brief, from JSON or YAML; a field that is missing or of the wrong type is named.
        private func readBrief() throws -> CreativeBrief {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: brief))
            } catch {
                throw InputFailure("\(brief): cannot read the file (\(error.localizedDescription))")
            }
            let yaml = brief.hasSuffix(".yaml") || brief.hasSuffix(".yml")
            do {
                if yaml {
                    return try YAMLDecoder().decode(CreativeBrief.self, from: String(decoding: data, as: UTF8.self))
                }
                return try JSONDecoder().decode(CreativeBrief.self, from: data)
            } catch let error as DecodingError {
                throw InputFailure("\(brief): \(Self.describe(error))")
            } catch {
                throw InputFailure("\(brief): not a readable \(yaml ? "YAML" : "JSON") brief (\(error))")
            }
        }

        /// A decoding error as the field it concerns and why.
        static func describe(_ error: DecodingError) -> String {
            func path(_ keys: [any CodingKey]) -> String {
                keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }
                    .description
            }
            switch error {
            case .keyNotFound(let key, let context):
                let field = path(context.codingPath + [key])
                return "\(field) is required"
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                let field = path(context.codingPath)
                return "\(field.isEmpty ? "the document" : field): \(context.debugDescription)"
            @unknown default:
                return String(describing: error)
            }
        }
    }
}
