import AdPlatformKit

/// The Airtable table a ticket source reads and writes: its fields and types, in the shape of Airtable's
/// table-schema API (`{"fields":[{"name","type","options"}]}`). Create a table like it in your base, or give it to the
/// emulator (`PUT /_mock/airtable/bases/{base}/tables/{table}`).
public struct AirtableTicketTable: Sendable, Hashable {
    /// The field names.
    public var fields: AirtableTicketFields
    /// The status values.
    public var statuses: AirtableTicketStatuses
    /// The platform ids the Platforms field offers.
    public var platforms: [PlatformID]

    /// Creates a description.
    public init(
        fields: AirtableTicketFields = AirtableTicketFields(),
        statuses: AirtableTicketStatuses = AirtableTicketStatuses(),
        platforms: [PlatformID] = PlatformID.builtIn
    ) {
        self.fields = fields
        self.statuses = statuses
        self.platforms = platforms
    }

    /// The schema document.
    public var schema: JSONValue {
        let statusChoices = [
            statuses.ready, statuses.accepted, statuses.success, statuses.partialSuccess, statuses.failed,
            statuses.rejected,
        ]
        func field(_ name: String, _ type: String, choices: [String]? = nil) -> JSONValue {
            var members: [String: JSONValue] = ["name": .string(name), "type": .string(type)]
            if let choices {
                members["options"] = .object(["choices": .array(choices.map { .object(["name": .string($0)]) })])
            }
            return .object(members)
        }
        return .object([
            "fields": .array([
                field(fields.name, "singleLineText"),
                field(fields.status, "singleSelect", choices: statusChoices),
                field(fields.platforms, "multipleSelects", choices: platforms.map(\.rawValue)),
                field(fields.accounts, "singleLineText"),
                field(fields.request, "multilineText"),
                field(fields.campaignIDs, "multilineText"),
                field(fields.externalIDs, "multilineText"),
                field(fields.jobIDs, "multilineText"),
                field(fields.error, "multilineText"),
                field(fields.traffickedAt, "dateTime"),
            ])
        ])
    }
}
