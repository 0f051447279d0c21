/// A platform whose entities can be activated, paused or removed.
public protocol StatusChanging: AdPlatform {
    /// Sets an entity's status.
    func setStatus(_ status: DeliveryStatus, of entity: PlatformEntity, in account: AccountContext) async throws
}
