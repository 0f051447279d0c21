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
    /// Entities by `platform/id`. Read-only outside this module: the index must follow every write, so entities
    /// come in through ``MockWorld/insert(_:)``, `update` and `reset`, or through decoding a saved state.
    public internal(set) var entities: ShardedDictionary<String, MockEntity> = [:]
    /// Ids in creation order, by `platform/account/kind`, for stable paging; read-only outside this module, as
    /// ``entities`` is.
    public internal(set) var order: [String: [String]] = [:]
    /// Minted clicks by click id.
    public var clicks: [String: ClickRecord] = [:]
    /// Pixel events, oldest first (bounded).
    public var pixelEvents: [PixelEvent] = []
    /// The next pixel event's sequence number.
    public var nextPixelSequence = 1
    /// Performance set through the control plane, by `platform/id`: each entity's versions, oldest first, each
    /// applying from its day until the next one's.
    public internal(set) var performance: [String: [PerformanceTruth]] = [:]
    /// Conversions added to past days, by `platform/adID`, in the order they were added.
    public internal(set) var lateConversions: [String: [LateConversion]] = [:]
    /// The Airtable emulator's bases, tables and records; `nil` until the first table is set up. Optional, so
    /// state files written before Airtable existed still load.
    public var airtable: AirtableState?
    /// Children, names and field values indexed for lookups. Derived from `entities` and `order`, so it is not
    /// saved: decoding rebuilds it, and ``MockWorld``'s writes keep it right. Code in this module that writes
    /// `entities` or `order` itself must call ``rebuildIndex()`` after.
    var index = WorldIndex()
    /// Ads' finished days as modelled, derived and not saved (``FinishedDays``).
    var finishedDays = FinishedDays()

    /// The saved keys: every stored property but the derived index.
    enum CodingKeys: String, CodingKey {
        case seed, now, minted, entities, order, clicks, pixelEvents, nextPixelSequence, airtable, performance
        case lateConversions
    }

    /// An empty world.
    public init(seed: UInt64, now: Date) {
        self.seed = seed
        self.now = now
    }

    /// Decodes the saved keys as the synthesized decoder did (every key required but `airtable`, `performance` and
    /// `lateConversions`, which older state files lack), then builds the index, which is never saved.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seed = try container.decode(UInt64.self, forKey: .seed)
        now = try container.decode(Date.self, forKey: .now)
        minted = try container.decode([String: UInt64].self, forKey: .minted)
        entities = try container.decode(ShardedDictionary<String, MockEntity>.self, forKey: .entities)
        order = try container.decode([String: [String]].self, forKey: .order)
        clicks = try container.decode([String: ClickRecord].self, forKey: .clicks)
        pixelEvents = try container.decode([PixelEvent].self, forKey: .pixelEvents)
        nextPixelSequence = try container.decode(Int.self, forKey: .nextPixelSequence)
        airtable = try container.decodeIfPresent(AirtableState.self, forKey: .airtable)
        performance = try container.decodeIfPresent([String: [PerformanceTruth]].self, forKey: .performance) ?? [:]
        lateConversions =
            try container.decodeIfPresent([String: [LateConversion]].self, forKey: .lateConversions) ?? [:]
        rebuildIndex()
    }

    /// Encodes the saved keys; `airtable`, `performance` and `lateConversions` only when they hold something, so a
    /// world that never used them saves exactly as it did before they existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seed, forKey: .seed)
        try container.encode(now, forKey: .now)
        try container.encode(minted, forKey: .minted)
        try container.encode(entities, forKey: .entities)
        try container.encode(order, forKey: .order)
        try container.encode(clicks, forKey: .clicks)
        try container.encode(pixelEvents, forKey: .pixelEvents)
        try container.encode(nextPixelSequence, forKey: .nextPixelSequence)
        try container.encodeIfPresent(airtable, forKey: .airtable)
        if !performance.isEmpty { try container.encode(performance, forKey: .performance) }
        if !lateConversions.isEmpty { try container.encode(lateConversions, forKey: .lateConversions) }
    }

    /// Rebuilds the index from `entities` and `order`, keeping the fields it indexes by value.
    mutating func rebuildIndex() {
        index = WorldIndex(entities: entities, order: order, fields: index.indexedFields)
        finishedDays.removeAll()
    }

    static func key(_ platform: String, _ id: String) -> String { "\(platform)/\(id)" }
    static func orderKey(_ platform: String, _ account: String, _ kind: String) -> String {
        "\(platform)/\(account)/\(kind)"
    }
}
