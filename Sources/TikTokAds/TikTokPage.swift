/// One page of a TikTok list or report, with the position `page_info` reported.
public struct TikTokPage<Item: Sendable & Hashable>: Sendable, Hashable {
    /// The items on this page.
    public var items: [Item]
    /// This page's number, from 1.
    public var page: Int
    /// How many pages there are; 0 when the list is empty.
    public var totalPages: Int

    /// Creates a page.
    public init(items: [Item], page: Int, totalPages: Int) {
        self.items = items
        self.page = page
        self.totalPages = totalPages
    }

    /// Whether a later page exists.
    public var hasMore: Bool { page < totalPages }
}
