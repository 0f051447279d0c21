/// How a platform measures the length of a text.
public enum LengthCounting: String, Sendable, Hashable, Codable {
    /// One per character (grapheme cluster).
    case characters
    /// One per character, but two for each CJK or full-width character (TikTok, Google).
    case cjkAsTwo

    /// The length of a text as the platform counts it.
    public func length(of text: String) -> Int {
        switch self {
        case .characters:
            return text.count
        case .cjkAsTwo:
            return text.reduce(0) { total, character in
                total + (character.unicodeScalars.first.map(LengthCounting.isWide) == true ? 2 : 1)
            }
        }
    }

    /// Whether a scalar is CJK or full-width: ideographs, kana, Hangul, CJK punctuation and full-width forms.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
