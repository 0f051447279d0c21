/// Stored media the worker has read, by digest, up to a byte budget.
///
/// Media are stored by the SHA-256 of their bytes, so an entry can never go stale. A ticket's image is uploaded
/// once per platform, and tickets of one campaign share creatives; without the cache each upload read the blob from
/// the database again. When the budget is full, the oldest entries go first.
final class StoredMediaCache: Sendable {
    private let cache: BoundedCache<StoredMedia>

    /// A cache of at most `capacity` bytes; a blob larger than a quarter of it is never kept.
    init(capacity: Int = 32 * 1024 * 1024) {
        cache = BoundedCache(entries: .max, bytes: capacity)
    }

    /// The media with `digest`, from memory or else from `load`, which is kept when it returns something.
    func media(digest: String, load: () async throws -> StoredMedia?) async throws -> StoredMedia? {
        if let known = cache.value(for: digest) { return known }
        guard let loaded = try await load() else { return nil }
        cache.keep(loaded, for: digest, bytes: loaded.data.count)
        return loaded
    }

    /// The bytes held now.
    var byteCount: Int { cache.byteCount }
}
