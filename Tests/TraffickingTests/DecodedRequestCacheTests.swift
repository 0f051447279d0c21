import AdPlatformKit
import Foundation
import Synchronization
import Testing

@testable import Trafficking

@Suite("Decoded request cache")
struct DecodedRequestCacheTests {
    @Test("each payload text is decoded once; past capacity the oldest is dropped and decoded again")
    func decodesOnce() throws {
        let request = try StoreFixtures.request()
        let cache = DecodedRequestCache(capacity: 2)
        let decodes = Atomic<Int>(0)
        func lookUp(_ payload: String) -> TraffickingRequest {
            cache.request(for: payload) {
                decodes.add(1, ordering: .relaxed)
                return request
            }
        }
        for _ in 0..<3 { #expect(lookUp("a") == request) }
        #expect(decodes.load(ordering: .relaxed) == 1)
        _ = lookUp("b")
        _ = lookUp("c")
        #expect(cache.count == 2)
        _ = lookUp("a")
        #expect(decodes.load(ordering: .relaxed) == 4)
    }

    @Test("the kept texts stay within the byte budget, and a text over a quarter of it is never kept")
    func boundedByBytes() throws {
        let request = try StoreFixtures.request()
        let cache = DecodedRequestCache(capacity: 100, byteCapacity: 1_000)
        for letter in ["a", "b", "c", "d", "e"] {
            _ = cache.request(for: String(repeating: letter, count: 250)) { request }
        }
        #expect(cache.count == 4)
        _ = cache.request(for: String(repeating: "f", count: 251)) { request }
        #expect(cache.count == 4)
        let decodes = Atomic<Int>(0)
        _ = cache.request(for: String(repeating: "a", count: 250)) {
            decodes.add(1, ordering: .relaxed)
            return request
        }
        #expect(decodes.load(ordering: .relaxed) == 1, "the oldest text was dropped for the fifth")
    }

    @Test("a payload that fails to decode is not kept, and its error reaches the caller")
    func failuresNotKept() throws {
        struct Broken: Error {}
        let cache = DecodedRequestCache()
        #expect(throws: Broken.self) { try cache.request(for: "x") { throw Broken() } }
        #expect(cache.count == 0)
    }

    @Test("a ticket's jobs, one per platform, share one decoded request in the store")
    func storeSharesDecodes() async throws {
        let (store, _, jobs) = try await StoreFixtures.storeWithJobs(4)
        #expect(store.requests.count == 1)
        let claimed = try await store.claimJobs(owner: "w", limit: 4, lease: .seconds(60), now: StoreFixtures.epoch)
        #expect(claimed.map(\.request) == jobs.map(\.request))
        #expect(store.requests.count == 1)
    }
}
