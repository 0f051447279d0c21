import HTTPTypes

/// The headers every console answer carries: a strict Content-Security-Policy (scripts and styles only from the
/// console's own files, no inline script or style, frames only from the configured preview origins), no sniffing,
/// no framing of the console itself, and no caching of pages that show private figures.
struct SecurityHeaders: Sendable {
    /// The policy.
    let contentSecurityPolicy: String

    /// The policy for a console whose Creative Studio frames `frameOrigins`.
    init(frameOrigins: [String]) {
        let frames = frameOrigins.isEmpty ? "'none'" : frameOrigins.joined(separator: " ")
        contentSecurityPolicy = [
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
            "connect-src 'self'", "font-src 'self'", "form-action 'self'", "frame-ancestors 'none'",
            "base-uri 'none'", "frame-src \(frames)",
        ].joined(separator: "; ")
    }

    /// Adds the headers; `cacheable` answers (versioned assets) keep their own `Cache-Control`.
    func apply(to fields: inout HTTPFields) {
        fields[.contentSecurityPolicy] = contentSecurityPolicy
        fields[.xContentTypeOptions] = "nosniff"
        for (name, value) in [("Referrer-Policy", "same-origin"), ("X-Frame-Options", "DENY")] {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        if fields[.cacheControl] == nil { fields[.cacheControl] = "no-store" }
    }
}
