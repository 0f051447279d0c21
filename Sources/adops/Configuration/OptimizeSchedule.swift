/// `ADOPS_OPTIMIZE`: what the daily optimiser pass of `adops serve` and `adops worker` does.
enum OptimizeSchedule: String {
    /// No daily pass.
    case off
    /// Decisions logged only.
    case dryRun = "dry-run"
    /// Decisions logged and carried out for campaigns with `autoOptimize` on.
    case apply
}
