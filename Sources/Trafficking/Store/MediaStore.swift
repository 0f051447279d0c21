import AdPlatformKit
import Foundation

/// Media bytes, stored once per content, that requests refer to.
public protocol MediaStore: Sendable {
    /// Stores media bytes once per content; returns the stored value whose ``StoredMedia/source`` requests use.
    func storeMedia(_ data: Data, contentType: String) async throws -> StoredMedia
    /// Stored media by digest, or `nil`.
    func media(digest: String) async throws -> StoredMedia?
}
