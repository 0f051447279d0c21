import NIOConcurrencyHelpers

/// The rows of recent report reads, kept so that the pages after the first read the rows the first page counted
/// instead of modelling a month of delivery again for every page: a read of a thousand campaigns' daily rows is
/// dozens of pages. A page token or cursor carries its snapshot's id. Only the latest few are kept; a token whose
/// snapshot is gone is answered by computing the report again, as before.
///
/// Platforms behave alike: a cursor walks the result set of the read that issued it (Meta's async report results,
/// Google's page tokens), and a new read (no token) always starts from the current state.
public final class ReportSnapshots<Rows: Sendable>: Sendable {
    private struct State {
        var next: UInt64 = 1
        var snapshots: [(id: UInt64, query: String, rows: Rows)] = []
    }

    private let state = NIOLockedValueBox(State())
    /// How many snapshots are kept.
    public let capacity: Int

    /// Creates an empty store keeping the latest `capacity` snapshots.
    public init(capacity: Int = 8) {
        self.capacity = max(1, capacity)
    }

    /// Keeps the rows of a query (its text without paging or credentials); returns the id a page token carries.
    public func keep(_ rows: Rows, query: String) -> UInt64 {
        state.withLockedValue { state in
            let id = state.next
            state.next += 1
            state.snapshots.append((id, query, rows))
            if state.snapshots.count > capacity { state.snapshots.removeFirst(state.snapshots.count - capacity) }
            return id
        }
    }

    /// The rows kept under an id for the same query, or `nil` when they are gone (or the token came from another
    /// query, which then pages through its own rows).
    public func rows(_ id: UInt64, query: String) -> Rows? {
        state.withLockedValue { state in state.snapshots.last { $0.id == id && $0.query == query }?.rows }
    }
}
