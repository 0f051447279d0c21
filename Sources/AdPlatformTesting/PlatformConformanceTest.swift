import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

/// The checks every platform module must pass against its emulator, over real sockets.
///
/// A platform module's test target starts the emulators and runs the suite:
///
/// ```swift
/// @Test func metaConforms() async throws {
///     try await MockPlatforms.withRunning { mock in
///         let platform = MetaAdsPlatform(transport: AsyncHTTPClientTransport(),
///                                        configuration: try .init(baseURL: mock.baseURL, apiVersion: "v21.0"))
///         try await PlatformConformanceTest(subject: .init(platform: platform, account: account), mock: mock,
///                                           errorCases: metaErrors).run()
///     }
/// }
/// ```
///
/// It creates the full hierarchy from the sample Disney+ request, reads it back, pages through campaigns,
/// finds entities by their idempotency markers, pauses and resumes them, changes the budget, uploads an image,
/// changes bids and targeting and archives a campaign where the capability data says the platform can (and
/// checks that what it says it cannot is refused before any call), fetches metrics after advancing the
/// emulator's clock, and triggers each mapped error through a fault rule. Failures are recorded as test issues
/// naming the platform and the step.
public struct PlatformConformanceTest: Sendable {
    /// The platform module under test and the account it acts on.
    public struct Subject: Sendable {
        /// The platform, configured to call the emulator.
        public var platform: any ConformingPlatform
        /// The account on the emulator.
        public var account: AccountContext
        /// The page size to list with; platforms with a minimum page size (Snapchat: 50) say so.
        public var listPageSize: Int
        /// Whether listing pages at ``listPageSize`` (Google's search pages are fixed at 10,000 rows).
        public var pagesListings: Bool

        /// Creates a subject.
        public init(
            platform: any ConformingPlatform, account: AccountContext, listPageSize: Int = 2, pagesListings: Bool = true
        ) {
            self.platform = platform
            self.account = account
            self.listPageSize = listPageSize
            self.pagesListings = pagesListings
        }
    }

    /// An error the emulator is made to return through a fault rule, and the code the module must map it to.
    public struct ErrorCase: Sendable, CustomStringConvertible {
        /// The fault rule; its platform and path are filled in by the suite when absent.
        public var fault: FaultRule
        /// The code the module must throw.
        public var expected: AdPlatformError.Code
        /// Whether the error must carry a retry-after.
        public var expectsRetryAfter: Bool

        /// A platform error code (and subcode) with an optional HTTP status.
        public static func platformError(
            _ code: String, subcode: String? = nil, status: Int? = nil, expect: AdPlatformError.Code,
            retryAfter: Bool = false
        ) -> ErrorCase {
            ErrorCase(
                fault: FaultRule(kind: .platformError, status: status, code: code, subcode: subcode, remaining: 1),
                expected: expect, expectsRetryAfter: retryAfter)
        }

        /// A bare HTTP status in the platform's error shape.
        public static func status(_ status: Int, expect: AdPlatformError.Code, retryAfter: Bool = false) -> ErrorCase {
            ErrorCase(
                fault: FaultRule(kind: .status, status: status, remaining: 1),
                expected: expect, expectsRetryAfter: retryAfter)
        }

        /// A dropped connection, which every module must report as `transient`.
        public static let droppedConnection = ErrorCase(
            fault: FaultRule(kind: .drop, remaining: 1),
            expected: .transient, expectsRetryAfter: false)

        /// `kind code/subcode status → expected`.
        public var description: String {
            "\(fault.kind.rawValue) \(fault.code ?? "")\(fault.subcode.map { "/\($0)" } ?? "") \(fault.status.map(String.init) ?? "") → \(expected)"
        }
    }

    /// The module and account.
    public let subject: Subject
    /// The running emulators.
    public let mock: MockPlatforms.Running
    /// The errors to trigger.
    public let errorCases: [ErrorCase]

    /// Creates the suite.
    public init(subject: Subject, mock: MockPlatforms.Running, errorCases: [ErrorCase]) {
        self.subject = subject
        self.mock = mock
        self.errorCases = errorCases
    }

    var platform: any ConformingPlatform { subject.platform }
    var account: AccountContext { subject.account }
    var id: PlatformID { subject.platform.id }

