import AdPlatformKit
import Foundation
import Trafficking

/// The demo's tickets in the Airtable emulator: the sample Disney+ and Hulu requests (made ready by
/// ``SampleLibrary``, with media inlined, as an Airtable ticket cannot carry files), filed as an ad-ops team would.
enum DemoTickets {
    /// The Airtable base and table the demo uses.
    static let baseID = "appAdOpsDemo00001"
    static let table = "Campaign Tickets"

    /// Creates the ticket table in the Airtable emulator and files one Ready ticket per request for every platform.
    static func file(
        _ requests: [TraffickingRequest], mockURL: URL, transport: any HTTPTransport
    ) async throws
        -> AirtableClient
    {
        let table = AirtableTicketTable()
        let encodedTable = table.schema.encodedData()
        let path =
            "/_mock/airtable/bases/\(Self.baseID)/tables/"
            + (Self.table.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? Self.table)
        guard let setupURL = URL(string: mockURL.absoluteString + path) else {
            throw ConfigurationError(variable: "Airtable", message: "cannot form the table URL")
        }
        let setup = try await transport.send(
            PlatformHTTPRequest(
                method: .put, url: setupURL, headers: ["content-type": "application/json"], body: encodedTable))
        guard setup.isSuccess else {
            throw ConfigurationError(
                variable: "Airtable emulator",
                message:
                    "creating the ticket table answered \(setup.status): \(String(decoding: setup.body, as: UTF8.self))"
            )
        }
        let client = AirtableClient(
            configuration: AirtableClient.Configuration(
                baseURL: mockURL, token: "demo-airtable-token", baseID: Self.baseID, table: Self.table),
            transport: transport)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var records: [[String: JSONValue]] = []
        for request in requests {
            let json = String(decoding: try encoder.encode(request), as: UTF8.self)
            records.append([
                table.fields.name: .string(request.name),
                table.fields.status: .string(table.statuses.ready),
                table.fields.platforms: .array(PlatformID.builtIn.map { .string($0.rawValue) }),
                table.fields.request: .string(json),
            ])
        }
        _ = try await client.createRecords(records)
        return client
    }
}
