import Foundation
import ServiceLifecycle

/// Delivers the Meta emulator's webhooks in the background while the emulators serve: whenever a change is queued
/// or the control plane moves the virtual clock (``MetaWebhooks/wake()``), and every `pollInterval` besides, so a
/// clock moved through ``MockWorld`` directly is noticed too. Retries follow the virtual clock
/// (``MetaWebhooks/retryOffsets``); `sleep` paces the polling only, and tests may inject one.
public struct MetaWebhookDispatcher: Service {
    /// The outbox.
    public let webhooks: MetaWebhooks
    /// The world whose virtual clock says what is due.
    public let world: MockWorld
    /// How often to look for due deliveries without a wake-up.
    public let pollInterval: Duration
    /// How the poll waits.
    public let sleep: @Sendable (Duration) async throws -> Void

    /// Creates a dispatcher; by default it polls every second with `Task.sleep`.
    public init(
        webhooks: MetaWebhooks, world: MockWorld, pollInterval: Duration = .seconds(1),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.webhooks = webhooks
        self.world = world
        self.pollInterval = pollInterval
        self.sleep = sleep
    }

    /// Runs until cancelled or the service group shuts down gracefully.
    public func run() async throws {
        let webhooks = webhooks
        let world = world
        let pollInterval = pollInterval
        let sleep = sleep
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    while !Task.isCancelled {
                        do { try await sleep(pollInterval) } catch { return }
                        webhooks.wake()
                    }
                }
                group.addTask {
                    for await _ in webhooks.wakes {
                        while await webhooks.deliverDue(now: world.now), !Task.isCancelled {}
                    }
                }
                _ = await group.next()
                group.cancelAll()
            }
        }
    }
}
