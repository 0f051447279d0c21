import AdPlatformKit

extension SnapchatAdsPlatform {
    /// Activates or pauses a campaign, ad squad or ad by reading it and putting it back with the new status;
    /// removes one with `DELETE`.
    public func setStatus(
        _ status: DeliveryStatus, of entity: PlatformEntity, in account: AccountContext
    )
        async throws
    {
        let operation = "setStatus"
        _ = try builder.statusCollection(entity.kind)
        if status == .removed {
            let response = try await transport.send(try builder.deleteEntity(entity.kind, id: entity.id, in: account))
            try parser.confirmDeletion(entity.kind, from: response, operation: operation)
            return
        }
        let read = try builder.readEntity(entity.kind, id: entity.id, in: account, operation: operation)
        let current = try parser.rawEntity(entity.kind, from: try await transport.send(read), operation: operation)
        let update = try builder.updateStatus(status, of: entity.kind, current: current, in: account)
        _ = try parser.entities(entity.kind, from: try await transport.send(update), operation: operation)
    }
}
