/// TikTok's hard text rules (2023 SDK model docs): names up to 512 characters without emoji; `ad_text` 1–100
/// characters without emoji, where a CJK character counts as 2; `display_name` 1–40 on the same weighting
/// (so 1–20 CJK characters); `file_name` 1–100 characters.
enum TikTokText {
    /// Checks a campaign, ad group or ad name: 1–512 characters, no emoji.
    static func checkName(_ value: String, field: String) throws(TikTokError) {
        // UTF-8 length bounds the character count from above, so the common ASCII case skips counting.
        let length = value.utf8.count <= 512 ? value.count : min(value.count, 513)
        guard length >= 1, length <= 512, value.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw .invalid(field, "Length must be between 1 and 512 characters.")
        }
        guard !containsEmoji(value) else { throw .invalid(field, "Emoji are not allowed.") }
    }

    /// Checks a weighted text (CJK counts 2) against a range, and rejects emoji.
    static func checkWeighted(_ value: String, field: String, maximum: Int) throws(TikTokError) {
        let length = weightedLength(value)
        guard length >= 1, length <= maximum else {
            throw .invalid(
                field, "Length must be between 1 and \(maximum) characters (a CJK character counts as 2).")
        }
        guard !containsEmoji(value) else { throw .invalid(field, "Emoji are not allowed.") }
    }

    /// The length TikTok counts: one per character, two per CJK (and full-width) character.
    static func weightedLength(_ value: String) -> Int {
        var total = 0
        for character in value {
            guard let scalar = character.unicodeScalars.first else { continue }
            total += isWide(scalar.value) ? 2 : 1
        }
        return total
    }

    /// Whether the text holds an emoji: a pictograph, a scalar with emoji presentation, or the emoji variation
    /// selector. Keycap digits and `#` are emoji only with a selector, so plain ASCII never counts.
    static func containsEmoji(_ value: String) -> Bool {
        for scalar in value.unicodeScalars where scalar.value >= 0x2000 {
            if scalar.value == 0xFE0F || (0x1F000...0x1FAFF).contains(scalar.value)
                || (0x2600...0x27BF).contains(scalar.value) || scalar.properties.isEmojiPresentation
            {
                return true
            }
        }
        return false
    }

    private static func isWide(_ value: UInt32) -> Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
            || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xA000...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value)
            || (0x20000...0x3FFFD).contains(value)
    }
}
