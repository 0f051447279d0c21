import AdPlatformKit
import Foundation

extension SnapchatRequestBuilder {
    /// The update that sets an entity's status: the entity as just read from Snap with `status` replaced, put
    /// back to its collection.
    ///
    /// Snap's `PUT` is documented for whole entities, and third-party clients report that omitted fields are
    /// reset, so the module never sends a partial entity. Only campaigns, ad squads and ads have a status;
    /// `removed` is ``deleteEntity(_:id:in:)``.
    public func updateStatus(
        _ status: DeliveryStatus, of kind: EntityKind, current: [String: JSONValue], in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "setStatus"
        let collection = try statusCollection(kind)
        var entity = current
        entity["status"] = try statusValue(status, operation: operation)
        return try update(collection, entity: entity, in: account, operation: operation)
    }

    /// The update that sets an ad squad's budget: the squad as just read with `daily_budget_micro` or
    /// `lifetime_budget_micro` set and the other removed, since Snap takes exactly one.
    public func updateBudget(
        _ budget: Budget, current: [String: JSONValue], in account: AccountContext
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let operation = "setBudget"
        var entity = current
        entity["daily_budget_micro"] = nil
        entity["lifetime_budget_micro"] = nil
        entity[Self.budgetKey(budget.period)] = try platformAmount(
            budget.amount, field: "budget.amount", account: account, operation: operation)
        return try update(.adSquads, entity: entity, in: account, operation: operation)
    }

    /// `DELETE /v1/{campaigns|adsquads|ads}/{id}`, which is how Snap removes an entity.
    public func deleteEntity(
        _ kind: EntityKind, id: String, in account: AccountContext
    ) throws(AdPlatformError)
        -> PlatformHTTPRequest
    {
        let collection = try statusCollection(kind)
        return try request(.delete, path: path(collection.pluralKey, id), account: account, operation: "setStatus")
    }

    /// The collections whose entities have a status; others throw `unsupported`.
    func statusCollection(_ kind: EntityKind) throws(AdPlatformError) -> SnapchatEntityCollection {
        guard let collection = SnapchatEntityCollection(kind), [.campaigns, .adSquads, .ads].contains(collection) else {
            throw AdPlatformError(
                code: .unsupported, message: "Snapchat \(kind) entities have no status to change",
                platform: .snapchat, operation: "setStatus")
        }
        return collection
    }

    /// `PUT` to the collection an entity was created in: campaigns under the account, ad squads under their
    /// campaign, ads under their squad.
    func update(
        _ collection: SnapchatEntityCollection, entity: [String: JSONValue], in account: AccountContext,
        operation: String
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let collectionPath: String
        switch collection {
        case .campaigns, .media, .creatives:
            collectionPath = path("adaccounts", account.accountID, collection.pluralKey)
        case .adSquads, .ads:
            guard let parentID = entity[collection.parentKey]?.scalarText, !parentID.isEmpty else {
                throw AdPlatformError(
                    code: .malformedResponse,
                    message:
                        "the \(collection.singularKey) Snap returned has no \(collection.parentKey) to update it under",
                    platform: .snapchat, operation: operation)
            }
            collectionPath = path(collection == .adSquads ? "campaigns" : "adsquads", parentID, collection.pluralKey)
        }
        return try request(
            .put, path: collectionPath, json: [collection.pluralKey: [.object(entity)]], account: account,
            operation: operation)
    }
}
