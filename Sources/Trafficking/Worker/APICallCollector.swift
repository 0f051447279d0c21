import AdPlatformKit
import Foundation
import Synchronization

/// The platform calls of one unit of work (a job, a lifecycle action, a metrics sync run, a token refresh), as the
/// ``CallLogMiddleware`` of its pipeline records them: collected, so they are written with the work's next store
/// write instead of one transaction each.
public final class APICallCollector: Sendable {
    /// The job, when a job runs.
    public let jobID: UUID?
    /// The lifecycle action, when an action runs.
    public let actionID: UUID?
    /// The metrics sync run, when a sync runs.
    public let syncRunID: UUID?
    /// The platform called.
    public let platform: PlatformID
    private let calls = Mutex<[APICallRecord]>([])

    /// Creates a collector for the calls of a job, an action or a sync run; with none of them, for calls that are
    /// no unit of work's (a token refresh ahead of expiry).
    public init(platform: PlatformID, jobID: UUID? = nil, actionID: UUID? = nil, syncRunID: UUID? = nil) {
        self.jobID = jobID
        self.actionID = actionID
        self.syncRunID = syncRunID
        self.platform = platform
    }

    /// Adds a call.
    public func append(_ call: APICallRecord) { calls.withLock { $0.append(call) } }

    /// Returns the calls collected so far and forgets them.
    public func drain() -> [APICallRecord] {
        calls.withLock { calls in
            defer { calls = [] }; return calls
        }
    }
}
