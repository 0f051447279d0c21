import AdPlatformKit

extension SnapchatRequestBuilder {
    /// `GET /v1/adaccounts/{id}/stats?breakdown=campaign|adsquad|ad&granularity=DAY`: one call for every entity of a
    /// level in the account, by day, where per-entity stats would take a call each.
    public func breakdownStats(
        level: EntityKind, since: String, until: String, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let breakdown = try Self.breakdown(level)
        let window = try statsWindow(since: since, until: until)
        return try request(
            .get, path: path("adaccounts", account.accountID, "stats"),
            query: [
                ("granularity", "DAY"), ("breakdown", breakdown),
                ("fields", SnapchatStatTotals.fields.joined(separator: ",")),
                ("start_time", window.start), ("end_time", window.end),
            ], account: account, operation: "fetchMetrics")
    }

    /// Snap's breakdown name of a level.
    static func breakdown(_ level: EntityKind) throws(AdPlatformError) -> String {
        switch level {
        case .campaign: return "campaign"
        case .adGroup: return "adsquad"
        case .ad: return "ad"
        default:
            throw AdPlatformError(
                code: .unsupported, message: "Snapchat reports stats for campaigns, ad squads and ads, not \(level)",
                platform: .snapchat, operation: "fetchMetrics", fieldPath: "level")
        }
    }
}
