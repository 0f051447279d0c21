import AdOpsConsole
import Foundation
import Hummingbird
import Logging

extension EngineContext {
    /// The web console's routes, to serve beside the REST API: signed in with the API's keys, its sessions signed
    /// with the installation's derived key, framing only the platforms' configured origins (their ad previews).
    /// `worker` says whether this process runs a worker, whose rate budgets the accounts page then shows.
    func consolePages(
        apiKeyHashes: [String], worker: Bool, logger: Logger
    ) throws -> @Sendable (Router<BasicRequestContext>) -> Void {
        let origins = Set(
            settings.baseURLs.values.compactMap { url -> String? in
                guard let scheme = url.scheme, let host = url.host else { return nil }
                return "\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")"
            })
        let configuration = ConsoleConfiguration(
            apiKeyHashes: apiKeyHashes, sessionKey: consoleSessionKey, secureCookies: settings.consoleSecureCookies,
            frameOrigins: origins.sorted(), automator: automator(), rateBudget: worker ? rateBudget : nil)
        return try AdOpsConsole.pages(engine: engine, configuration: configuration, logger: logger)
    }
}
