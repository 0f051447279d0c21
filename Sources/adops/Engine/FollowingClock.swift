import AdPlatformKit
import Foundation
import MockPlatforms
import Synchronization

/// The time of day of the demo and the sync benchmark: the settings' clock (the system's, or `ADOPS_NOW`), moved
/// forward whenever the emulators' virtual clock gets ahead of it, as the demo and the benchmark move it days into
/// the flights. It keeps running from there, so the engine's "today" (a sync's last day) is the emulated platforms'
/// today, as against real platforms, while durations and leases still see time pass.
final class FollowingClock: Sendable {
    private let base: WallClock
    private let state = Mutex<(world: MockWorld?, offset: TimeInterval)>((nil, 0))

    /// A clock that reads `base` until it follows a world.
    init(base: WallClock) { self.base = base }

    /// From now on, keeps up with `world`'s virtual clock.
    func follow(_ world: MockWorld) { state.withLock { $0.world = world } }

    /// The clock to give the store.
    var clock: WallClock {
        WallClock { [self] in
            let now = base.now
            return state.withLock { state in
                if let world = state.world { state.offset = max(state.offset, world.now.timeIntervalSince(now)) }
                return now.addingTimeInterval(state.offset)
            }
        }
    }
}
