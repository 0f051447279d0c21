/// One page of a listing, with the cursor for the next page.
public struct EntityPage: Sendable, Hashable {
    /// The entities on this page.
    public var entities: [PlatformEntity]
    /// An opaque cursor for the next page; `nil` on the last page.
    public var nextCursor: String?

    /// Creates a page.
    public init(entities: [PlatformEntity], nextCursor: String?) {
        self.entities = entities
        self.nextCursor = nextCursor
    }
}
