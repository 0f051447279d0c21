/// A sync run that has started, and the interrupted run of the same account it resumes, if any.
public struct SyncStart: Sendable, Hashable {
    /// The new run.
    public var run: SyncRun
    /// The account's last run, when its process stopped before it finished: campaigns it synced are not read
    /// again.
    public var resuming: SyncRun?

    /// Creates a start.
    public init(run: SyncRun, resuming: SyncRun?) {
        self.run = run
        self.resuming = resuming
    }
}
