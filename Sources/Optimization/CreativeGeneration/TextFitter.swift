import AdPlatformKit
import Foundation
import Trafficking

/// Fits generated text to every limit a platform puts on a field, counted as the platform counts, and to the
/// generator's own cap: the first candidate that fits whole, or else the first cut at a word boundary.
struct TextFitter {
    /// The platform's limits on the field.
    let limits: [TextLimit]
    /// The generator's own cap, in characters.
    let cap: Int?

    /// A fitter for a field of a platform.
    init(_ field: TextField, on capabilities: PlatformCapabilities, cap: Int? = nil) {
        self.limits = capabilities.limits(for: field)
        self.cap = cap
    }

    /// Whether a text fits every limit and the cap.
    func fits(_ text: String) -> Bool {
        if let cap, text.count > cap { return false }
        return limits.allSatisfy { $0.counting.length(of: text) <= $0.maximum }
    }

    /// The text on one line, with single spaces, without what a limit forbids (emoji where the platform refuses
    /// them).
    func cleaned(_ text: String) -> String {
        let noEmoji = limits.contains { $0.restrictions.contains(.noEmoji) }
        let kept = text.map { $0.isNewline || $0 == "\0" ? " " : String($0) }
            .filter { !(noEmoji && Self.isEmoji(Character($0))) }
            .joined()
        return kept.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The first candidate that fits whole, else the first non-empty one cut to fit; `nil` when every candidate is
    /// empty.
    func fit(_ candidates: [String]) -> String? {
        let usable = candidates.map(cleaned).filter { !$0.isEmpty }
        if let whole = usable.first(where: fits) { return whole }
        return usable.first.map(cut)
    }

    /// The longest run of whole words from the start that fits, without a dangling separator; a single word too long
    /// is cut by characters.
    func cut(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        while words.count > 1, !fits(Self.trimmed(words.joined(separator: " "))) { words.removeLast() }
        var result = Self.trimmed(words.joined(separator: " "))
        while !result.isEmpty, !fits(result) { result.removeLast() }
        return result
    }

    private static func trimmed(_ text: String) -> String {
        var result = text
        while let last = result.last, ",;:-–— ".contains(last) { result.removeLast() }
        return result
    }

    /// The validator's test for emoji (``RequestValidator``): a scalar shown as emoji by default, or asked to be.
    static func isEmoji(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            scalar.properties.isEmojiPresentation
                || (scalar.properties.isEmoji && character.unicodeScalars.contains("\u{FE0F}"))
        }
    }
}
