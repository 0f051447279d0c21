import AdPlatformKit
import Foundation

/// How `adops mock` and in-process emulators are started.
public struct MockPlatformsConfiguration: Sendable {
    /// The address to bind; loopback by default.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The seed ids and delivery derive from.
    public var seed: UInt64
    /// A file the world is loaded from at start (when it exists) and saved to on shutdown.
    public var stateFile: String?
    /// How many requests the journal keeps.
    public var journalCapacity: Int
    /// A folder to serve the landing pages from; `nil` serves the copy built into the binary, unless
    /// `ADOPS_LANDING_PAGES` names a folder.
    public var landingPagesDirectory: String?
    /// Pixel ids that switch the landing pages' pixel slots to the platforms' real base code.
    public var livePixelIDs: [String: String]
    /// The time of day: the virtual clock starts at its reading (to the second), and the journal stamps requests
    /// with it. `ADOPS_NOW` sets it for `adops mock`.
    public var clock: WallClock
    /// How long a stop waits for requests in flight (and clients that never finish sending one) before it closes
    /// the connections still open.
    public var shutdownTimeout: Duration

    /// Creates a configuration; the defaults are `adops mock`'s.
    public init(
        host: String = "127.0.0.1", port: Int = 4010, seed: UInt64 = 1, stateFile: String? = nil,
        journalCapacity: Int = 10_000, landingPagesDirectory: String? = nil, livePixelIDs: [String: String] = [:],
        clock: WallClock = .system,
        shutdownTimeout: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.seed = seed
        self.stateFile = stateFile
        self.journalCapacity = journalCapacity
        self.landingPagesDirectory = landingPagesDirectory
        self.livePixelIDs = livePixelIDs
        self.clock = clock
        self.shutdownTimeout = shutdownTimeout
    }
}
