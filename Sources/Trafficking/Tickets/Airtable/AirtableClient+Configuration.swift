import Foundation

extension AirtableClient {
    /// Where an ``AirtableClient`` sends its calls, with which token, and how it paces and retries them.
    ///
    /// The token is never part of ``description``, so a configuration can be logged.
    public struct Configuration: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
        /// The Airtable Web API host.
        public static let airtableAPIURL: URL = URL(string: "https://api.airtable.com") ?? URL(fileURLWithPath: "/")

        /// The scheme and host (and optional path prefix) every `/v0/…` path is appended to; the emulator runs at
        /// `http://127.0.0.1:PORT`.
        public var baseURL: URL
        /// The personal access token, sent as `Authorization: Bearer …`.
        public var token: String
        /// The base id, e.g. `appXXXXXXXXXXXXXX`.
        public var baseID: String
        /// The table's name or id; names are percent-encoded in the path.
        public var table: String
        /// Requests per rolling second for the base. Airtable allows 5 and answers more with 429 and a 30 s wait.
        public var requestsPerSecond: Int
        /// How many times a 429 is retried after waiting its `Retry-After`.
        public var maximumRateLimitRetries: Int
        /// How many times a 5xx or a failed connection is retried, with exponential backoff.
        public var maximumTransientRetries: Int
        /// The first backoff after a 5xx or a failed connection; each further retry doubles it.
        public var initialBackoff: Duration
        /// The wait after a 429 that has no `Retry-After`: Airtable documents 30 seconds.
        public var defaultRetryAfter: Duration

        /// Creates a configuration.
        public init(
            baseURL: URL = airtableAPIURL, token: String, baseID: String, table: String, requestsPerSecond: Int = 5,
            maximumRateLimitRetries: Int = 3, maximumTransientRetries: Int = 3,
            initialBackoff: Duration = .milliseconds(500), defaultRetryAfter: Duration = .seconds(30)
        ) {
            self.baseURL = baseURL
            self.token = token
            self.baseID = baseID
            self.table = table
            self.requestsPerSecond = max(1, requestsPerSecond)
            self.maximumRateLimitRetries = max(0, maximumRateLimitRetries)
            self.maximumTransientRetries = max(0, maximumTransientRetries)
            self.initialBackoff = initialBackoff
            self.defaultRetryAfter = defaultRetryAfter
        }

        /// The base, table and host, without the token.
        public var description: String {
            "Airtable \(baseID)/\(table) at \(baseURL.absoluteString) (token redacted)"
        }

        /// The same as ``description``: the token is never printed.
        public var debugDescription: String { description }
    }
}
