import Crypto
import Foundation

/// A short tag carried in an entity's name so the entity can be found again after a crash.
///
/// The marker is derived from a scope (the job) and a step key, so the same step always carries the same
/// marker. It is appended to the name as ` [ao-1a2b3c4d5e]`; lookups search names for the tag.
public struct IdempotencyMarker: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The tag, e.g. `ao-1a2b3c4d5e`.
    public let value: String

    /// The number of characters ``apply(to:)`` adds to a name.
    public static let suffixLength = 16

    /// Derives the marker for a step of a job.
    public init(scope: String, step: String) {
        let digest = SHA256.hash(data: Data("\(scope)/\(step)".utf8))
        value = "ao-\(ContentDigest.hex(digest.prefix(5)))"
    }

    /// Wraps an existing tag, e.g. one read back from a platform.
    public init(value: String) { self.value = value }

    /// The name with the tag appended: `Winter launch [ao-1a2b3c4d5e]`.
    public func apply(to name: String) -> String { "\(name) [\(value)]" }

    /// Whether a name carries this tag.
    public func isCarried(by name: String) -> Bool { name.contains("[\(value)]") }

    /// The tag.
    public var description: String { value }
}
