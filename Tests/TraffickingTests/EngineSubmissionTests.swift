import AdPlatformKit
import AdPlatformTesting
import Foundation
import GoogleAds
import MetaAds
import Testing
import Trafficking

/// What the engine refuses before storing anything, and what it stores when it accepts.
@Suite("Engine submission")
struct EngineSubmissionTests {
    let store: SQLiteTraffickingStore
    let engine: TraffickingEngine

    init() throws {
        store = try SQLiteTraffickingStore.inMemory(
            cipher: CredentialCipher(key: CredentialCipher.generateKey()), clock: .starting(at: StoreFixtures.epoch))
        let transport = ScriptedTransport()
        engine = TraffickingEngine(
            store: store,
            registry: PlatformRegistry(
                transport: transport,
                [
                    RegisteredPlatform { MetaAdsPlatform(transport: $0) },
                    RegisteredPlatform { GoogleAdsPlatform(transport: $0) },
                ]))
    }

    static func request(currency: Currency = .usd, headline: String = "Stream it") throws -> TraffickingRequest {
        let json = """
            {"name": "Winter", "objective": "traffic", "budget": {"period": "daily", "amount": "50.00",
              "currency": "\(currency.code)"},
             "schedule": {"start": "2026-12-01T00:00:00Z"}, "targeting": {"countries": ["US"]},
             "adGroups": [{"key": "all", "name": "Everyone"}],
             "creatives": [{"key": "c", "name": "C", "headlines": ["Stream it this winter"], "descriptions": ["Sign up today"],
               "primaryText": "Watch now", "landingURL": "https://example.com/", "platforms": ["meta"],
               "media": [{"kind": "image", "source": "data:image/png;base64,iVBORw0KGgo="}]},
              {"key": "search", "name": "Search", "headlines": ["\(headline)", "Sign up today", "Plans for all"],
               "descriptions": ["Stream every night.", "Cancel anytime."], "landingURL": "https://example.com/",
               "platforms": ["google"]}],
             "ads": [{"name": "Ad", "adGroup": "all", "creative": "c"},
                     {"name": "Search ad", "adGroup": "all", "creative": "search"}]}
            """
        return try TraffickingRequestDecoder().decode(Data(json.utf8))
    }

    func account(
        _ platform: PlatformID, currency: Currency = .usd, status: AdAccountStatus = .active
    ) async throws
        -> AdAccount
    {
        try await store.createAccount(
            NewAdAccount(
                platform: platform, platformAccountID: platform == .meta ? "act_1" : "1234567890", name: "\(platform)",
                currency: currency, status: status, settings: ["page_id": "1"],
                credentials: PlatformCredentials(accessToken: "secret-token", developerToken: "dev")))
    }

    @Test("an accepted request is stored as one PENDING job per account, sharing a batch, media stored")
    func accepted() async throws {
        let meta = try await account(.meta)
        let google = try await account(.google)
        let jobs = try await engine.submit(try Self.request(), accounts: [meta.id, google.id])
        #expect(jobs.map(\.platform) == [.meta, .google])
        #expect(jobs.allSatisfy { $0.status == .pending && $0.batchID == jobs[0].batchID })
        let source = try #require(jobs[0].request.creatives[0].media.first?.source)
        #expect(source.hasPrefix(StoredMedia.sourcePrefix))
        #expect(try await store.media(digest: String(source.dropFirst(StoredMedia.sourcePrefix.count))) != nil)
    }

    @Test("an unknown or deleted account is refused as accountNotFound, naming the field")
    func unknownAccount() async throws {
        let meta = try await account(.meta)
        _ = try await store.deleteAccount(meta.id)
        let error = await #expect(throws: SubmissionError.self) {
            try await engine.submit(try Self.request(), accounts: [UUID(), meta.id])
        }
        #expect(error?.kind == .accountNotFound)
        #expect(error?.violations.first?.fieldPath == "accounts[0]")
    }

    @Test("an account of another platform than expected is refused")
    func platformMismatch() async throws {
        let google = try await account(.google)
        let error = await #expect(throws: SubmissionError.self) {
            try await engine.submit(try Self.request(), accounts: [google.id], expecting: .meta)
        }
        #expect(error?.kind == .accountPlatformMismatch)
    }

    @Test("an inactive account is refused")
    func inactiveAccount() async throws {
        let meta = try await account(.meta, status: .requiresReauth)
        let error = await #expect(throws: SubmissionError.self) {
            try await engine.submit(try Self.request(), accounts: [meta.id])
        }
        #expect(error?.kind == .accountUnavailable)
        #expect(error?.message.contains("REQUIRES_REAUTH") == true)
    }

    @Test("platform rule violations and a currency mismatch are all listed, and nothing is stored")
    func violations() async throws {
        let meta = try await account(.meta, currency: .eur)
        let google = try await account(.google)
        let error = await #expect(throws: SubmissionError.self) {
            try await engine.submit(
                try Self.request(headline: String(repeating: "x", count: 60)), accounts: [meta.id, google.id])
        }
        #expect(error?.kind == .invalidRequest)
        let fields = Set(error?.violations.map(\.fieldPath) ?? [])
        #expect(fields.contains("budget.amount.currency"))
        #expect(fields.contains("creatives[1].headlines[0]"))
        #expect(try await store.jobs(status: nil, page: PageRequest()).total == 0)
    }

    @Test("file media are refused where files are not allowed, and read where they are")
    func fileMedia() async throws {
        let meta = try await account(.meta)
        var request = try Self.request()
        request.creatives[0].media[0].source = "hero.png"
        let error = await #expect(throws: SubmissionError.self) {
            try await engine.submit(request, accounts: [meta.id])
        }
        #expect(error?.kind == .invalidMedia)
        #expect(error?.violations.first?.fieldPath == "creatives[0].media[0].source")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: folder.appendingPathComponent("hero.png"))
        let jobs = try await engine.submit(request, accounts: [meta.id], media: .filesRelativeTo(folder))
        #expect(jobs[0].request.creatives[0].media[0].source.hasPrefix(StoredMedia.sourcePrefix))
    }
}
