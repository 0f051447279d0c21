import Trafficking

/// Where a page sits in its list: the total, the slice asked for, and the offset of the next page (null on the
/// last).
struct PaginationResource: Encodable, Sendable {
    /// Items in the whole list.
    var total: Int
    /// The page size used (after clamping to 1…200).
    var limit: Int
    /// The offset used.
    var offset: Int
    /// The next page's offset; `null` on the last page.
    var nextOffset: Int?

    private enum CodingKeys: String, CodingKey {
        case total, limit, offset
        case nextOffset = "next_offset"
    }

    /// The pagination of a store page.
    init<Item>(_ page: Page<Item>) {
        total = page.total
        limit = page.limit
        offset = page.offset
        nextOffset = page.nextOffset
    }

    /// Encodes `next_offset` as `null` rather than leaving it out, so clients can always read it.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(limit, forKey: .limit)
        try container.encode(offset, forKey: .offset)
        try container.encode(nextOffset, forKey: .nextOffset)
    }
}
