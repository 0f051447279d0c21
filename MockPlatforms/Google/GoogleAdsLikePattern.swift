import Foundation

/// A GAQL `LIKE` pattern: `%` matches any run of characters, `_` any one character, and a character in square
/// brackets (`[%]`, `[_]`, `[[]`, `[]]`) matches itself. Matching is case-insensitive, as GAQL documents for
/// `LIKE` and `NOT LIKE`.
struct GoogleAdsLikePattern: Sendable {
    private enum Piece: Sendable {
        case character(Character)
        case any
        case one
    }

    private let pieces: [Piece]

    /// Compiles a pattern; `nil` when a bracket is not closed right after its character.
    init?(_ pattern: String) {
        var pieces: [Piece] = []
        let characters = Array(pattern.lowercased())
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "%":
                pieces.append(.any)
                index += 1
            case "_":
                pieces.append(.one)
                index += 1
            case "[":
                guard index + 2 < characters.count, characters[index + 2] == "]" else { return nil }
                pieces.append(.character(characters[index + 1]))
                index += 3
            default:
                pieces.append(.character(character))
                index += 1
            }
        }
        self.pieces = pieces
    }

    /// Whether the text matches the whole pattern.
    func matches(_ text: String) -> Bool {
        let characters = Array(text.lowercased())
        // reachable[j]: the first i pieces can match the first j characters.
        var reachable = [Bool](repeating: false, count: characters.count + 1)
        reachable[0] = true
        for piece in pieces {
            var next = [Bool](repeating: false, count: characters.count + 1)
            switch piece {
            case .any:
                var seen = false
                for j in 0...characters.count {
                    seen = seen || reachable[j]
                    next[j] = seen
                }
            case .one:
                for j in 0..<characters.count where reachable[j] { next[j + 1] = true }
            case .character(let wanted):
                for j in 0..<characters.count where reachable[j] && characters[j] == wanted { next[j + 1] = true }
            }
            reachable = next
        }
        return reachable[characters.count]
    }
}
