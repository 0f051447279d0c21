import Foundation

/// The opaque token in a preview page's link: the page's content as compact JSON, base64url-encoded.
///
/// Meta's own preview iframes carry their content in the link (`preview_iframe.php?d=…`), so the emulator does the
/// same: a preview page needs no stored state, survives a reset of the world, and keeps memory bounded however many
/// previews are asked for. Whatever a token holds is escaped when the page is rendered, so a forged token can do
/// no more than a preview request could.
enum PreviewToken {
    /// The longest token accepted back, so a page request cannot make the emulator decode megabytes.
    static let maximumLength = 64 * 1024

    /// The token for a page's content.
    static func encode(_ content: MockJSON) -> String {
        Data(content.serialized.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The content of a token; `nil` when the token is not one the emulator wrote (bad base64url, or not a JSON
    /// object).
    static func decode(_ token: String) -> MockJSON? {
        guard !token.isEmpty, token.utf8.count <= maximumLength else { return nil }
        var text = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let remainder = text.utf8.count % 4
        if remainder == 1 { return nil }
        if remainder > 0 { text += String(repeating: "=", count: 4 - remainder) }
        guard let data = Data(base64Encoded: text), let json = MockJSON.parse(data), json.members != nil else {
            return nil
        }
        return json
    }
}
