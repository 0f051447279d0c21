import AdPlatformKit
import Foundation
import Synchronization

/// Requests the store has decoded from `payload_json`, by the stored text, most recent first out.
///
/// A ticket's jobs, one per platform, store the same request, and the worker claims them one by one, so without
/// this each claim decoded the same kilobytes of JSON again: a twentieth of the worker's CPU. The text is the key,
/// so an entry is right for as long as it is kept.
final class DecodedRequestCache: Sendable {
    private struct State {
        var requests: [String: TraffickingRequest] = [:]
        var order: [String] = []
    }

    /// How many requests are kept.
    let capacity: Int
    private let state = Mutex(State())

    /// A cache of at most `capacity` requests.
    init(capacity: Int = 256) {
        self.capacity = max(1, capacity)
    }

    /// The request `payload` decodes to: kept, or decoded by `decode` and kept.
    func request(for payload: String, decode: () throws -> TraffickingRequest) rethrows -> TraffickingRequest {
        if let known = state.withLock({ $0.requests[payload] }) { return known }
        let request = try decode()
        state.withLock { state in
            guard state.requests.updateValue(request, forKey: payload) == nil else { return }
            state.order.append(payload)
            if state.order.count > capacity {
                state.requests.removeValue(forKey: state.order.removeFirst())
            }
        }
        return request
    }

    /// How many requests are kept now.
    var count: Int { state.withLock { $0.requests.count } }
}
