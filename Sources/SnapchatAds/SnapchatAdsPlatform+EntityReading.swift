import AdPlatformKit

extension SnapchatAdsPlatform {
    /// Reads a campaign, ad squad, media, creative or ad by id, with the budget it holds; Snap's E3003 or 404
    /// becomes `notFound`.
    public func readEntity(_ kind: EntityKind, id: String, in account: AccountContext) async throws -> PlatformEntity {
        let request = try builder.readEntity(kind, id: id, in: account)
        var entity = try parser.entity(kind, from: try await transport.send(request), operation: "readEntity")
        entity.budget = Self.budget(of: entity, currency: account.currency)
        return entity
    }

    /// Lists a kind in the account with Snap's paging. `pageSize` is clamped to Snap's 50–1000; the cursor is
    /// the `cursor` parameter of Snap's `next_link` (or the whole link when it has none).
    public func listEntities(
        _ kind: EntityKind, in account: AccountContext, pageSize: Int, after cursor: String?
    )
        async throws -> EntityPage
    {
        let request = try builder.listEntities(kind, in: account, pageSize: pageSize, after: cursor)
        var page = try parser.page(kind, from: try await transport.send(request), operation: "listEntities")
        for index in page.entities.indices {
            page.entities[index].budget = Self.budget(of: page.entities[index], currency: account.currency)
        }
        return page
    }

    /// The budget a campaign or ad squad holds, from micros: `daily_budget_micro`, else an ad squad's
    /// `lifetime_budget_micro` or a campaign's `lifetime_spend_cap_micro`; `nil` when none is above zero.
    static func budget(of entity: PlatformEntity, currency: Currency) -> Budget? {
        let fields: [(String, Budget.Period)] = [
            ("daily_budget_micro", .daily), ("lifetime_budget_micro", .lifetime),
            ("lifetime_spend_cap_micro", .lifetime),
        ]
        for (field, period) in fields {
            if let micros = entity.attributes[field].flatMap({ Int64($0) }), micros > 0 {
                return Budget(period, Money.rounding(micros: micros, currency: currency))
            }
        }
        return nil
    }
}
