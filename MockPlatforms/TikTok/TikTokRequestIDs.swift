import Foundation
import Synchronization

/// Mints `request_id` values shaped like TikTok's: the UTC time to the second (`YYYYMMDDHHMMSS`) followed by 16
/// upper-case hex digits. The time comes from the virtual clock where there is one, and the suffix from a
/// counter mixed by SplitMix64, so ids are unique within a process and cheap to make.
final class TikTokRequestIDs: Sendable {
    private let counter = Atomic<UInt64>(0)

    /// Creates a generator starting at zero.
    init() {}

    /// The next id, stamped with `date`.
    func next(at date: Date) -> String {
        let value = counter.wrappingAdd(1, ordering: .relaxed).newValue
        var text = TikTokTime.compact(date)
        let hex = String(SplitMix64.mix(value ^ 0x7469_6B74_6F6B), radix: 16, uppercase: true)
        if hex.count < 16 { text += String(repeating: "0", count: 16 - hex.count) }
        text += hex
        return text
    }
}
