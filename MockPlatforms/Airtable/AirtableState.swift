/// Everything the Airtable emulator keeps: bases, their tables and records (saved with the world), and the
/// listings in progress (not saved: a restored world starts with none, so old offsets answer
/// `LIST_RECORDS_ITERATOR_NOT_AVAILABLE`, as expired ones do on Airtable).
public struct AirtableState: Sendable, Codable {
    /// The bases, in creation order.
    public var bases: [AirtableBase] = []
    /// Listings in progress by iterator id.
    var iterators: [String: AirtableIterator] = [:]
    /// Iterator ids, oldest first, for eviction.
    var iteratorOrder: [String] = []

    /// How many listings are kept; the oldest is forgotten first.
    static let iteratorCapacity = 1_000

    private enum CodingKeys: String, CodingKey {
        case bases
    }

    /// No bases.
    public init() {}

    /// The index of a base by id.
    func baseIndex(_ id: String) -> Int? { bases.firstIndex { $0.id == id } }

    /// Keeps a listing in progress, forgetting the oldest beyond capacity.
    mutating func remember(_ iterator: AirtableIterator, id: String) {
        iterators[id] = iterator
        iteratorOrder.append(id)
        while iteratorOrder.count > Self.iteratorCapacity {
            iterators[iteratorOrder.removeFirst()] = nil
        }
    }

    /// Forgets every listing of a table (its schema or records were replaced wholesale).
    mutating func forgetIterators(table tableID: String) {
        iterators = iterators.filter { $0.value.tableID != tableID }
        iteratorOrder.removeAll { iterators[$0] == nil }
    }
}
