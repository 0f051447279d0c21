import AdPlatformKit
import Foundation
import Trafficking

/// Why a generator could not write a valid variation.
public struct CreativeGenerationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: String, Sendable, Hashable {
        /// The platform needs media and the brief has none of a kind it shows.
        case noUsableMedia
        /// The brief lacks a required line.
        case incompleteBrief
        /// A written creative broke a platform rule: a bug in the generator, reported rather than returned.
        case invalidCreative
    }

    /// What went wrong.
    public var kind: Kind
    /// The platform concerned, if one.
    public var platform: PlatformID?
    /// A sentence for a person.
    public var message: String
    /// The violations, for ``Kind/invalidCreative``.
    public var violations: [Violation]

    /// Creates an error.
    public init(_ kind: Kind, platform: PlatformID? = nil, _ message: String, violations: [Violation] = []) {
        self.kind = kind
        self.platform = platform
        self.message = message
        self.violations = violations
    }

    /// The message.
    public var description: String { message }
}
