/// A slice of a list, with the total so callers can page.
public struct Page<Item: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// The items.
    public var items: [Item]
    /// How many items the whole list has.
    public var total: Int
    /// The limit asked for.
    public var limit: Int
    /// The offset asked for.
    public var offset: Int

    /// Creates a page.
    public init(items: [Item], total: Int, limit: Int, offset: Int) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
    }

    /// The offset of the next page, or `nil` on the last.
    public var nextOffset: Int? { offset + items.count < total ? offset + items.count : nil }
}
