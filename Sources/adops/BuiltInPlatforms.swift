import AdPlatformKit
import Foundation
import GoogleAds
import MetaAds
import SnapchatAds
import TikTokAds

/// The registry of the four platform modules this executable ships.
enum BuiltInPlatforms {
    /// The modules on a transport, each at its production base URL unless `baseURLs` names another (an emulator).
    static func registry(
        transport: any HTTPTransport = AsyncHTTPClientTransport(), baseURLs: [PlatformID: URL] = [:]
    ) throws -> PlatformRegistry {
        let meta = try baseURLs[.meta].map { try MetaAdsConfiguration(baseURL: $0) } ?? MetaAdsConfiguration()
        return PlatformRegistry([
            MetaAdsPlatform(transport: transport, configuration: meta),
            TikTokAdsPlatform(
                transport: transport,
                configuration: baseURLs[.tiktok].map { TikTokAdsConfiguration(baseURL: $0) } ?? TikTokAdsConfiguration()
            ),
            SnapchatAdsPlatform(
                transport: transport,
                configuration: baseURLs[.snapchat].map { SnapchatAdsConfiguration(baseURL: $0) }
                    ?? SnapchatAdsConfiguration()),
            GoogleAdsPlatform(
                transport: transport,
                configuration: baseURLs[.google].map { GoogleAdsConfiguration(baseURL: $0) } ?? GoogleAdsConfiguration()
            ),
        ])
    }

    /// Every platform id the registry knows, in the order people know them.
    static func ordered(_ platforms: [any AdPlatform]) -> [any AdPlatform] {
        platforms.sorted { lhs, rhs in
            let order = PlatformID.builtIn
            let left = order.firstIndex(of: lhs.id) ?? order.count
            let right = order.firstIndex(of: rhs.id) ?? order.count
            return left == right ? lhs.id < rhs.id : left < right
        }
    }
}
