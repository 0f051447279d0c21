/// Which slice of a list to return: `limit` items after skipping `offset`.
public struct PageRequest: Sendable, Hashable {
    /// The largest page anyone may ask for.
    public static let maximumLimit = 200
    /// Items per page, 1…``maximumLimit``.
    public var limit: Int
    /// Items to skip.
    public var offset: Int

    /// Creates a page request, clamping the limit into 1…``maximumLimit`` and the offset to ≥ 0.
    public init(limit: Int = 50, offset: Int = 0) {
        self.limit = min(max(limit, 1), Self.maximumLimit)
        self.offset = max(offset, 0)
    }
}
