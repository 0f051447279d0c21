import AdPlatformKit
import Foundation

/// The engine's pipeline for one unit of work, in the order a call meets it: the account's rate budget
/// (``RateBudgetMiddleware``), the platform's usage signals (``UsageSignalMiddleware``), and the redacted call log
/// (``CallLogMiddleware``). Launches, actions, syncs and token refreshes all get their platform module through it,
/// with their context passed here rather than read from a task local.
///
/// Retries are not a middleware: whether a failed call may be sent again depends on the step (a create is first
/// looked up by its marker, an absolute set may just be sent again), and many platforms' errors are known only
/// once the module has parsed the answer (TikTok's HTTP 200 with code 40100). ``PlatformCallPolicy`` retries whole
/// steps by the error's code, and its waits meet the usage holds set here.
public struct EnginePipeline: Sendable {
    /// The registry whose modules the pipeline is put in front of.
    public let registry: PlatformRegistry
    /// The rate budget, usage throttle and sleep.
    public let configuration: WorkerConfiguration
    /// The clock calls are stamped with and holds measured on.
    public let clock: WallClock

    /// The pipeline over `registry`'s modules, with `configuration`'s budgets and `clock`.
    public init(registry: PlatformRegistry, configuration: WorkerConfiguration, clock: WallClock) {
        self.registry = registry
        self.configuration = configuration
        self.clock = clock
    }

    /// The pipeline of one unit of work on `account` of `platform`, recording its calls into `calls`.
    public func pipeline(for platform: RegisteredPlatform, account: String, calls: APICallCollector) -> ClientPipeline {
        ClientPipeline(
            rateLimit: RateBudgetMiddleware(
                budget: configuration.rateBudget, platform: platform.id, account: account,
                sleep: configuration.sleep),
            [
                UsageSignalMiddleware(
                    throttle: configuration.usage, platform: platform, account: account, clock: clock,
                    sleep: configuration.sleep),
                CallLogMiddleware(calls: calls, clock: clock),
            ])
    }

    /// The module of a registered platform for one unit of work on `account`, every call of it through the
    /// pipeline, recorded into `calls`.
    public func platform(_ platform: RegisteredPlatform, account: String, calls: APICallCollector) -> any AdPlatform {
        registry.platform(platform, through: pipeline(for: platform, account: account, calls: calls))
    }
}
