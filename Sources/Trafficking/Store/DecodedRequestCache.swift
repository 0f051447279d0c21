import AdPlatformKit
import Foundation
import Synchronization

/// Requests the store has decoded from `payload_json`, by the stored text, oldest out first.
///
/// A ticket's jobs, one per platform, store the same request, and the worker claims them one by one, so without
/// this each claim decoded the same kilobytes of JSON again: a twentieth of the worker's CPU. The text is the key,
/// so an entry is right for as long as it is kept.
final class DecodedRequestCache: Sendable {
    private struct State {
        var requests: [String: TraffickingRequest] = [:]
        var order: [String] = []
        var bytes = 0
    }

    /// How many requests are kept.
    let capacity: Int
    /// How many bytes of stored text the kept requests may add up to, so a run of unusually large tickets cannot
    /// hold much memory.
    let byteCapacity: Int
    private let state = Mutex(State())

    /// A cache of at most `capacity` requests whose texts add up to at most `byteCapacity` bytes; a text longer
    /// than a quarter of that is decoded every time.
    init(capacity: Int = 256, byteCapacity: Int = 16 * 1024 * 1024) {
        self.capacity = max(1, capacity)
        self.byteCapacity = max(0, byteCapacity)
    }

    /// The request `payload` decodes to: kept, or decoded by `decode` and kept.
    func request(for payload: String, decode: () throws -> TraffickingRequest) rethrows -> TraffickingRequest {
        if let known = state.withLock({ $0.requests[payload] }) { return known }
        let request = try decode()
        let size = payload.utf8.count
        guard size <= byteCapacity / 4 else { return request }
        state.withLock { state in
            guard state.requests.updateValue(request, forKey: payload) == nil else { return }
            state.order.append(payload)
            state.bytes += size
            while state.order.count > capacity || state.bytes > byteCapacity {
                let oldest = state.order.removeFirst()
                state.requests.removeValue(forKey: oldest)
                state.bytes -= oldest.utf8.count
            }
        }
        return request
    }

    /// How many requests are kept now.
    var count: Int { state.withLock { $0.requests.count } }
}
