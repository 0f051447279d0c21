import Foundation
import NIOConcurrencyHelpers

/// The bytes of images uploaded to the emulators, by platform and MD5, so that their preview pages can show the
/// image from the emulator itself (`GET /_mock/media/{platform}/{md5}`).
///
/// The URLs the APIs answer for an upload are the platforms' CDNs (`scontent.xx.fbcdn.net`,
/// `p16-sign-sg.tiktokcdn.com`), as the real APIs' are; a browser showing a preview offline must never be sent there.
/// The bytes are kept out of ``WorldState`` so that snapshots stay small; a full reset empties them.
public final class EmulatorMedia: Sendable {
    private let box = NIOLockedValueBox<[String: Data]>([:])

    /// An empty store.
    public init() {}

    /// Keeps an upload's bytes; the same bytes uploaded again replace themselves.
    public func store(_ data: Data, platform: String, md5: String) {
        box.withLockedValue { $0[Self.key(platform, md5)] = data }
    }

    /// The bytes uploaded with this MD5, or `nil`.
    public func data(platform: String, md5: String) -> Data? {
        box.withLockedValue { $0[Self.key(platform, md5)] }
    }

    /// Forgets every upload.
    public func removeAll() { box.withLockedValue { $0.removeAll() } }

    /// The path the control plane serves an upload at; preview pages link it relative to the emulator.
    public static func path(platform: String, md5: String) -> String { "/_mock/media/\(platform)/\(md5)" }

    /// The `Content-Type` of image bytes, from their header (``ImageProbe``).
    static func contentType(of data: Data) -> String {
        ImageProbe.inspect(data).map { "image/\($0.format)" } ?? "application/octet-stream"
    }

    private static func key(_ platform: String, _ md5: String) -> String { platform + "/" + md5.lowercased() }
}
