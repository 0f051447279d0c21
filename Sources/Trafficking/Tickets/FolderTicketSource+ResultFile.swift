import Foundation

extension FolderTicketSource {
    /// What a folder source writes next to a ticket as `<file name>.result.json`: where the ticket stands, with
    /// the SHA-256 of the ticket file it is about, so an edited ticket is offered again.
    ///
    /// ```json
    /// {"status": "PROCESSING", "ticket": "spring.json", "jobs": ["…"], "ticketDigest": "…", "writtenAt": "…"}
    /// {"status": "REJECTED", "field": "request.budget.amount", "message": "…", "ticketDigest": "…", …}
    /// {"status": "SUCCESS", "results": [{"platform": "meta", "externalIDs": {"campaign": ["…"]}, …}], …}
    /// ```
    public struct ResultFile: Sendable, Hashable, Codable {
        /// Where the ticket stands.
        public enum Status: String, Sendable, Hashable, Codable {
            /// Accepted; its jobs are running.
            case processing = "PROCESSING"
            /// Unreadable or refused; ``ResultFile/field`` and ``ResultFile/message`` say why.
            case rejected = "REJECTED"
            /// Every job succeeded.
            case success = "SUCCESS"
            /// Some jobs succeeded, or a job stopped part-way.
            case partialSuccess = "PARTIAL_SUCCESS"
            /// Every job failed.
            case failed = "FAILED"

            /// Whether the ticket's jobs are over.
            public var isFinal: Bool { self == .success || self == .partialSuccess || self == .failed }
        }

        /// Where the ticket stands.
        public var status: Status
        /// The ticket's file name.
        public var ticket: String
        /// The ticket's jobs, once accepted.
        public var jobs: [UUID]?
        /// The field a rejection names, e.g. `request.budget.amount`.
        public var field: String?
        /// Why the ticket was rejected.
        public var message: String?
        /// Each platform's result, once the jobs are over: status, ids by kind, error.
        public var results: [TicketOutcome.PlatformResult]?
        /// The SHA-256 (lower-case hex) of the ticket file this result is about.
        public var ticketDigest: String?
        /// When this file was written.
        public var writtenAt: Date

        /// Creates a result.
        public init(
            status: Status, ticket: String, jobs: [UUID]? = nil, field: String? = nil, message: String? = nil,
            results: [TicketOutcome.PlatformResult]? = nil, ticketDigest: String?, writtenAt: Date
        ) {
            self.status = status
            self.ticket = ticket
            self.jobs = jobs
            self.field = field
            self.message = message
            self.results = results
            self.ticketDigest = ticketDigest
            self.writtenAt = writtenAt
        }

        /// Reads a result file's bytes.
        public init(data: Data) throws {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            self = try decoder.decode(Self.self, from: data)
        }

        /// Pretty-printed JSON with sorted keys, dates in ISO 8601.
        public func encoded() throws -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            return try encoder.encode(self)
        }
    }
}
