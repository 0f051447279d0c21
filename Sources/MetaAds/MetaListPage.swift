import AdPlatformKit

/// One page of a Graph API list: the `data` items and the cursor for the next page.
public struct MetaListPage: Sendable, Hashable {
    /// The items of `data`, as returned.
    public var items: [JSONValue]
    /// `paging.cursors.after`, only when `paging.next` says there is another page.
    public var nextCursor: String?

    /// Creates a page.
    public init(items: [JSONValue], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
