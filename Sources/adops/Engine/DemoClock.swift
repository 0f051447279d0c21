import AdPlatformKit
import Foundation
import MockPlatforms
import Synchronization

/// The demo's time of day: the settings' clock (the system's, or `ADOPS_NOW`), or the emulators' virtual clock once
/// the demo has moved that ahead into the flights. The engine's "today" (a sync's last day, a lease's expiry) is
/// then the emulated platforms' today, as it is against real platforms, whose clock is the world's.
final class DemoClock: Sendable {
    private let base: WallClock
    private let world = Mutex<MockWorld?>(nil)

    /// A clock that reads `base` until it follows a world.
    init(base: WallClock) { self.base = base }

    /// From now on, reads the later of the base clock and `world`'s virtual clock.
    func follow(_ world: MockWorld) { self.world.withLock { $0 = world } }

    /// The clock to give the store.
    var clock: WallClock {
        WallClock { [self] in
            let now = base.now
            guard let world = world.withLock({ $0 }) else { return now }
            return max(now, world.now)
        }
    }
}
