import ArgumentParser

/// `adops creatives …`: creative variations from a brief, and tests of a campaign's creatives against each other.
struct CreativesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "creatives",
        abstract: "Write creative variations from a brief, or test a campaign's creatives against each other.",
        subcommands: [Vary.self, Test.self]
    )
}
