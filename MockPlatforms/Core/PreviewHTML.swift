import Foundation

/// The pieces every emulated preview page is built from: escaping of everything user-supplied, a check that a URL
/// is a web URL before it becomes an `href` or `src`, and the page shell with its security headers.
enum PreviewHTML {
    /// Text made safe for HTML element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The URL, escaped for an attribute, when it is an absolute `http` or `https` URL; `nil` otherwise, so a
    /// `javascript:` or `data:` URL never reaches a link or an image.
    static func webURL(_ text: String?) -> String? {
        guard let text, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else { return nil }
        return escape(text)
    }

    /// An image's `src`: a web URL as ``webURL(_:)`` takes it, or the path of an upload the emulator serves itself
    /// (``EmulatorMedia/path(platform:md5:)``); anything else is `nil`.
    static func imageSource(_ text: String?) -> String? {
        if let text, text.hasPrefix("/_mock/media/"),
            text.dropFirst("/_mock/media/".count).allSatisfy({ $0.isLetter || $0.isNumber || $0 == "/" })
        {
            return text
        }
        return webURL(text)
    }

    /// The host of a web URL, for the caption under a link ad (`EXAMPLE.COM`); `nil` when there is none.
    static func host(of text: String?) -> String? {
        guard let text, let host = URL(string: text)?.host, !host.isEmpty else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// A call-to-action type as the button reads, e.g. `LEARN_MORE` → `Learn more`.
    static func buttonLabel(_ type: String) -> String {
        let words = type.lowercased().split(separator: "_").joined(separator: " ")
        guard let first = words.first else { return "" }
        return first.uppercased() + words.dropFirst()
    }

    /// A whole HTML page: `title` and `body` are already escaped markup.
    static func page(title: String, style: String, body: String) -> MockResponse {
        let html =
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>\(title)</title><style>\(style)</style></head><body>\(body)</body></html>"
        return MockResponse(status: 200, headers: headers, body: Data(html.utf8))
    }

    /// A small error page, e.g. for an unknown or expired preview token.
    static func problem(_ status: Int, _ message: String) -> MockResponse {
        let html =
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Preview unavailable</title></head>"
            + "<body><p>\(escape(message))</p></body></html>"
        return MockResponse(status: status, headers: headers, body: Data(html.utf8))
    }

    /// No scripts at all, images from anywhere, inline styles; the page may be framed, as the platforms' previews
    /// are meant to be.
    private static let headers: [(String, String)] = [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Security-Policy", "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'"),
        ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
    ]
}
