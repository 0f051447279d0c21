import AdPlatformKit

/// Requests the store has decoded from `payload_json`, by the stored text, oldest out first.
///
/// A ticket's jobs, one per platform, store the same request, and the worker claims them one by one, so without
/// this each claim decoded the same kilobytes of JSON again: about a twentieth of the worker's CPU. The text is the
/// key, so an entry is right for as long as it is kept.
final class DecodedRequestCache: Sendable {
    private let cache: BoundedCache<TraffickingRequest>

    /// A cache of at most `capacity` requests whose texts add up to at most `byteCapacity` bytes, so a run of
    /// unusually large tickets cannot hold much memory; a text longer than a quarter of that is decoded every time.
    init(capacity: Int = 256, byteCapacity: Int = 16 * 1024 * 1024) {
        cache = BoundedCache(entries: capacity, bytes: byteCapacity)
    }

    /// The request `payload` decodes to: kept, or decoded by `decode` and kept.
    func request(for payload: String, decode: () throws -> TraffickingRequest) rethrows -> TraffickingRequest {
        if let known = cache.value(for: payload) { return known }
        let request = try decode()
        cache.keep(request, for: payload, bytes: payload.utf8.count)
        return request
    }

    /// How many requests are kept now.
    var count: Int { cache.count }
}
