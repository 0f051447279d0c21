import ArgumentParser

/// `adops creatives …`: creative variations from a brief.
struct CreativesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "creatives",
        abstract: "Write creative variations from a brief.",
        subcommands: [Vary.self]
    )
}
