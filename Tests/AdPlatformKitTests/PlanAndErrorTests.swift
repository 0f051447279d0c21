import AdPlatformKit
import AdPlatformTesting
import Foundation
import Testing

@Suite("Plans, markers, errors, registry")
struct PlanAndErrorTests {
    @Test("markers are stable per step, differ between steps and jobs, and round-trip through names")
    func markers() {
        let marker = IdempotencyMarker(scope: "job-1", step: "campaign")
        #expect(marker == IdempotencyMarker(scope: "job-1", step: "campaign"))
        #expect(marker != IdempotencyMarker(scope: "job-2", step: "campaign"))
        #expect(marker != IdempotencyMarker(scope: "job-1", step: "adGroup/g0"))
        let name = marker.apply(to: "Winter launch")
        #expect(name.count == "Winter launch".count + IdempotencyMarker.suffixLength)
        #expect(marker.isCarried(by: name))
        #expect(!IdempotencyMarker(scope: "job-1", step: "other").isCarried(by: name))
    }

    @Test("a plan places budgets where the platform carries them and tags landing URLs")
    func plan() throws {
        var request = TestCapabilities.request(
            budget: Budget(.daily, Money(minorUnits: 10_000, currency: .usd)), groups: 3)
        request.adGroups[0].budget = Budget(.daily, Money(minorUnits: 4_000, currency: .usd))
        let social = TraffickingPlan(request: request, capabilities: TestCapabilities.social, scope: "job-9")
        #expect(social.campaign.budget == nil)
        #expect(social.adGroups.map { $0.budget?.amount.minorUnits } == [4_000, 3_000, 3_000])
        #expect(social.ads.count == 3)
        let ad = try #require(social.ads.first)
        #expect(ad.spec.landingURL.contains("utm_source=socialads"))
        #expect(ad.spec.landingURL.contains("utm_content=g0_c"))
        #expect(ad.spec.marker.isCarried(by: ad.spec.name))
        let search = TraffickingPlan(request: request, capabilities: TestCapabilities.search, scope: "job-9")
        #expect(search.campaign.budget?.amount.minorUnits == 10_000)
        #expect(search.adGroups.allSatisfy { $0.budget == nil })
        #expect(search.campaign.marker == social.campaign.marker)
    }

    @Test(
        "the engine's decision follows the code alone",
        arguments: [
            (AdPlatformError.Code.rateLimited, AdPlatformError.Disposition.retry), (.transient, .retry),
            (.authExpired, .refreshCredentials), (.authInvalid, .fail), (.invalidParameter, .fail),
            (.budgetTooLow, .fail), (.notFound, .fail), (.duplicate, .fail), (.permanent, .fail),
        ])
    func disposition(code: AdPlatformError.Code, expected: AdPlatformError.Disposition) {
        #expect(AdPlatformError(code: code, message: "m").disposition == expected)
    }

    @Test("error descriptions carry the platform's code and the field")
    func errorDescription() {
        let error = AdPlatformError(
            code: .invalidParameter, message: "The required field was not present.", platform: .google,
            operation: "createCampaign", httpStatus: 400, platformCode: "fieldError.REQUIRED",
            fieldPath: "operations[0].create.name")
        #expect(
            error.description
                == "invalidParameter platform=google operation=createCampaign http=400 platformCode=fieldError.REQUIRED field=operations[0].create.name: The required field was not present."
        )
    }

    @Test(
        "decoding errors name the field and say why",
        arguments: [
            (#"{"name":"x"#, ""), (#"{"name":"x"}"#, "objective"),
        ])
    func decodingPaths(json: String, path: String) {
        #expect(throws: RequestDecodingError.self) { try TraffickingRequestDecoder().decode(Data(json.utf8)) }
        do {
            _ = try TraffickingRequestDecoder().decode(Data(json.utf8))
        } catch {
            #expect(error.fieldPath == path)
        }
    }

    @Test("unknown enum values and currencies list what is accepted")
    func unknownValues() throws {
        let base = try String(contentsOf: try #require(Self.sampleURL), encoding: .utf8)
        let cases: [(String, String, String)] = [
            (#""objective": "conversions""#, #""objective": "signups""#, "objective"),
            (#""currency": "USD""#, #""currency": "USX""#, "budget.currency"),
            (#""callToAction": "signUp""#, #""callToAction": "joinNow""#, "creatives[0].callToAction"),
        ]
        for (original, replacement, path) in cases {
            let broken = base.replacingOccurrences(of: original, with: replacement)
            do {
                _ = try TraffickingRequestDecoder().decode(Data(broken.utf8))
                Issue.record("expected \(path) to fail")
            } catch {
                #expect(error.fieldPath == path)
                #expect(error.message.contains("expected"))
            }
        }
    }

    static let sampleURL: URL? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("docs/examples/disneyplus-signup.json")
    }()

    @Test("the registry finds platforms by id and names the known ones on a miss")
    func registry() throws {
        let registry = PlatformRegistry(transport: ScriptedTransport(), [RegisteredPlatform { _ in FakePlatform() }])
        #expect(registry.ids == ["fake"])
        #expect(try registry.registered("fake").capabilities.displayName == "SearchAds")
        #expect(throws: AdPlatformError.self) { try registry.registered("myspace") }
        #expect(throws: AdPlatformError.self) {
            try registry.platform("myspace", through: ClientPipeline(rateLimit: .unlimited))
        }
        do {
            _ = try registry.platforms(named: "fake, myspace")
        } catch {
            #expect(error.message == "unknown platform 'myspace'; known platforms: fake")
        }
    }
}

struct FakePlatform: AdPlatform {
    static let id: PlatformID = "fake"
    var capabilities: PlatformCapabilities { TestCapabilities.search }
    func createCampaign(_ spec: CampaignSpec, in account: AccountContext) async throws -> PlatformEntity {
        PlatformEntity(platform: Self.id, kind: .campaign, id: "1", name: spec.name)
    }
    func createAdGroup(
        _ spec: AdGroupSpec, under campaign: PlatformEntity, in account: AccountContext
    ) async throws
        -> PlatformEntity
    { PlatformEntity(platform: Self.id, kind: .adGroup, id: "2", name: spec.name, parentID: campaign.id) }
    func createAd(
        _ spec: AdSpec, under adGroup: PlatformEntity, in account: AccountContext
    ) async throws
        -> [PlatformEntity]
    { [PlatformEntity(platform: Self.id, kind: .ad, id: "3", name: spec.name, parentID: adGroup.id)] }
}
