import Synchronization

/// Values by key, within a number of entries and a byte budget, oldest out first; shared by threads.
///
/// For values that never go stale under their key: requests by their stored JSON (``DecodedRequestCache``) and
/// media by digest (``StoredMediaCache``). A value costing more than a quarter of the budget is never kept, so one
/// large value cannot empty the cache.
final class BoundedCache<Value: Sendable>: Sendable {
    private struct State {
        var values: [String: (value: Value, bytes: Int)] = [:]
        var order: [String] = []
        var bytes = 0
    }

    /// The most entries kept.
    let entryCapacity: Int
    /// The most bytes the kept values may cost in all.
    let byteCapacity: Int
    private let state = Mutex(State())

    /// A cache of at most `entries` values costing at most `bytes` in all.
    init(entries: Int, bytes: Int) {
        entryCapacity = max(1, entries)
        byteCapacity = max(0, bytes)
    }

    /// The value kept for `key`, if any.
    func value(for key: String) -> Value? {
        state.withLock { $0.values[key]?.value }
    }

    /// Keeps `value` for `key` at a cost of `bytes`, dropping the oldest entries to make room. A key already kept
    /// keeps its first value.
    func keep(_ value: Value, for key: String, bytes: Int) {
        guard bytes <= byteCapacity / 4 else { return }
        state.withLock { state in
            guard state.values[key] == nil else { return }
            state.values[key] = (value, bytes)
            state.order.append(key)
            state.bytes += bytes
            while state.order.count > entryCapacity || state.bytes > byteCapacity {
                let oldest = state.order.removeFirst()
                state.bytes -= state.values.removeValue(forKey: oldest)?.bytes ?? 0
            }
        }
    }

    /// How many values are kept now.
    var count: Int { state.withLock { $0.values.count } }

    /// What the kept values cost now.
    var byteCount: Int { state.withLock { $0.bytes } }
}
