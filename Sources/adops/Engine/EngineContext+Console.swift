import AdOpsConsole
import Foundation
import Hummingbird
import Logging

extension EngineContext {
    /// The web console's routes, to serve beside the REST API: signed in with the API's keys, its sessions signed
    /// with the installation's derived key, framing only the platforms' configured origins (their ad previews).
    func consolePages(apiKeyHashes: [String], logger: Logger) throws -> @Sendable (Router<BasicRequestContext>) -> Void
    {
        let origins = Set(
            settings.baseURLs.values.compactMap { url -> String? in
                guard let scheme = url.scheme, let host = url.host else { return nil }
                return "\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")"
            })
        let configuration = ConsoleConfiguration(
            apiKeyHashes: apiKeyHashes, sessionKey: consoleSessionKey, secureCookies: settings.consoleSecureCookies,
            frameOrigins: origins.sorted(), automator: automator())
        return try AdOpsConsole.pages(engine: engine, configuration: configuration, logger: logger)
    }
}
