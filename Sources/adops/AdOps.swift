import ArgumentParser

/// The `adops` command: a thin tree over the AdOps Lab libraries.
@main
struct AdOps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adops",
        abstract: "Traffic one generic campaign description to Meta, TikTok, Snapchat and Google Ads.",
        discussion: """
            Start with `adops platforms` to see what each platform takes, then check a request with
            `adops validate docs/examples/disneyplus-signup.json`.
            """,
        subcommands: [
            DemoCommand.self, PlatformsCommand.self, ValidateCommand.self, MockCommand.self, TrafficCommand.self,
            BenchmarkCommand.self,
            AccountsCommand.self, JobsCommand.self, CampaignsCommand.self, SyncCommand.self, MetricsCommand.self,
            OptimizeCommand.self, RulesCommand.self,
            ServeCommand.self, WorkerCommand.self, CreativesCommand.self,
        ]
    )
}
