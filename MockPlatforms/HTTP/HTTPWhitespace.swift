extension StringProtocol {
    /// The text without leading and trailing spaces and tabs, HTTP's optional whitespace (RFC 9110 §5.6.3).
    ///
    /// Per-request paths (headers, tokens, content types) use this rather than Foundation's
    /// `trimmingCharacters(in: .whitespaces)`, which goes through `CharacterSet` and showed in profiles of every
    /// request.
    var trimmingHTTPWhitespace: Substring {
        let text = Substring(self)
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        guard let first = text.utf8.firstIndex(where: { !isWhitespace($0) }),
            let last = text.utf8.lastIndex(where: { !isWhitespace($0) })
        else { return text[text.endIndex...] }
        return text[first...last]
    }
}
