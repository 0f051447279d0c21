/// A platform whose ad groups' bids (and, where the platform holds a bidding strategy there, campaigns' bids) can
/// be read and changed after launch.
///
/// Which strategies each level takes is data: ``LifecycleCapabilities/Level/bidStrategies``. Generic code checks
/// ``PlatformCapabilities/lifecycleRefusal(for:at:)`` before calling, and modules check it again, so an
/// unsupported strategy never reaches the network.
public protocol BidChanging: AdPlatform {
    /// The entity's bid as the platform holds it now.
    func bid(of entity: PlatformEntity, in account: AccountContext) async throws -> BidStrategy

    /// Sets the entity's bid; ``BidStrategy/automatic`` clears any cap or target.
    func setBid(_ bid: BidStrategy, of entity: PlatformEntity, in account: AccountContext) async throws
}
