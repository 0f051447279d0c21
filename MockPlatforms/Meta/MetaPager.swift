import Foundation

/// Graph's cursor paging: `limit` (default 25), `after` and `before` cursors, and a `paging` object with
/// `cursors.before`/`cursors.after`, plus `next` only when another page follows (the SDK stops when it is
/// missing) and `previous` only when one precedes.
///
/// Cursors are the base64 of an item's key (an entity id); a page continues after the cursor's position in
/// creation order, so deleting or filtering out items between calls never repeats or skips the others.
struct MetaPager: Sendable {
    /// Items per page.
    var limit: Int
    /// The key the page starts after.
    var after: String?
    /// The key the page ends before.
    var before: String?

    /// The largest page Graph serves.
    static let maximumLimit = 5_000

    /// Reads `limit`, `after` and `before`.
    init(_ params: MetaParams, defaultLimit: Int = 25) throws(MetaError) {
        limit = min(Self.maximumLimit, Int(try params.int("limit", in: 0...Int64(Int32.max)) ?? Int64(defaultLimit)))
        after = try Self.decodeCursor(params, "after")
        before = try Self.decodeCursor(params, "before")
    }

    /// A page of `items` (in order, each with its position in the unfiltered order and its key), and the
    /// `paging` object (`nil` for an empty page). `position` finds a cursor's position; `nil` means it is unknown.
    func page<Item>(
        _ items: [(position: Int, key: String, item: Item)], position: (String) -> Int?, call: MetaCall
    ) throws(MetaError) -> (items: [Item], paging: MockJSON?) {
        let selected: ArraySlice<(position: Int, key: String, item: Item)>
        let hasNext: Bool
        let hasPrevious: Bool
        if let after {
            guard let start = position(after) else { throw MetaError.param("param after is not a valid cursor.") }
            let rest = items.drop { $0.position <= start }
            selected = rest.prefix(limit)
            hasNext = rest.count > limit
            hasPrevious = rest.count < items.count
        } else if let before {
            guard let end = position(before) else { throw MetaError.param("param before is not a valid cursor.") }
            let head = items.prefix { $0.position < end }
            selected = head.suffix(limit)
            hasPrevious = head.count > limit
            hasNext = head.count < items.count
        } else {
            selected = items.prefix(limit)
            hasNext = items.count > limit
            hasPrevious = false
        }
        guard let first = selected.first, let last = selected.last else { return ([], nil) }
        let beforeCursor = Self.encode(first.key)
        let afterCursor = Self.encode(last.key)
        var paging: [(String, MockJSON)] = [
            ("cursors", .object([("before", .string(beforeCursor)), ("after", .string(afterCursor))]))
        ]
        if hasPrevious {
            paging.append(
                ("previous", .string(call.link(replacing: [("limit", String(limit)), ("before", beforeCursor)]))))
        }
        if hasNext {
            paging.append(("next", .string(call.link(replacing: [("limit", String(limit)), ("after", afterCursor)]))))
        }
        return (selected.map(\.item), .object(paging))
    }

    /// A key as a cursor: base64 without padding, so it travels in URLs unescaped but for `+` and `/`.
    static func encode(_ key: String) -> String {
        Data(key.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// A cursor parameter decoded to its key.
    private static func decodeCursor(_ params: MetaParams, _ name: String) throws(MetaError) -> String? {
        guard let cursor = try params.string(name), !cursor.isEmpty else { return nil }
        let padded = cursor + String(repeating: "=", count: (4 - cursor.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), let key = String(data: data, encoding: .utf8) else {
            throw MetaError.param("param \(name) is not a valid cursor.")
        }
        return key
    }
}
