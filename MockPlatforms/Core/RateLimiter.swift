import Foundation
import NIOConcurrencyHelpers

/// Counts requests per platform and ad account in fixed windows of real time, against the budgets set through
/// the control plane.
public final class RateLimiter: Sendable {
    private struct Window {
        var start: ContinuousClock.Instant
        var count: Int
    }

    private struct State {
        var budgets: [RateLimitBudget] = []
        var windows: [String: Window] = [:]
    }

    private let state = NIOLockedValueBox(State())
    private let clock = ContinuousClock()

    /// Creates a limiter with no budgets: nothing is limited until a budget is set.
    public init() {}

    /// Sets a budget, replacing one for the same platform and account.
    public func set(_ budget: RateLimitBudget) {
        state.withLockedValue { state in
            state.budgets.removeAll { $0.platform == budget.platform && $0.account == budget.account }
            state.budgets.append(budget)
            state.windows = state.windows.filter { !$0.key.hasPrefix("\(budget.platform)/") }
        }
    }

    /// The budgets in force.
    public var budgets: [RateLimitBudget] { state.withLockedValue { $0.budgets } }

    /// Removes every budget.
    public func removeAll() {
        state.withLockedValue { state in
            state.budgets.removeAll()
            state.windows.removeAll()
        }
    }

    /// Counts a request against its account's budget; `nil` when no budget applies.
    public func consume(platform: String, account: String) -> RateLimitUsage? {
        let now = clock.now
        return state.withLockedValue { state in
            guard
                let budget = state.budgets.first(where: { $0.platform == platform && $0.account == account })
                    ?? state.budgets.first(where: { $0.platform == platform && $0.account == nil })
            else { return nil }
            let key = "\(platform)/\(account)"
            let length = Duration.milliseconds(Int64(budget.windowSeconds * 1_000))
            var window = state.windows[key] ?? Window(start: now, count: 0)
            if now - window.start >= length { window = Window(start: now, count: 0) }
            window.count += 1
            state.windows[key] = window
            let elapsed = now - window.start
            let reset = max(
                0,
                Double((length - elapsed).components.seconds) + Double((length - elapsed).components.attoseconds) / 1e18
            )
            return RateLimitUsage(
                budget: budget, account: account, used: window.count, resetSeconds: reset,
                exceeded: window.count > budget.limit)
        }
    }
}
