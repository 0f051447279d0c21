import AdPlatformKit
import Foundation
import GoogleAds
import MetaAds
import SnapchatAds
import TikTokAds

/// The registry of the four platform modules this executable ships.
enum BuiltInPlatforms {
    /// The modules on a transport, each at its production base URL unless `baseURLs` names another (an emulator).
    /// Their calls go through the pipeline each unit of work asks the registry with.
    static func registry(
        transport: any HTTPTransport = AsyncHTTPClientTransport(), baseURLs: [PlatformID: URL] = [:]
    ) throws -> PlatformRegistry {
        let meta = try baseURLs[.meta].map { try MetaAdsConfiguration(baseURL: $0) } ?? MetaAdsConfiguration()
        let tiktok = baseURLs[.tiktok].map { TikTokAdsConfiguration(baseURL: $0) } ?? TikTokAdsConfiguration()
        let snapchat = baseURLs[.snapchat].map { SnapchatAdsConfiguration(baseURL: $0) } ?? SnapchatAdsConfiguration()
        let google = baseURLs[.google].map { GoogleAdsConfiguration(baseURL: $0) } ?? GoogleAdsConfiguration()
        return PlatformRegistry(
            transport: transport,
            [
                RegisteredPlatform { MetaAdsPlatform(transport: $0, configuration: meta) },
                RegisteredPlatform { TikTokAdsPlatform(transport: $0, configuration: tiktok) },
                RegisteredPlatform { SnapchatAdsPlatform(transport: $0, configuration: snapchat) },
                RegisteredPlatform { GoogleAdsPlatform(transport: $0, configuration: google) },
            ])
    }

    /// Every platform id the registry knows, in the order people know them.
    static func ordered(_ platforms: [RegisteredPlatform]) -> [RegisteredPlatform] {
        platforms.sorted { lhs, rhs in
            let order = PlatformID.builtIn
            let left = order.firstIndex(of: lhs.id) ?? order.count
            let right = order.firstIndex(of: rhs.id) ?? order.count
            return left == right ? lhs.id < rhs.id : left < right
        }
    }
}
