import Foundation

/// Collections: `GET /v1/adaccounts/{acct}/{kind}`, `/v1/campaigns/{cid}/adsquads` and `/v1/adsquads/{sid}/ads`.
extension SnapchatEmulator {
    /// The page sizes Snap accepts.
    static let pageSizes = 50...1_000

    /// One page of live entities in creation order. Without `limit` everything comes back at once; with it, a
    /// page of that size and `paging.next_link` while more remain. The cursor is a position in the account's
    /// creation order (deleted entities included), so deleting between pages skips nothing.
    func list(
        _ kind: SnapchatKind, account: String, parentID: String?, request: MockRequest, world: MockWorld,
        requestID: String
    ) throws(SnapchatError) -> MockResponse {
        let limit = try Self.pageLimit(request)
        var position = try Self.cursorPosition(request)
        let all = world.entities(platform, kind: kind.rawValue, account: account, includeDeleted: true) {
            parentID == nil || $0.parentID == parentID
        }
        let now = world.now
        var items: [MockJSON] = []
        while position < all.count, items.count < (limit ?? Int.max) {
            let entity = all[position]
            position += 1
            guard !entity.deleted else { continue }
            items.append(
                .object([("sub_request_status", .string("SUCCESS")), (kind.singular, render(entity, now: now))]))
        }
        var members: [(String, MockJSON)] = [
            ("request_status", .string("SUCCESS")), ("request_id", .string(requestID)),
        ]
        if let limit, all[min(position, all.count)...].contains(where: { !$0.deleted }) {
            let host = request.header("host") ?? "127.0.0.1"
            let link = "http://\(host)\(request.path)?cursor=\(Self.cursor(for: position))&limit=\(limit)"
            members.append(("paging", .object([("next_link", .string(link))])))
        }
        members.append((kind.plural, .array(items)))
        return .json(.object(members))
    }

    /// `limit`, when given: a whole number from 50 to 1000.
    static func pageLimit(_ request: MockRequest) throws(SnapchatError) -> Int? {
        guard let text = request.queryValue("limit") else { return nil }
        guard let limit = Int(text), pageSizes.contains(limit) else {
            throw .invalid("limit must be a whole number between 50 and 1000 (got '\(text)')")
        }
        return limit
    }

    /// Where `cursor` says to resume; 0 without one.
    static func cursorPosition(_ request: MockRequest) throws(SnapchatError) -> Int {
        guard let cursor = request.queryValue("cursor") else { return 0 }
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("snap:"), let position = Int(text.dropFirst(5)), position >= 0
        else { throw .invalid("Invalid cursor '\(cursor)'") }
        return position
    }

    /// An opaque, URL-safe cursor for a position.
    static func cursor(for position: Int) -> String {
        Data("snap:\(position)".utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
