import AdPlatformKit

extension SnapchatAdsPlatform {
    /// Sets an ad squad's daily or lifetime budget by reading the squad and putting it back; campaigns carry no
    /// budget in this module, so asking for one throws `unsupported`.
    public func setBudget(_ budget: Budget, of entity: PlatformEntity, in account: AccountContext) async throws {
        let operation = "setBudget"
        guard entity.kind == .adGroup else {
            throw AdPlatformError(
                code: .unsupported, message: "Snapchat budgets sit on ad squads, not on a \(entity.kind)",
                platform: .snapchat, operation: operation)
        }
        let read = try builder.readEntity(.adGroup, id: entity.id, in: account, operation: operation)
        let current = try parser.rawEntity(.adGroup, from: try await transport.send(read), operation: operation)
        let update = try builder.updateBudget(budget, current: current, in: account)
        _ = try parser.entities(.adGroup, from: try await transport.send(update), operation: operation)
    }
}
