import Foundation
import Synchronization
import Testing

@testable import Trafficking

@Suite("Stored media cache")
struct StoredMediaCacheTests {
    static func media(_ name: String, bytes: Int) -> StoredMedia {
        StoredMedia(digest: name, contentType: "image/png", data: Data(repeating: 7, count: bytes))
    }

    @Test("a digest is loaded once and then served from memory; a missing one is not remembered")
    func loadsOnce() async throws {
        let cache = StoredMediaCache(capacity: 1_000)
        let loads = Atomic<Int>(0)
        for _ in 0..<3 {
            let found = try await cache.media(digest: "a") {
                loads.add(1, ordering: .relaxed)
                return Self.media("a", bytes: 100)
            }
            #expect(found == Self.media("a", bytes: 100))
        }
        #expect(loads.load(ordering: .relaxed) == 1)

        for _ in 0..<2 {
            let missing = try await cache.media(digest: "b") {
                loads.add(1, ordering: .relaxed)
                return nil
            }
            #expect(missing == nil)
        }
        #expect(loads.load(ordering: .relaxed) == 3)
    }

    @Test("past its capacity the oldest entries go first, and a blob over a quarter of it is never kept")
    func boundedByBytes() async throws {
        let cache = StoredMediaCache(capacity: 1_000)
        for name in ["a", "b", "c", "d"] {
            _ = try await cache.media(digest: name) { Self.media(name, bytes: 250) }
        }
        #expect(cache.byteCount == 1_000)
        _ = try await cache.media(digest: "e") { Self.media("e", bytes: 250) }
        #expect(cache.byteCount == 1_000)

        // "a" was evicted, so it loads again; "e" is still there.
        let reloaded = Atomic<Int>(0)
        _ = try await cache.media(digest: "e") {
            reloaded.add(1, ordering: .relaxed)
            return Self.media("e", bytes: 250)
        }
        #expect(reloaded.load(ordering: .relaxed) == 0)
        _ = try await cache.media(digest: "a") {
            reloaded.add(1, ordering: .relaxed)
            return Self.media("a", bytes: 250)
        }
        #expect(reloaded.load(ordering: .relaxed) == 1)

        let large = try await cache.media(digest: "large") { Self.media("large", bytes: 251) }
        #expect(large?.data.count == 251)
        #expect(cache.byteCount == 1_000)
    }
}
