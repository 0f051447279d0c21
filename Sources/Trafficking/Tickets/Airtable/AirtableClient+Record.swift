import AdPlatformKit
import Foundation

extension AirtableClient {
    /// One Airtable record as the Web API returns it: its id, when it was created, and its non-empty cells by field
    /// name.
    public struct Record: Sendable, Hashable {
        /// The record id, e.g. `recXXXXXXXXXXXXXX`.
        public var id: String
        /// When the record was created, if the answer said.
        public var createdTime: Date?
        /// Cell values by field name. Airtable leaves empty cells out.
        public var fields: [String: JSONValue]

        /// Creates a record.
        public init(id: String, createdTime: Date? = nil, fields: [String: JSONValue] = [:]) {
            self.id = id
            self.createdTime = createdTime
            self.fields = fields
        }

        /// Reads a record object (`{"id":…,"createdTime":…,"fields":{…}}`); `nil` when it has no id.
        init?(json: JSONValue) {
            guard let id = json["id"]?.stringValue, !id.isEmpty else { return nil }
            self.id = id
            createdTime = json["createdTime"]?.stringValue.flatMap(Self.parseTime)
            fields = json["fields"]?.objectValue ?? [:]
        }

        private static func parseTime(_ text: String) -> Date? {
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
                return date
            }
            return try? Date(text, strategy: .iso8601)
        }
    }
}