    /// Runs every check in order.
    public func run() async throws {
        let launched = try await launchHierarchy()
        try await readBack(launched)
        try await findByMarker(launched)
        try await listWithPaging(launched)
        try await previews(launched)
        try await pauseAndBudget(launched)
        try await bids(launched)
        try await targeting(launched)
        try await archive(launched)
        try await metrics(launched)
        try await errors()
        try await rateLimit()
    }

    // MARK: - Steps

    /// What ``launchHierarchy()`` created.
    public struct Launched: Sendable {
        /// The plan it followed.
        public var plan: TraffickingPlan
        /// The campaign.
        public var campaign: PlatformEntity
        /// The ad groups, in plan order.
        public var adGroups: [PlatformEntity]
        /// Every entity `createAd` returned, creatives included.
        public var ads: [PlatformEntity]
        /// Uploaded media.
        public var media: [UploadedMedia]
    }

    /// Creates campaign → ad groups → media → ads from the sample request, scheduled from the virtual now.
    public func launchHierarchy() async throws -> Launched {
        var request = try Self.sampleRequest()
        request.schedule = Schedule(
            start: mock.mock.world.now, end: mock.mock.world.now.addingTimeInterval(30 * 86_400))
        let violations = RequestValidator().validate(request, for: [platform]).filter { $0.severity == .hard }
        #expect(violations.isEmpty, "\(id): the sample request must be valid: \(violations)")
        let plan = TraffickingPlan(
            request: request, capabilities: platform.capabilities, scope: "conformance-\(UUID())")
        let campaign = try await platform.createCampaign(plan.campaign, in: account)
        #expect(
            campaign.platform == id && campaign.kind == .campaign && !campaign.id.isEmpty, "\(id): campaign \(campaign)"
        )
        var groups: [String: PlatformEntity] = [:]
        var adGroups: [PlatformEntity] = []
        for spec in plan.adGroups {
            let group = try await platform.createAdGroup(spec, under: campaign, in: account)
            #expect(
                group.kind == .adGroup && group.parentID == campaign.id, "\(id): ad group \(group) under \(campaign.id)"
            )
            groups[spec.key] = group
            adGroups.append(group)
        }
        var media: [UploadedMedia] = []
        let image = try Self.sampleImage()
        let uploaded = try await platform.uploadMedia(
            MediaUpload(
                kind: .image, fileName: "disneyplus-hero.png", contentType: "image/png", data: image, width: 1080,
                height: 1080),
            in: account)
        #expect(!uploaded.reference.isEmpty, "\(id): an uploaded image needs a reference")
        media.append(uploaded)
        var ads: [PlatformEntity] = []
        for planned in plan.ads {
            guard let group = groups[planned.adGroupKey] else { continue }
            var spec = planned.spec
            if platform.capabilities.media.images { spec.media = spec.creative.media.isEmpty ? [] : media }
            let created = try await platform.createAd(spec, under: group, in: account)
            #expect(
                created.last?.kind == .ad && created.last?.parentID == group.id,
                "\(id): ad under \(group.id): \(created)")
            #expect(
                created.count == (platform.capabilities.hierarchy.creativeIsEntity ? 2 : 1),
                "\(id): createAd returned \(created.count) entities")
            ads += created
        }
        #expect(!plan.ads.isEmpty && ads.contains { $0.kind == .ad }, "\(id): the plan has ads for this platform")
        return Launched(plan: plan, campaign: campaign, adGroups: adGroups, ads: ads, media: media)
    }

    /// Reads each created entity back and checks its name and status.
    public func readBack(_ launched: Launched) async throws {
        let campaign = try await platform.readEntity(.campaign, id: launched.campaign.id, in: account)
        #expect(campaign.id == launched.campaign.id, "\(id): read campaign id")
        #expect(
            launched.plan.campaign.marker.isCarried(by: campaign.name), "\(id): read campaign name \(campaign.name)")
        #expect(
            campaign.status == .paused, "\(id): campaigns start paused, read \(String(describing: campaign.status))")
        for group in launched.adGroups {
            let read = try await platform.readEntity(.adGroup, id: group.id, in: account)
            #expect(read.id == group.id && read.name == group.name, "\(id): read ad group \(read)")
        }
        for ad in launched.ads where ad.kind == .ad {
            let read = try await platform.readEntity(.ad, id: ad.id, in: account)
            #expect(read.id == ad.id, "\(id): read ad \(read)")
        }
        await #expect(throws: AdPlatformError.self, "\(id): reading a missing campaign must fail") {
            _ = try await platform.readEntity(.campaign, id: "999999999999", in: account)
        }
    }

    /// Finds the campaign, an ad group and an ad by marker; a fresh marker finds nothing.
    public func findByMarker(_ launched: Launched) async throws {
        let campaign = try await platform.findEntity(
            marked: launched.plan.campaign.marker, kind: .campaign, under: nil, in: account)
        #expect(campaign?.id == launched.campaign.id, "\(id): campaign by marker")
        if let spec = launched.plan.adGroups.first, let group = launched.adGroups.first {
            let found = try await platform.findEntity(
                marked: spec.marker, kind: .adGroup, under: launched.campaign, in: account)
            #expect(found?.id == group.id, "\(id): ad group by marker")
        }
        if let planned = launched.plan.ads.first, let ad = launched.ads.first(where: { $0.kind == .ad }),
            let group = launched.adGroups.first(where: { $0.id == ad.parentID })
        {
            let found = try await platform.findEntity(marked: planned.spec.marker, kind: .ad, under: group, in: account)
            #expect(found?.id == ad.id, "\(id): ad by marker")
        }
        let absent = try await platform.findEntity(
            marked: IdempotencyMarker(scope: "never", step: "created"), kind: .campaign, under: nil, in: account)
        #expect(absent == nil, "\(id): an unused marker finds nothing")
    }

    /// Creates more campaigns and pages through them: every one exactly once.
    public func listWithPaging(_ launched: Launched) async throws {
        var expected: Set<String> = [launched.campaign.id]
        let extra = subject.pagesListings ? subject.listPageSize * 2 : 3
        for index in 0..<extra {
            var spec = launched.plan.campaign
            spec.marker = IdempotencyMarker(scope: "paging-\(UUID())", step: "campaign-\(index)")
            spec.name = spec.marker.apply(to: "Paging \(index)")
            expected.insert(try await platform.createCampaign(spec, in: account).id)
        }
        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let page = try await platform.listEntities(
                .campaign, in: account, pageSize: subject.listPageSize, after: cursor)
            seen += page.entities.map(\.id)
            cursor = page.nextCursor
            pages += 1
        } while cursor != nil && pages < 1_000
        #expect(Set(seen) == expected, "\(id): listed \(seen.count) campaigns, expected \(expected.count)")
        #expect(seen.count == Set(seen).count, "\(id): no campaign listed twice")
        if subject.pagesListings {
            #expect(
                pages >= 3, "\(id): \(expected.count) campaigns at \(subject.listPageSize) a page took \(pages) pages")
        }
    }

    /// Activates and pauses the hierarchy, and changes the budget where it sits.
    public func pauseAndBudget(_ launched: Launched) async throws {
        try await platform.setStatus(.active, of: launched.campaign, in: account)
        #expect(
            try await platform.readEntity(.campaign, id: launched.campaign.id, in: account).status == .active,
            "\(id): campaign active on read")
        try await platform.setStatus(.paused, of: launched.campaign, in: account)
        #expect(
            try await platform.readEntity(.campaign, id: launched.campaign.id, in: account).status == .paused,
            "\(id): campaign paused on read")
        let carrier = platform.capabilities.budget.placement == .campaign ? launched.campaign : launched.adGroups[0]
        let budget = Budget(.daily, Money(minorUnits: 25_000, currency: account.currency))
        try await platform.setBudget(budget, of: carrier, in: account)
        let carrierMicros = Self.budgetMicros(of: carrier, in: mock)
        #expect(
            carrierMicros == 250_000_000,
            "\(id): the emulator holds the new budget (\(String(describing: carrierMicros)) micros)")
    }

    /// Activates everything, advances the clock two days and fetches campaign metrics.
    public func metrics(_ launched: Launched) async throws {
        try await platform.setStatus(.active, of: launched.campaign, in: account)
        for group in launched.adGroups { try await platform.setStatus(.active, of: group, in: account) }
        for ad in launched.ads where ad.kind == .ad { try await platform.setStatus(.active, of: ad, in: account) }
        let start = mock.mock.world.now
        mock.mock.world.advance(by: 2 * 86_400)
        let since = Self.day(start)
        let until = Self.day(mock.mock.world.now)
        let rows = try await platform.fetchMetrics(
            MetricsQuery(level: .campaign, entityIDs: [launched.campaign.id], since: since, until: until), in: account)
        let row = rows.first { $0.entityID == launched.campaign.id }
        #expect(row != nil, "\(id): a metrics row for the campaign")
        guard let row else { return }
        #expect(
            row.impressions > 0 && row.clicks > 0 && row.spend.minorUnits > 0,
            "\(id): delivery after two active days: \(row)")
        #expect(row.clicks <= row.impressions, "\(id): clicks ≤ impressions")
        #expect(row.spend.currency == account.currency, "\(id): spend in the account currency")
        #expect(row.spend.minorUnits <= 3 * 25_000, "\(id): spend \(row.spend) within three days of a 250.00 budget")
    }

    /// Each mapped error, through a one-shot fault rule on the next call.
    public func errors() async throws {
        for errorCase in errorCases + [.droppedConnection] {
            var rule = errorCase.fault
            rule.platform = id.rawValue
            mock.mock.faults.removeAll()
            mock.mock.faults.add(rule)
            do {
                _ = try await platform.listEntities(.campaign, in: account, pageSize: subject.listPageSize, after: nil)
                Issue.record("\(id): \(errorCase) did not throw")
            } catch let error as AdPlatformError {
                #expect(error.code == errorCase.expected, "\(id): \(errorCase) mapped to \(error)")
                if error.code != .transient || errorCase.fault.kind != .drop {
                    #expect(error.platform == id, "\(id): \(errorCase) names the platform: \(error)")
                }
                if errorCase.expectsRetryAfter {
                    #expect(error.retryAfter != nil, "\(id): \(errorCase) carries retry-after: \(error)")
                }
            } catch {
                Issue.record("\(id): \(errorCase) threw a non-platform error: \(error)")
            }
        }
        mock.mock.faults.removeAll()
    }

    /// A spent rate-limit budget surfaces as `rateLimited`.
    public func rateLimit() async throws {
        mock.mock.rateLimits.set(RateLimitBudget(platform: id.rawValue, limit: 1, windowSeconds: 60))
        defer { mock.mock.rateLimits.removeAll() }
        var limited: AdPlatformError?
        for _ in 0..<3 {
            do {
                _ = try await platform.listEntities(.campaign, in: account, pageSize: subject.listPageSize, after: nil)
            } catch let error as AdPlatformError {
                limited = error
                break
            }
        }
        #expect(
            limited?.code == .rateLimited, "\(id): a spent budget is rateLimited, got \(String(describing: limited))")
    }

    // MARK: - Fixtures

    static func budgetMicros(of entity: PlatformEntity, in mock: MockPlatforms.Running) -> Int64? {
        mock.mock.world.snapshot().entities.values.first {
            $0.platform == entity.platform.rawValue && $0.id == entity.id
        }?
        .dailyBudgetMicros
    }

    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// The repository's `docs/examples` folder.
    static let examples: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("docs/examples")
    }()

    /// The sample Disney+ request, valid for all four platforms.
    public static func sampleRequest() throws -> TraffickingRequest {
        try TraffickingRequestDecoder().decode(
            Data(contentsOf: examples.appendingPathComponent("disneyplus-signup.json")))
    }

    /// The sample hero image.
    public static func sampleImage() throws -> Data {
        try Data(contentsOf: examples.appendingPathComponent("media/disneyplus-hero.png"))
    }
}

/// A platform module with every ability the conformance suite exercises. Archiving is optional: platforms whose
/// capability data refuses it need not conform to ``Archiving``.
public typealias ConformingPlatform = AdPlatform & MediaUploading & StatusChanging & BudgetChanging & MetricsFetching
    & MarkedEntityLookup & EntityReading & BidChanging & TargetingChanging
