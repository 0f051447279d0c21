import Foundation
import NIOConcurrencyHelpers

/// The emulators' shared, thread-safe state: entities, the virtual clock, minted ids, clicks and pixel events.
///
/// Every read and write takes one lock for a few microseconds, which keeps the emulators simple and fast: there
/// is no suspension inside a request's state change, so nothing interleaves half-way. The lock is NIO's (a plain
/// pthread mutex): under load the standard library's `Mutex`, a priority-inheriting futex on Linux, spent a
/// seventh of a create in the kernel.
public final class MockWorld: Sendable {
    private let state: NIOLockedValueBox<WorldState>
    /// How many pixel events are kept.
    public let pixelEventCapacity: Int
    /// What each platform's stored fields mean for delivery (targeting, shared budgets), by platform id.
    public let deliveryInputs: [String: any DeliveryInputReading]
    /// Tokens the control plane revoked; the OAuth endpoints refuse them.
    public let revokedTokens = RevokedTokens()
    /// Uploaded images' bytes, which the preview pages show from the emulator.
    public let uploadedMedia = EmulatorMedia()

    /// Creates a world from a seed; the virtual clock starts at `now`, to the second. `deliveryInputs` read each
    /// platform's targeting and shared budgets; the built-in platforms' by default.
    public init(
        seed: UInt64, now: Date, pixelEventCapacity: Int = 10_000,
        deliveryInputs: [any DeliveryInputReading] = BuiltInEmulators.deliveryInputs
    ) {
        let start = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        state = NIOLockedValueBox(WorldState(seed: seed, now: start))
        self.pixelEventCapacity = pixelEventCapacity
        self.deliveryInputs = Dictionary(
            deliveryInputs.map { ($0.platform, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs a closure with the state locked.
    public func withState<T>(_ body: (inout WorldState) throws -> T) rethrows -> T {
        try state.withLockedValue { try body(&$0) }
    }

    /// The seed.
    public var seed: UInt64 { withState { $0.seed } }

    /// The virtual time.
    public var now: Date { withState { $0.now } }

    // MARK: - Clock

    /// Moves the clock forward; negative amounts are ignored.
    @discardableResult
    public func advance(by seconds: TimeInterval) -> Date {
        withState { state in
            if seconds > 0 { state.now = state.now.addingTimeInterval(seconds) }
            return state.now
        }
    }

    /// Sets the clock; it never moves backwards, so delivery already reported stays reported.
    @discardableResult
    public func setClock(_ date: Date) -> Date {
        withState { state in
            if date > state.now { state.now = date }
            return state.now
        }
    }

    // MARK: - Ids

    /// Mints the next id of a style, deterministically from the seed.
    public func mintID(_ style: MockIDStyle) -> String {
        withState { state in Self.mint(style, in: &state) }
    }

    static func mint(_ style: MockIDStyle, in state: inout WorldState) -> String {
        let counter = (state.minted[style.rawValue] ?? 0) + 1
        state.minted[style.rawValue] = counter
        let salt = SplitMix64.hash(state.seed, style.rawValue)
        switch style {
        case .meta:
            // 1202 + 14 digits: a seed-dependent block of 10^9 ids, then the counter.
            return "1202" + pad((salt % 99_999) * 1_000_000_000 + counter, width: 14)
        case .tiktok:
            return "17" + pad((salt % 9_999_999) * 10_000_000_000 + counter, width: 17)
        case .google:
            return String(10_000_000_000 + (salt % 80) * 1_000_000_000 + counter)
        case .uuid:
            var generator = SplitMix64(seed: salt &+ counter &* 0x9E37_79B9)
            let high = generator.next()
            let low = generator.next()
            let characters = hexDigits(high) + hexDigits(low)
            let variant = "89ab"[("89ab".index("89ab".startIndex, offsetBy: Int(low % 4)))]
            return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-4" + String(characters[13..<16])
                + "-" + String(variant) + String(characters[17..<20]) + "-" + String(characters[20..<32])
        case .click:
            var generator = SplitMix64(seed: salt &+ counter)
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
            return String((0..<32).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        }
    }

    private static let lowerHexDigits = Array("0123456789abcdef")

    /// The 16 lower-case hex digits of a value, zero-padded.
    private static func hexDigits(_ value: UInt64) -> [Character] {
        (0..<16).reversed().map { lowerHexDigits[Int((value >> (UInt64($0) * 4)) & 0xF)] }
    }

    private static func pad(_ value: UInt64, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width
            ? String(digits.suffix(width)) : String(repeating: "0", count: width - digits.count) + digits
    }

    // MARK: - Entities

    /// Stores a new entity and indexes it for paging and lookups.
    public func insert(_ entity: MockEntity) {
        withState { state in
            let key = WorldState.key(entity.platform, entity.id)
            // An id stored again replaces the old entity (Google re-adds a removed criterion under its old id), so
            // the old one leaves the index and its order list first: lists and pages show it once, as the newest.
            if let old = state.entities[key] {
                state.index.remove(old)
                state.order[WorldState.orderKey(old.platform, old.accountID, old.kind)]?.removeAll { $0 == old.id }
            }
            state.entities[key] = entity
            state.index.add(entity)
            state.finishedDays.removeAll()
            state.order[WorldState.orderKey(entity.platform, entity.accountID, entity.kind), default: []].append(
                entity.id)
        }
    }

    /// An entity by platform and id, deleted or not.
    public func entity(_ platform: String, _ id: String) -> MockEntity? {
        withState { $0.entities[WorldState.key(platform, id)] }
    }

    /// Changes an entity in place; returns the changed entity, or `nil` when there is none.
    ///
    /// A change of budget or targeting keeps the value it replaced on the entity, so delivery before the change
    /// is computed, and reported, as it was.
    @discardableResult
    public func update(_ platform: String, _ id: String, _ change: (inout MockEntity, Date) -> Void) -> MockEntity? {
        let reader = deliveryInputs[platform]
        return withState { state in
            let key = WorldState.key(platform, id)
            guard var entity = state.entities[key] else { return nil }
            let old = entity
            change(&entity, state.now)
            entity.recordDeliveryChanges(from: old, at: state.now, reader: reader)
            entity.updatedAt = state.now
            state.entities[key] = entity
            state.finishedDays.removeAll()
            // A new name, parent or indexed field value moves it in the index; other changes leave the index alone.
            state.index.replace(old, with: entity)
            return entity
        }
    }

    /// Entities of a kind in an account, in creation order; deleted ones only when asked.
    ///
    /// This scans every entity of the kind in the account; `include` is tested before anything is copied out,
    /// so only the matches are. For children, names or field values, the indexed lookups in
    /// `MockWorld+Lookups.swift` find the matches without the scan.
    public func entities(
        _ platform: String, kind: String, account: String, includeDeleted: Bool = false,
        where include: (MockEntity) -> Bool = { _ in true }
    ) -> [MockEntity] {
        withState { state in
            Self.resolve(
                state.order[WorldState.orderKey(platform, account, kind)] ?? [], platform, in: state,
                includeDeleted: includeDeleted, where: include)
        }
    }

    /// The entities a list of ids names, skipping ids with none, deleted ones unless asked, and those `include`
    /// turns down; only what is kept is copied into the answer.
    static func resolve(
        _ ids: [String], _ platform: String, in state: WorldState, includeDeleted: Bool,
        where include: (MockEntity) -> Bool
    ) -> [MockEntity] {
        var result: [MockEntity] = []
        for id in ids {
            guard let entity = state.entities[WorldState.key(platform, id)], includeDeleted || !entity.deleted,
                include(entity)
            else { continue }
            result.append(entity)
        }
        return result
    }

    /// Entities of a kind on a platform across accounts (for id lookups without an account).
    public func entities(_ platform: String, kind: String) -> [MockEntity] {
        withState { state in
            state.entities.values.filter { $0.platform == platform && $0.kind == kind }.sorted {
                $0.createdAt < $1.createdAt || ($0.createdAt == $1.createdAt && $0.id < $1.id)
            }
        }
    }

    /// Removes every entity, click, pixel event, truth and late conversion of a platform's account, or of everything
    /// when both are `nil`.
    public func reset(platform: String? = nil, account: String? = nil) {
        withState { state in
            guard platform != nil || account != nil else {
                state = WorldState(seed: state.seed, now: state.now)
                revokedTokens.removeAll()
                uploadedMedia.removeAll()
                return
            }
            state.finishedDays.removeAll()
            let doomed = state.entities.filter { _, entity in
                (platform == nil || entity.platform == platform) && (account == nil || entity.accountID == account)
            }
            for (key, _) in doomed { state.entities[key] = nil }
            state.index.remove(doomed.map(\.value))
            for key in state.order.keys {
                let parts = key.split(separator: "/", maxSplits: 2).map(String.init)
                if parts.count == 3, platform == nil || parts[0] == platform, account == nil || parts[1] == account {
                    state.order[key] = nil
                }
            }
            let doomedAds = Set(doomed.map { "\($0.value.platform)/\($0.value.id)" })
            state.clicks = state.clicks.filter { !doomedAds.contains("\($0.value.platform)/\($0.value.adID)") }
            state.pixelEvents.removeAll { event in
                event.attributedAdID.map { doomedAds.contains("\(event.platform)/\($0)") } ?? false
            }
            for key in doomedAds {
                state.performance[key] = nil
                state.lateConversions[key] = nil
            }
        }
    }

    /// A copy of the whole state.
    public func snapshot() -> WorldState { withState { $0 } }

    /// Replaces the whole state. The snapshot's index is already right: ``snapshot()`` copies it, decoding builds
    /// it, and nothing outside this module can write `entities` or `order` past it.
    public func restore(_ snapshot: WorldState) { withState { $0 = snapshot } }
}
