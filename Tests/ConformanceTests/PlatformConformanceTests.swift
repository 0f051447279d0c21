import AdPlatformKit
import AdPlatformTesting
import Foundation
import GoogleAds
import MetaAds
import MockPlatforms
import SnapchatAds
import Testing
import TikTokAds

/// Each platform module against its emulator, over real sockets, through the shared conformance suite.
@Suite("Adapters against emulators")
struct PlatformConformanceTests {
    static let transport = AsyncHTTPClientTransport()

    @Test("Meta conforms")
    func meta() async throws {
        try await MockPlatforms.withRunning { mock in
            let platform = MetaAdsPlatform(
                transport: Self.transport,
                configuration: try MetaAdsConfiguration(baseURL: mock.baseURL, apiVersion: "v21.0"))
            let account = AccountContext(
                accountID: "act_1001", currency: .usd, credentials: PlatformCredentials(accessToken: "TEST-TOKEN"),
                settings: ["page_id": "1000000001", "pixel_id": "2000000001"])
            try await PlatformConformanceTest(
                subject: .init(platform: platform, account: account), mock: mock,
                errorCases: [
                    .platformError("17", subcode: "2446079", expect: .rateLimited),
                    .platformError("613", subcode: "1487742", expect: .rateLimited),
                    .platformError("80004", expect: .rateLimited),
                    .platformError("4", expect: .rateLimited),
                    .platformError("190", subcode: "463", expect: .authExpired),
                    .platformError("190", subcode: "460", expect: .authInvalid),
                    .platformError("100", expect: .invalidParameter),
                    .platformError("100", subcode: "33", expect: .notFound),
                    .platformError("2", expect: .transient),
                    .status(500, expect: .transient),
                ]
            ).run()
        }
    }

    @Test("TikTok conforms")
    func tiktok() async throws {
        try await MockPlatforms.withRunning { mock in
            let platform = TikTokAdsPlatform(
                transport: Self.transport, configuration: TikTokAdsConfiguration(baseURL: mock.baseURL))
            let account = AccountContext(
                accountID: "7000000000000000001", currency: .usd,
                credentials: PlatformCredentials(accessToken: "TEST-TOKEN"))
            try await PlatformConformanceTest(
                subject: .init(platform: platform, account: account), mock: mock,
                errorCases: [
                    .platformError("40100", expect: .rateLimited),
                    .platformError("40102", expect: .authExpired),
                    .platformError("40105", expect: .authInvalid),
                    .platformError("40002", expect: .invalidParameter),
                    .platformError("40007", expect: .notFound),
                    .platformError("50000", expect: .transient),
                    .status(503, expect: .transient),
                ]
            ).run()
        }
    }

    @Test("Snapchat conforms")
    func snapchat() async throws {
        try await MockPlatforms.withRunning { mock in
            let platform = SnapchatAdsPlatform(
                transport: Self.transport, configuration: SnapchatAdsConfiguration(baseURL: mock.baseURL))
            let account = AccountContext(
                accountID: "8a1c0f4e-2b7d-4c3a-9e5f-1d2c3b4a5e6f", currency: .usd,
                credentials: PlatformCredentials(accessToken: "TEST-TOKEN"),
                settings: ["profile_id": "5f2e1d0c-3b4a-4c5d-8e9f-0a1b2c3d4e5f"])
            try await PlatformConformanceTest(
                subject: .init(platform: platform, account: account, listPageSize: 50), mock: mock,
                errorCases: [
                    .status(429, expect: .rateLimited, retryAfter: true),
                    .status(401, expect: .authExpired),
                    .status(403, expect: .permissionDenied),
                    .platformError("E3003", status: 404, expect: .notFound),
                    .status(400, expect: .invalidParameter),
                    .status(500, expect: .transient),
                ]
            ).run()
        }
    }

    @Test("Google Ads conforms")
    func google() async throws {
        try await MockPlatforms.withRunning { mock in
            let platform = GoogleAdsPlatform(
                transport: Self.transport, configuration: GoogleAdsConfiguration(baseURL: mock.baseURL))
            let account = AccountContext(
                accountID: "123-456-7890", currency: .usd,
                credentials: PlatformCredentials(accessToken: "ya29.TEST", developerToken: "DEV-TOKEN"),
                settings: ["login_customer_id": "1112223333"])
            try await PlatformConformanceTest(
                subject: .init(platform: platform, account: account, pagesListings: false), mock: mock,
                errorCases: [
                    .platformError("quotaError.RESOURCE_EXHAUSTED", expect: .rateLimited, retryAfter: true),
                    .platformError("authenticationError.OAUTH_TOKEN_EXPIRED", expect: .authExpired),
                    .platformError("authorizationError.USER_PERMISSION_DENIED", expect: .permissionDenied),
                    .platformError("internalError.INTERNAL_ERROR", expect: .transient),
                    .status(503, expect: .transient),
                ]
            ).run()
        }
    }
}
