import Foundation
import NIOConcurrencyHelpers
import Synchronization

/// What the Snapchat emulator remembers outside the world: which ad account each entity id belongs to, and
/// counters for `request_id`s and tokens.
///
/// ``PlatformEmulator/accountID(for:)`` sees only the request, and Snap's entity paths (`/v1/campaigns/{id}`)
/// carry no ad account; rate-limit budgets and the journal are per ad account, so the emulator notes each id's
/// account as it creates or reads it. A missing entry only means the request is not counted against an account.
final class SnapchatLedger: Sendable {
    // NIO's lock, as the world's: `Mutex` is a priority-inheriting futex on Linux, slow when contended.
    private let accounts = NIOLockedValueBox<[String: String]>([:])
    private let requests = Atomic<UInt64>(0)
    private let serials = Atomic<UInt64>(0)

    /// An empty ledger.
    init() {}

    /// Notes an entity's account.
    func remember(_ id: String, account: String) {
        accounts.withLockedValue { $0[id] = account }
    }

    /// The account of an entity id, when known.
    func account(of id: Substring) -> String? {
        accounts.withLockedValue { $0[String(id)] }
    }

    /// The next number of a running series (tokens, codes), so two grants at the same virtual instant differ.
    func nextSerial() -> UInt64 {
        serials.add(1, ordering: .relaxed).newValue
    }

    /// A request id shaped like Snap's: the second it was answered in hex, then a running number.
    func nextRequestID(at time: Date) -> String {
        let sequence = requests.add(1, ordering: .relaxed).newValue
        let seconds = String(UInt64(max(0, time.timeIntervalSince1970)), radix: 16)
        let counter = String(sequence, radix: 16)
        return seconds + "00ff" + String(repeating: "0", count: max(0, 12 - counter.count)) + counter
    }
}
