import Foundation

/// Which previews a platform renders itself, as data: its preview formats, how long a preview link lasts, and a
/// note. A platform with no formats has no usable preview API, and its previews are rendered locally.
public struct PreviewCapabilities: Sendable, Hashable, Codable {
    /// The formats the platform's preview API renders; empty when previews are rendered locally.
    public var formats: [PreviewFormat]
    /// How long a preview link keeps working, where the platform documents it (TikTok: 30 days).
    public var linkLifetime: TimeInterval?
    /// Where the facts come from, or why previews are rendered locally.
    public var note: String

    /// Creates preview capabilities.
    public init(formats: [PreviewFormat], linkLifetime: TimeInterval? = nil, note: String) {
        self.formats = formats
        self.linkLifetime = linkLifetime
        self.note = note
    }

    /// Whether the platform renders its own previews.
    public var hasPreviewAPI: Bool { !formats.isEmpty }

    /// The format with a platform value, if the platform offers it.
    public func format(_ value: String) -> PreviewFormat? { formats.first { $0.value == value } }

    /// The formats a preview call renders: every offered format when `requested` is empty, else `requested` in
    /// its order, each checked by its value. A format the platform does not offer throws `unsupported` naming
    /// `formats[i]`.
    public func resolve(
        _ requested: [PreviewFormat], platform: PlatformID, operation: String
    ) throws(AdPlatformError) -> [PreviewFormat] {
        guard !requested.isEmpty else { return formats }
        var resolved: [PreviewFormat] = []
        for (index, wanted) in requested.enumerated() {
            guard let offered = format(wanted.value) else {
                let known = formats.map(\.value).joined(separator: ", ")
                throw AdPlatformError(
                    code: .unsupported,
                    message: "\(platform) offers no '\(wanted.value)' preview; it offers: "
                        + (known.isEmpty ? "none (previews are rendered locally)" : known),
                    platform: platform, operation: operation, fieldPath: "formats[\(index)]")
            }
            resolved.append(offered)
        }
        return resolved
    }

    /// A platform without a usable preview API: previews are rendered locally, for the reason given.
    public static func renderedLocally(_ reason: String) -> PreviewCapabilities {
        PreviewCapabilities(formats: [], note: reason)
    }
}
