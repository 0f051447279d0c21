import Foundation

/// The modelled delivery of ads' finished days, kept across reads: a day that ended before the virtual now reads
/// the same however often it is read (``DeliveryModel``), so a month of daily rows at three levels, read again by
/// the next sync, models each ad's day once. Pixel events and late conversions are not in it; they are added on
/// every read.
///
/// Anything that can change a past day empties it: a new or changed entity (a sibling created in the past would
/// share its budget), truth set from a past day, a reset, a state loaded or an index rebuilt.
struct FinishedDays: Sendable {
    /// An ad's day.
    struct Key: Hashable, Sendable {
        var platform: String
        var adID: String
        var day: Int
    }

    private var days: [Key: DeliveryTotals] = [:]

    /// At most this many days are kept; past it the cache starts again, so memory stays bounded.
    static let capacity = 2_000_000

    /// A kept day, or `nil`.
    subscript(key: Key) -> DeliveryTotals? { days[key] }

    /// Keeps a day.
    mutating func keep(_ key: Key, _ totals: DeliveryTotals) {
        if days.count >= Self.capacity { days.removeAll(keepingCapacity: false) }
        days[key] = totals
    }

    /// Forgets every day.
    mutating func removeAll() { days.removeAll(keepingCapacity: false) }
}
