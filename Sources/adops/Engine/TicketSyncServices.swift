import AdPlatformKit
import Foundation
import Logging
import ServiceLifecycle
import Trafficking

/// The ticket intake services `adops serve` and `adops worker` run: one for a ticket folder (`--tickets` or
/// `ADOPS_TICKETS_DIR`), one for an Airtable table (`ADOPS_AIRTABLE_*`), each when configured.
enum TicketSyncServices {
    /// The services the options and settings ask for; a usage error when the folder is not a folder.
    static func make(context: EngineContext, folder option: String?, logger: Logger) throws -> [any Service] {
        var services: [any Service] = []
        let known = Set(context.registry.ids)
        if let folder = option ?? context.settings.ticketsDirectory {
            let field = option == nil ? "ADOPS_TICKETS_DIR" : "--tickets"
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw CommandFailure.usage("\(field): '\(folder)' is not a folder of ticket files")
            }
            let source = FolderTicketSource(
                directory: URL(fileURLWithPath: folder), knownPlatforms: known, clock: context.store.clock)
            services.append(
                TicketSyncService(intake: TicketIntake(engine: context.engine, source: source), logger: logger))
            logger.info("reading tickets from a folder", metadata: ["folder": "\(folder)"])
        }
        if let airtable = context.settings.airtable {
            let configuration = AirtableClient.Configuration(
                baseURL: airtable.baseURL, token: airtable.token, baseID: airtable.baseID, table: airtable.table)
            let source = AirtableTicketSource(
                client: AirtableClient(configuration: configuration, transport: context.transport),
                knownPlatforms: known, clock: context.store.clock)
            services.append(
                TicketSyncService(intake: TicketIntake(engine: context.engine, source: source), logger: logger))
            logger.info("reading tickets from Airtable", metadata: ["table": "\(configuration)"])
        }
        return services
    }
}
