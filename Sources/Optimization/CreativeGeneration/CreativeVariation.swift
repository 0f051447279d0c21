import AdPlatformKit
import Foundation
import Trafficking

/// One variation of a creative: its angle, its number, and the creative written for each platform asked for
/// (a Google responsive search ad and a Snapchat top snap take different fields and limits).
public struct CreativeVariation: Sendable, Hashable, Codable {
    /// The idea it tests.
    public var angle: CreativeAngle
    /// Its number, from 1.
    public var number: Int
    /// One creative per platform, each limited to that platform (``CreativeDefinition/platforms``), in the order
    /// the platforms were given.
    public var creatives: [CreativeDefinition]

    /// Creates a variation.
    public init(angle: CreativeAngle, number: Int, creatives: [CreativeDefinition]) {
        self.angle = angle
        self.number = number
        self.creatives = creatives
    }

    /// The creative for a platform.
    public func creative(for platform: PlatformID) -> CreativeDefinition? {
        creatives.first { $0.platforms == [platform] }
    }
}
