import AdPlatformKit

/// Names the platform a ``FakePlatform`` stands in for; `AdPlatform.id` is static, so each id needs a type.
protocol FakePlatformTag: Sendable {
    /// The platform id.
    static var id: PlatformID { get }
}

/// Tags the fake Meta module.
enum FakeMeta: FakePlatformTag {
    static let id: PlatformID = .meta
}

/// Tags the fake TikTok module.
enum FakeTikTok: FakePlatformTag {
    static let id: PlatformID = .tiktok
}

/// A platform module for API tests: permissive capabilities except a hard 40-character headline limit, so a test
/// can trigger a platform violation. The server never calls a platform (the worker does), so the create calls
/// only record that they should not have been reached.
struct FakePlatform<Tag: FakePlatformTag>: AdPlatform {
    static var id: PlatformID { Tag.id }

    /// The longest headline accepted.
    static var headlineLimit: Int { 40 }

    var capabilities: PlatformCapabilities {
        PlatformCapabilities(
            platform: Self.id, displayName: "Fake \(Self.id)",
            hierarchy: EntityHierarchy([.init(.campaign, "campaign"), .init(.adGroup, "ad group"), .init(.ad, "ad")]),
            textLimits: [
                TextLimit(.headline, platformField: "headline", maximum: Self.headlineLimit, enforcement: .hard)
            ],
            headlines: CountLimit(minimum: 1, maximum: 5), descriptions: CountLimit(minimum: 0, maximum: 5),
            media: MediaSupport(images: true, videos: true, required: false, placement: "fake feed"),
            objectives: Dictionary(uniqueKeysWithValues: Objective.allCases.map { ($0, $0.rawValue) }),
            callToActions: Dictionary(uniqueKeysWithValues: CallToAction.allCases.map { ($0, $0.rawValue) }),
            budget: BudgetRules(unit: .micros, placement: .campaign, dailyMinimumMicros: nil, minimumSource: "none"))
    }

    func createCampaign(_ spec: CampaignSpec, in account: AccountContext) async throws -> PlatformEntity {
        throw AdPlatformError(code: .unsupported, message: "the API must not call platforms")
    }

    func createAdGroup(
        _ spec: AdGroupSpec, under campaign: PlatformEntity, in account: AccountContext
    ) async throws -> PlatformEntity {
        throw AdPlatformError(code: .unsupported, message: "the API must not call platforms")
    }

    func createAd(
        _ spec: AdSpec, under adGroup: PlatformEntity, in account: AccountContext
    ) async throws
        -> [PlatformEntity]
    {
        throw AdPlatformError(code: .unsupported, message: "the API must not call platforms")
    }
}

/// The fake modules report metrics, so the API queues sync runs for their accounts; the server never reads them
/// (the sync service does).
extension FakePlatform: MetricsFetching {
    func fetchMetrics(_ query: MetricsQuery, in account: AccountContext) async throws -> [MetricRow] {
        throw AdPlatformError(code: .unsupported, message: "the API must not call platforms")
    }
}
