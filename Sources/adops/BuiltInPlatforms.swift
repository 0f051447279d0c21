import AdPlatformKit
import GoogleAds
import MetaAds
import SnapchatAds
import TikTokAds

/// The registry of the four platform modules this executable ships, on the production transport.
enum BuiltInPlatforms {
    static func registry(transport: any HTTPTransport = AsyncHTTPClientTransport()) -> PlatformRegistry {
        PlatformRegistry([
            MetaAdsPlatform(transport: transport),
            TikTokAdsPlatform(transport: transport),
            SnapchatAdsPlatform(transport: transport),
            GoogleAdsPlatform(transport: transport),
        ])
    }

    /// Platforms in the order people know them: Meta, TikTok, Snapchat, Google, then any others by id.
    static func ordered(_ platforms: [any AdPlatform]) -> [any AdPlatform] {
        platforms.sorted { lhs, rhs in
            let order = PlatformID.builtIn
            let left = order.firstIndex(of: lhs.id) ?? order.count
            let right = order.firstIndex(of: rhs.id) ?? order.count
            return left == right ? lhs.id < rhs.id : left < right
        }
    }
}
