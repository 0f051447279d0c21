import AdPlatformKit
import Foundation

/// One platform HTTP call a job, a lifecycle action or a metrics sync made, redacted: no query string, no tokens, bodies
/// summarised.
public struct APICallRecord: Sendable, Hashable, Codable {
    /// The job that made it, if any.
    public var jobID: UUID?
    /// The lifecycle action that made it, if any.
    public var actionID: UUID?
    /// The metrics sync run that made it, if any.
    public var syncRunID: UUID?
    /// The platform, if known.
    public var platform: PlatformID?
    /// When it was sent.
    public var at: Date
    /// `GET`, `POST`, …
    public var method: String
    /// The URL path, without the query string (Meta puts the access token there).
    public var path: String
    /// The HTTP status; `nil` when no response arrived.
    public var status: Int?
    /// How long it took, in milliseconds.
    public var durationMilliseconds: Double
    /// A redacted summary of the request: content type, size, query parameter names.
    public var requestSummary: String
    /// A redacted, truncated summary of the response or of the transport error.
    public var responseSummary: String

    /// Creates a record.
    public init(
        jobID: UUID?, platform: PlatformID?, at: Date, method: String, path: String, status: Int?,
        durationMilliseconds: Double, requestSummary: String, responseSummary: String, actionID: UUID? = nil,
        syncRunID: UUID? = nil
    ) {
        self.jobID = jobID
        self.actionID = actionID
        self.syncRunID = syncRunID
        self.platform = platform
        self.at = at
        self.method = method
        self.path = path
        self.status = status
        self.durationMilliseconds = durationMilliseconds
        self.requestSummary = requestSummary
        self.responseSummary = responseSummary
    }
}
