import Foundation
import Testing

@testable import MockPlatforms

/// The world's sharded dictionary behaves as a `Dictionary` does, for every operation the world uses, and saves
/// as one.
@Suite("Sharded dictionary")
struct ShardedDictionaryTests {
    /// A random mix of inserts, replacements, removals and in-place appends, mirrored on a plain dictionary.
    @Test("a random mix of writes leaves the same pairs and count as a Dictionary")
    func matchesDictionary() {
        var generator = SplitMix64(seed: 7)
        var sharded = ShardedDictionary<String, [Int]>()
        var plain: [String: [Int]] = [:]
        for step in 0..<20_000 {
            let key = "k\(generator.next() % 3_000)"
            switch generator.next() % 4 {
            case 0:
                sharded[key] = [step]
                plain[key] = [step]
            case 1:
                sharded[key, default: []].append(step)
                plain[key, default: []].append(step)
            case 2:
                #expect(sharded.removeValue(forKey: key) == plain.removeValue(forKey: key))
            default:
                sharded[key] = nil
                plain[key] = nil
            }
        }
        #expect(sharded.count == plain.count)
        #expect(sharded.dictionary == plain)
        #expect(Dictionary(uniqueKeysWithValues: sharded.map { ($0.key, $0.value) }) == plain)
        #expect(Set(sharded.keys) == Set(plain.keys))
        #expect(sharded.values.reduce(0) { $0 + $1.count } == plain.values.reduce(0) { $0 + $1.count })
        for key in plain.keys.prefix(100) { #expect(sharded[key] == plain[key]) }
        #expect(sharded["absent"] == nil)
    }

    @Test("keys spread over every shard")
    func spreads() {
        var sharded = ShardedDictionary<String, Int>()
        for number in 0..<10_000 { sharded["meta/\(number)"] = number }
        var perShard: [Int: Int] = [:]
        for (key, _) in sharded { perShard[ShardedDictionary<String, Int>.shard(of: key), default: 0] += 1 }
        #expect(perShard.count == ShardedDictionary<String, Int>.shardCount)
        // 10,000 keys over 64 shards average 156; a fair hash keeps every shard well within twice that.
        #expect(perShard.values.allSatisfy { $0 > 78 && $0 < 312 })
    }

    @Test("it encodes and decodes as a plain dictionary, so state files are unchanged")
    func codesAsDictionary() throws {
        let plain = ["meta/1": 1, "tiktok/2": 2, "google/3": 3]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let sharded = ShardedDictionary(plain)
        #expect(try encoder.encode(sharded) == encoder.encode(plain))
        let decoded = try JSONDecoder().decode(ShardedDictionary<String, Int>.self, from: encoder.encode(plain))
        #expect(decoded.dictionary == plain)
        #expect(decoded.count == 3)
        let literal: ShardedDictionary = ["a": 1, "b": 2]
        #expect(literal.dictionary == ["a": 1, "b": 2])
        #expect(ShardedDictionary<String, Int>().isEmpty)
    }
}
