import AdPlatformKit
import ArgumentParser
import Foundation
import Trafficking

extension CampaignsCommand {
    /// `adops campaigns targeting ID --level adGroup --country US --age 25-44`: changes the given targeting fields
    /// and keeps the others.
    struct ChangeTargeting: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "targeting",
            abstract: "Change the countries, age range or genders of ad groups; the fields not given stay as they are.",
            discussion: """
                Targeting sits on ad groups (pass --level adGroup), except Google's countries, which sit on the \
                campaign. A field the level does not hold, a country the module cannot target or an age range \
                outside the platform's limits is refused before any platform call.

                """ + CampaignsCommand.actionDiscussion)

        @OptionGroup var options: ActionOptions

        @Option(name: .customLong("country"), help: "An ISO-3166 alpha-2 country to deliver to; repeatable.")
        var countries: [String] = []

        @Option(help: "The age range, as MIN-MAX, e.g. 25-44.")
        var age: String?

        @Option(name: .customLong("gender"), help: "male or female; repeatable.")
        var genders: [String] = []

        @Flag(help: "Target every gender.")
        var allGenders = false

        func run() async throws {
            try await ActionRun(options: options).run { _, _ in
                var change = TargetingChange()
                if !countries.isEmpty { change.countries = countries.map { $0.trimmingCharacters(in: .whitespaces) } }
                if let age { change.ageRange = try Self.ageRange(age) }
                if allGenders {
                    guard genders.isEmpty else {
                        throw CommandFailure.usage("--all-genders: do not also give --gender")
                    }
                    change.genders = []
                } else if !genders.isEmpty {
                    change.genders = try genders.map { text in
                        guard let gender = Gender(rawValue: text.lowercased()) else {
                            throw CommandFailure.usage("--gender: '\(text)' is not a gender; use male or female")
                        }
                        return gender
                    }
                }
                guard !change.isEmpty else {
                    throw CommandFailure.usage("give --country, --age, --gender or --all-genders")
                }
                return .targeting(change)
            }
        }

        /// `25-44` as an age range, or a usage error naming `--age`.
        static func ageRange(_ text: String) throws -> AgeRange {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let minimum = Int(parts[0].trimmingCharacters(in: .whitespaces)),
                let maximum = Int(parts[1].trimmingCharacters(in: .whitespaces))
            else {
                throw CommandFailure.usage("--age: '\(text)' is not an age range; use MIN-MAX, e.g. 25-44")
            }
            return AgeRange(minimum: minimum, maximum: maximum)
        }
    }
}
