import Foundation
import Testing

@testable import Trafficking

@Suite("Time-ordered UUIDs")
struct TimeOrderedUUIDTests {
    /// A fixed generator, so the random bits are known.
    struct Repeating: RandomNumberGenerator {
        var value: UInt64
        mutating func next() -> UInt64 { value }
    }

    @Test("the first 48 bits are the Unix time in milliseconds; version 7 and the RFC variant are set")
    func layout() {
        var ones = Repeating(value: .max)
        let date = Date(timeIntervalSince1970: 1_795_000_000.123_9)
        let id = UUID.timeOrdered(at: date, using: &ones)
        // 1,795,000,000,123 ms = 0x01A1_EE56_5E7B.
        #expect(id.uuidString == "01A1EE56-5E7B-7FFF-BFFF-FFFFFFFFFFFF")
        var zeros = Repeating(value: 0)
        #expect(UUID.timeOrdered(at: date, using: &zeros).uuidString == "01A1EE56-5E7B-7000-8000-000000000000")
    }

    @Test("ids from later milliseconds sort later as the store keeps them (lower-case text)")
    func sortsByTime() {
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        // Two milliseconds apart, so rounding a Double never puts two in the same millisecond.
        let ids = (0..<1_000).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0) * 0.002)) }
        let keys = ids.map(\.databaseKey)
        let outOfOrder = zip(keys, keys.dropFirst()).filter { $0 >= $1 }
        #expect(outOfOrder.isEmpty, "\(outOfOrder.prefix(3))")
        #expect(Set(ids).count == ids.count)
    }

    @Test("dates before 1970 clamp to zero rather than trap")
    func beforeEpoch() {
        var zeros = Repeating(value: 0)
        let id = UUID.timeOrdered(at: Date(timeIntervalSince1970: -5), using: &zeros)
        #expect(id.uuidString == "00000000-0000-7000-8000-000000000000")
    }
}
