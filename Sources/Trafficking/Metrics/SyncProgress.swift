/// How far a sync run has got, reported after each chunk of campaigns.
public struct SyncProgress: Sendable, Hashable {
    /// The run's figures so far.
    public var run: SyncRun
    /// Chunks written.
    public var chunksDone: Int
    /// Chunks in the run.
    public var chunksTotal: Int

    /// Creates a progress report.
    public init(run: SyncRun, chunksDone: Int, chunksTotal: Int) {
        self.run = run
        self.chunksDone = chunksDone
        self.chunksTotal = chunksTotal
    }
}
