import AdOpsServer
import AdPlatformKit
import ArgumentParser
import Foundation
import Logging
import Optimization
import Trafficking

extension OptimizeCommand {
    /// `adops optimize [run]`: one pass of the budget optimiser (seed 003's ROAS table) over the live campaigns,
    /// printing its decisions. A dry run by default; `--apply` carries the changes out as lifecycle actions.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the budget optimiser over live campaigns and print its decisions (the default).",
            discussion: """
                Each live campaign's return on ad spend (conversion value ÷ spend) over the 7 days ending yesterday, \
                from the synced metrics (`adops sync`), decides: ≥ 3.0 raise the daily budget 20% (at most 100), ≥ 2.0 \
                raise it 10%, ≥ 1.0 keep it, under 0.5 pause the campaign, otherwise lower it 20%. Under 50 of spend or \
                3 days of delivery it is still learning and kept. Every decision is logged (GET /api/v1/optimizations).

                A dry run (the default) only decides and logs. --apply also stores a lifecycle action per change and \
                runs them with this command's own worker, or with --no-wait leaves them to `adops worker` or \
                `adops serve`.

                Exit status: 0 when the pass ran (and, applying, every action is done or queued); 1 when an action was \
                refused or ended FAILED, or the account does not exist; 2 when the options cannot be read.
                """)

        @OptionGroup var engine: EngineOptions

        @Option(help: "Only this ad account's campaigns (our id or the platform's account id).")
        var account: String?

        @OptionGroup var applying: ApplyOptions

        @Flag(help: "Print the run as JSON.")
        var json = false

        func run() async throws {
            try await CommandFailure.reporting {
                try applying.check()
                let context = try engine.open()
                var accountID: UUID?
                if let account {
                    accountID = try await AccountResolver(store: context.store).account(account, field: "--account").id
                }
                let mode = applying.mode
                let run: OptimizationRun
                do {
                    run = try await Optimizer(engine: context.engine).run(account: accountID, mode: mode)
                } catch let error as OptimizerError {
                    throw CommandFailure.failed("--\(error.field): \(error.message)")
                }
                let say: @Sendable (String) -> Void = json ? Terminal.error : Terminal.output
                if !json { say(OptimizeCommand.render(run)) }
                var failures = run.decisions.compactMap { line in
                    line.actionError.map { "\(line.campaign.name): action refused: \($0)" }
                }
                if applying.apply, !run.actionIDs.isEmpty {
                    if applying.noWait {
                        say(
                            "Queued \(run.actionIDs.count) action(s). `adops worker` (or `adops serve`) runs them; "
                                + "follow them with GET /api/v1/actions/ID.")
                    } else {
                        failures += try await context.runToEnd(
                            run.actionIDs, noun: "action(s)", logLabel: "adops.optimize", say: say)
                    }
                }
                if json { try Terminal.json(OptimizationRunResource(run)) }
                for failure in failures { Terminal.error("error: \(failure)") }
                if !failures.isEmpty { throw ExitCode.failure }
            }
        }

    }
}
