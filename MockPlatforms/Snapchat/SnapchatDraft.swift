import Foundation

/// A validated batch entry, ready to become an entity (on create) or to replace one (on update): its native
/// fields plus what the world needs for delivery.
struct SnapchatDraft {
    /// The members returned on read, without `id`, `created_at` and `updated_at` (the emulator adds those).
    var fields: [(String, MockJSON)]
    /// The name.
    var name: String
    /// The ad account.
    var accountID: String
    /// The parent entity (campaign of an ad squad, ad squad of an ad).
    var parentID: String?
    /// Whether its status is `ACTIVE`.
    var active: Bool
    /// The daily budget in micros, on ad squads.
    var dailyBudgetMicros: Int64?
    /// The lifetime budget in micros, on ad squads.
    var lifetimeBudgetMicros: Int64?
    /// `start_time`.
    var scheduleStart: Date?
    /// `end_time`.
    var scheduleEnd: Date?
    /// Where a swipe lands, on ads with a web-view creative.
    var landingURL: String?

    /// Fields the platform sets itself: ignored when a client sends them back (a PUT usually sends the whole
    /// entity it read).
    static let readOnly: Set<String> = [
        "id", "created_at", "updated_at", "deleted", "delivery_status", "review_status", "review_status_reasons",
        "media_status", "download_link", "file_name", "file_size_in_bytes", "created_by_app_id", "created_by_user",
        "last_updated_by_app_id", "last_updated_by_user",
    ]

    /// The entry's own members minus read-only ones, in the order sent.
    static func writable(_ item: SnapchatItem) -> [(String, MockJSON)] {
        (item.json.members ?? []).filter { !readOnly.contains($0.0) }
    }

    /// Sets a member, replacing one of the same name in place so the order stays the client's.
    mutating func set(_ key: String, _ value: MockJSON) {
        if let index = fields.firstIndex(where: { $0.0 == key }) {
            fields[index].1 = value
        } else {
            fields.append((key, value))
        }
    }
}
