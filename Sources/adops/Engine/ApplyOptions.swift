import ArgumentParser
import Optimization

/// `--dry-run`, `--apply` and `--no-wait`, shared by the commands that decide and may carry their decisions out as
/// lifecycle actions (`adops optimize`, `adops creatives test`).
struct ApplyOptions: ParsableArguments {
    @Flag(help: "Only decide and record the decisions (the default).")
    var dryRun = false

    @Flag(help: "Carry the decisions out as lifecycle actions.")
    var apply = false

    @Flag(help: "With --apply, store the actions and return without running them.")
    var noWait = false

    /// Refuses `--dry-run` with `--apply`, and `--no-wait` without `--apply`.
    func check() throws {
        if dryRun, apply { throw CommandFailure.usage("--dry-run and --apply cannot be combined") }
        if noWait, !apply { throw CommandFailure.usage("--no-wait only goes with --apply") }
    }

    /// The mode the flags ask for.
    var mode: OptimizationMode { apply ? .apply : .dryRun }
}
