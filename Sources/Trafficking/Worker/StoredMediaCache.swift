import Foundation
import Synchronization

/// Stored media the worker has read, by digest, up to a byte budget.
///
/// Media are stored by the SHA-256 of their bytes, so an entry can never go stale. A ticket's image is uploaded
/// once per platform, and tickets of one campaign share creatives; without the cache each upload read the blob from
/// the database again. When the budget is full, the oldest entries go first.
final class StoredMediaCache: Sendable {
    private struct State {
        var entries: [String: StoredMedia] = [:]
        var order: [String] = []
        var bytes = 0
    }

    /// The most bytes the cache holds.
    let capacity: Int
    private let state = Mutex(State())

    /// A cache of at most `capacity` bytes; a blob larger than a quarter of it is never kept.
    init(capacity: Int = 32 * 1024 * 1024) {
        self.capacity = max(0, capacity)
    }

    /// The media with `digest`, from memory or else from `load`, which is kept when it returns something.
    func media(
        digest: String, load: () async throws -> StoredMedia?
    ) async throws -> StoredMedia? {
        if let known = state.withLock({ $0.entries[digest] }) { return known }
        guard let loaded = try await load() else { return nil }
        keep(loaded, digest: digest)
        return loaded
    }

    /// The bytes held now.
    var byteCount: Int { state.withLock { $0.bytes } }

    private func keep(_ media: StoredMedia, digest: String) {
        let size = media.data.count
        guard size <= capacity / 4 else { return }
        state.withLock { state in
            guard state.entries[digest] == nil else { return }
            while state.bytes + size > capacity, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                state.bytes -= state.entries.removeValue(forKey: oldest)?.data.count ?? 0
            }
            state.entries[digest] = media
            state.order.append(digest)
            state.bytes += size
        }
    }
}
