import AdPlatformKit
import Trafficking

/// The four ad accounts the demo registers: one per platform, with the settings each platform module needs, and
/// placeholder tokens the emulators accept.
enum DemoAccounts {
    static let all: [NewAdAccount] = [
        NewAdAccount(
            platform: .meta, platformAccountID: "act_1001", name: "Demo — Meta US", currency: .usd,
            ownerTeam: "growth", settings: ["page_id": "1000000001", "pixel_id": "2000000001"],
            credentials: PlatformCredentials(accessToken: "demo-meta-token")),
        NewAdAccount(
            platform: .tiktok, platformAccountID: "7000000000000000001", name: "Demo — TikTok US", currency: .usd,
            ownerTeam: "growth", credentials: PlatformCredentials(accessToken: "demo-tiktok-token")),
        NewAdAccount(
            platform: .snapchat, platformAccountID: "8a1c0f4e-2b7d-4c3a-9e5f-1d2c3b4a5e6f", name: "Demo — Snapchat US",
            currency: .usd, ownerTeam: "growth", settings: ["profile_id": "5f2e1d0c-3b4a-4c5d-8e9f-0a1b2c3d4e5f"],
            credentials: PlatformCredentials(accessToken: "demo-snapchat-token")),
        NewAdAccount(
            platform: .google, platformAccountID: "1234567890", name: "Demo — Google Ads US", currency: .usd,
            ownerTeam: "growth", settings: ["login_customer_id": "1112223334"],
            credentials: PlatformCredentials(accessToken: "demo-google-token", developerToken: "demo-developer-token")),
    ]
}
