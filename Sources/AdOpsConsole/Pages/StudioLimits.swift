import AdPlatformKit
import Foundation

/// `GET /studio/limits`: every registered platform's text limits and how it measures length, as its capability
/// data says, so the page's counters follow each keystroke without a round trip. The authoritative word stays
/// `POST /studio/check`'s.
struct StudioLimits: Encodable, Sendable {
    /// One platform.
    struct Platform: Encodable, Sendable {
        /// The id.
        var platform: String
        /// The name people know.
        var displayName: String
        /// The text limits, each with the inputs it applies to.
        var fields: [Field]
        /// How many headlines an ad takes.
        var headlines: Range
        /// How many descriptions an ad takes.
        var descriptions: Range
        /// Whether the ad has a call-to-action button.
        var usesCallToAction: Bool
        /// Whether the platform renders its own previews.
        var hasPreviewAPI: Bool
        /// The preview capabilities' note: where the facts come from, or why previews are rendered locally.
        var previewNote: String
        /// The preview formats, by value and label.
        var previewFormats: [String]
    }

    /// One text limit.
    struct Field: Encodable, Sendable {
        /// The generic field, e.g. `headline`.
        var field: String
        /// The form inputs it measures.
        var inputs: [String]
        /// The platform's own field name.
        var platformField: String
        /// The least length.
        var minimum: Int
        /// The greatest length.
        var maximum: Int
        /// `hard` or `recommended`.
        var enforcement: String
        /// `characters` or `cjkAsTwo`.
        var counting: String
    }

    /// A count range.
    struct Range: Encodable, Sendable {
        /// The least.
        var minimum: Int
        /// The most.
        var maximum: Int
    }

    /// The platforms.
    var platforms: [Platform]
    /// The scalar ranges `cjkAsTwo` counts as two, `[first, last]`, read from ``LengthCounting`` itself.
    var wideRanges: [[UInt32]]

    /// The limits of every platform in `registry`.
    init(registry: PlatformRegistry) {
        platforms = registry.all.map { module in
            let capabilities = module.capabilities
            return Platform(
                platform: module.id.rawValue, displayName: capabilities.displayName,
                fields: capabilities.textLimits.compactMap { limit in
                    let inputs = Self.inputs(of: limit.field)
                    guard !inputs.isEmpty else { return nil }
                    return Field(
                        field: limit.field.rawValue, inputs: inputs, platformField: limit.platformField,
                        minimum: limit.minimum, maximum: limit.maximum, enforcement: limit.enforcement.rawValue,
                        counting: limit.counting.rawValue)
                },
                headlines: Range(minimum: capabilities.headlines.minimum, maximum: capabilities.headlines.maximum),
                descriptions: Range(
                    minimum: capabilities.descriptions.minimum, maximum: capabilities.descriptions.maximum),
                usesCallToAction: capabilities.usesCallToAction, hasPreviewAPI: capabilities.previews.hasPreviewAPI,
                previewNote: capabilities.previews.note, previewFormats: capabilities.previews.formats.map(\.value))
        }
        wideRanges = Self.wideRanges
    }

    /// The form inputs a text limit measures.
    static func inputs(of field: TextField) -> [String] {
        switch field {
        case .headline: (0..<StudioDraft.headlineFields).map(StudioDraft.headlineField)
        case .description: (0..<StudioDraft.descriptionFields).map(StudioDraft.descriptionField)
        case .primaryText: ["primary-text"]
        case .brandName: ["brand"]
        case .campaignName: ["name"]
        default: []
        }
    }

    /// The scalars ``LengthCounting/cjkAsTwo`` counts as two, found by asking it about each scalar once, so the
    /// page measures exactly as the validator does without a second copy of the table.
    static let wideRanges: [[UInt32]] = {
        var ranges: [[UInt32]] = []
        var first: UInt32?
        var last: UInt32 = 0
        for value in UInt32(0)...0x3FFFF {
            // Surrogates are not scalars: they neither open nor close a range.
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = String.UnicodeScalarView()
            text.append(scalar)
            if LengthCounting.cjkAsTwo.length(of: String(text)) == 2 {
                if first == nil { first = value }
                last = value
            } else if let start = first {
                ranges.append([start, last])
                first = nil
            }
        }
        if let start = first { ranges.append([start, last]) }
        return ranges
    }()
}
