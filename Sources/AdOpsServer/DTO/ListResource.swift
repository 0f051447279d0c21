/// A page of a list: `{"data": [...], "pagination": {...}}`.
struct ListResource<Item: Encodable & Sendable>: Encodable, Sendable {
    /// The items.
    var data: [Item]
    /// Where the page sits.
    var pagination: PaginationResource
}
