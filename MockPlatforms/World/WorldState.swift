import Foundation

/// Everything the emulators know, as one value: what `/_mock/state` dumps and seeds, and what `--state-file`
/// saves.
public struct WorldState: Sendable, Codable {
    /// The seed ids and delivery derive from.
    public var seed: UInt64
    /// The virtual clock.
    public var now: Date
    /// Ids minted so far, per style.
    public var minted: [String: UInt64] = [:]
    /// Entities by `platform/id`.
    public var entities: [String: MockEntity] = [:]
    /// Ids in creation order, by `platform/account/kind`, for stable paging.
    public var order: [String: [String]] = [:]
    /// Minted clicks by click id.
    public var clicks: [String: ClickRecord] = [:]
    /// Pixel events, oldest first (bounded).
    public var pixelEvents: [PixelEvent] = []
    /// The next pixel event's sequence number.
    public var nextPixelSequence = 1
    /// The Airtable emulator's bases, tables and records; `nil` until the first table is set up. Optional, so
    /// state files written before Airtable existed still load.
    public var airtable: AirtableState?

    /// An empty world.
    public init(seed: UInt64, now: Date) {
        self.seed = seed
        self.now = now
    }

    static func key(_ platform: String, _ id: String) -> String { "\(platform)/\(id)" }
    static func orderKey(_ platform: String, _ account: String, _ kind: String) -> String {
        "\(platform)/\(account)/\(kind)"
    }
}
