import AdPlatformKit
import Foundation
import Trafficking

/// The demo's tickets: the sample Disney+ and Hulu requests, put into the Airtable emulator as an ad-ops team
/// would file them. Landing URLs are pointed at the emulator's port and media are inlined as `data:` URIs,
/// because an Airtable ticket cannot carry files.
struct DemoTickets {
    /// The sample files, relative to the examples folder.
    static let sampleFiles = ["disneyplus-signup.json", "hulu-promo.json"]
    /// The Airtable base and table the demo uses.
    static let baseID = "appAdOpsDemo00001"
    static let table = "Campaign Tickets"

    let examples: URL
    let port: Int
    /// Which files of the examples folder to read.
    var files = Self.sampleFiles

    /// The requests, ready for Airtable.
    func requests() throws -> [TraffickingRequest] {
        try files.map { name in
            let url = examples.appendingPathComponent(name)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw ConfigurationError(
                    variable: "--examples",
                    message: "cannot read \(url.path); run the demo from the repository root or pass --examples DIR")
            }
            var request: TraffickingRequest
            do {
                request = try TraffickingRequestDecoder().decode(data)
            } catch {
                throw ConfigurationError(variable: url.path, message: "\(error)")
            }
            for index in request.creatives.indices {
                request.creatives[index].landingURL = request.creatives[index].landingURL
                    .replacingOccurrences(of: ".localhost:4010/", with: ".localhost:\(port)/")
                for mediaIndex in request.creatives[index].media.indices {
                    let source = request.creatives[index].media[mediaIndex].source
                    let file = examples.appendingPathComponent(source)
                    guard let bytes = try? Data(contentsOf: file) else {
                        throw ConfigurationError(variable: url.path, message: "cannot read media \(file.path)")
                    }
                    request.creatives[index].media[mediaIndex].source =
                        "data:\(StoredMedia.contentType(forFileName: source));base64,\(bytes.base64EncodedString())"
                }
            }
            return request
        }
    }

    /// Creates the ticket table in the Airtable emulator and files one Ready ticket per request for every platform.
    func file(
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
