import Foundation
import Logging
import Trafficking

extension EngineContext {
    /// Runs an in-process worker until every action in `ids` has ended, says how many ended DONE (counting them as
    /// `noun`, e.g. "pause(s)"), and returns a line for each that did not.
    func runToEnd(
        _ ids: [UUID], noun: String, logLabel: String, say: @Sendable (String) -> Void
    ) async throws -> [String] {
        let store = self.store
        let worker = worker(logger: Self.logger(logLabel, level: .warning))
        try await worker.run(until: {
            for id in ids {
                guard let action = try await store.action(id), action.status.isTerminal else { return false }
            }
            return true
        })
        var failures: [String] = []
        var done = 0
        for id in ids {
            guard let action = try await store.action(id) else { continue }
            if action.status == .done {
                done += 1
            } else {
                failures.append(
                    "\(noun.replacingOccurrences(of: "(s)", with: "")) \(id.uuidString) ended "
                        + "\(action.status.rawValue): \(action.error?.description ?? "no error recorded")")
            }
        }
        say("Applied: \(done) of \(ids.count) \(noun) done.")
        return failures
    }
}
