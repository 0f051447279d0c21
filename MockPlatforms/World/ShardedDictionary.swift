/// A dictionary kept as a fixed number of smaller dictionaries, chosen by key hash, so that growing it never
/// rehashes more than one of them.
///
/// A Swift `Dictionary` doubles its storage when it fills, rehashing every key. The world grows under its lock,
/// so with one dictionary of 100,000 entities every request waits for 100,000 keys to be rehashed each time the
/// count crosses a power of two. Split 64 ways, the same growth rehashes about 1,500 keys at a time, in 64 small
/// steps spread over the run. Lookups cost one extra multiply. A copy of the whole (``MockWorld/snapshot()``)
/// followed by a write copies only the shard written, not everything.
///
/// Iteration order is unspecified, as a `Dictionary`'s is.
public struct ShardedDictionary<Key: Hashable, Value>: Sequence, ExpressibleByDictionaryLiteral {
    /// How many dictionaries the keys are spread over; a power of two.
    static var shardCount: Int { 64 }

    private var shards: [[Key: Value]]
    /// The number of keys.
    public private(set) var count = 0

    /// An empty dictionary.
    public init() {
        shards = Array(repeating: [:], count: Self.shardCount)
    }

    /// A dictionary holding the pairs of `dictionary`.
    public init(_ dictionary: [Key: Value]) {
        self.init()
        for (key, value) in dictionary { self[key] = value }
    }

    /// A dictionary of the literal's pairs; a key given twice keeps its last value.
    public init(dictionaryLiteral elements: (Key, Value)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }

    /// Whether it holds no keys.
    public var isEmpty: Bool { count == 0 }

    /// The value for a key; setting `nil` removes the key.
    public subscript(key: Key) -> Value? {
        get { shards[Self.shard(of: key)][key] }
        _modify {
            let shard = Self.shard(of: key)
            let before = shards[shard].count
            yield &shards[shard][key]
            count += shards[shard].count - before
        }
    }

    /// The value for a key, or `defaultValue` stored first when there is none; modified in place.
    public subscript(key: Key, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        _modify {
            let shard = Self.shard(of: key)
            let before = shards[shard].count
            yield &shards[shard][key, default: defaultValue()]
            count += shards[shard].count - before
        }
    }

    /// Removes a key; returns the value it had.
    @discardableResult
    public mutating func removeValue(forKey key: Key) -> Value? {
        let removed = shards[Self.shard(of: key)].removeValue(forKey: key)
        if removed != nil { count -= 1 }
        return removed
    }

    /// Every key.
    public var keys: some Sequence<Key> { shards.lazy.flatMap(\.keys) }

    /// Every value.
    public var values: some Sequence<Value> { shards.lazy.flatMap(\.values) }

    /// The pairs as one plain dictionary.
    public var dictionary: [Key: Value] {
        var merged = [Key: Value](minimumCapacity: count)
        for shard in shards { merged.merge(shard) { _, new in new } }
        return merged
    }

    /// Iterates every key and value.
    public func makeIterator() -> FlattenSequence<[[Key: Value]]>.Iterator {
        shards.joined().makeIterator()
    }

    /// The shard a key lives in: the top bits of its hash times a large odd constant, so keys whose hashes
    /// differ only in high bits still spread.
    static func shard(of key: Key) -> Int {
        let mixed = UInt(bitPattern: key.hashValue) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> UInt(UInt.bitWidth - shardCount.trailingZeroBitCount))
    }
}

extension ShardedDictionary: Sendable where Key: Sendable, Value: Sendable {}

/// Saved as a plain dictionary, so the state file's format does not depend on how the world is held in memory.
extension ShardedDictionary: Codable where Key: Codable, Value: Codable {
    /// Decodes a plain dictionary.
    public init(from decoder: any Decoder) throws {
        self.init(try [Key: Value](from: decoder))
    }

    /// Encodes a plain dictionary.
    public func encode(to encoder: any Encoder) throws {
        try dictionary.encode(to: encoder)
    }
}
