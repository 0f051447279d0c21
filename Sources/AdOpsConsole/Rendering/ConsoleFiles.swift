import Crypto
import Foundation

/// The console's templates and page assets, built into the binary from `Web/` by the EmbedFiles plugin, so a copied
/// `adops` serves its console with no files beside it.
struct ConsoleFiles: Sendable {
    /// A page asset: its bytes, its content type and the version its URL carries.
    struct Asset: Sendable {
        /// The file.
        var data: Data
        /// Its `Content-Type`.
        var contentType: String
        /// The first 12 hex digits of its SHA-256: a new file is a new URL, so browsers may keep one for a year.
        var version: String
    }

    /// Templates by name (`layout`, `overview`, …): the path under `templates/` without `.mustache`.
    let templates: [String: String]
    /// Assets by file name under `assets/`.
    let assets: [String: Asset]

    /// The embedded files.
    static let embedded = ConsoleFiles(
        files: EmbeddedConsoleFiles.base64.compactMapValues { Data(base64Encoded: $0) })

    /// Sorts files into templates and assets by their folder.
    init(files: [String: Data]) {
        var templates: [String: String] = [:]
        var assets: [String: Asset] = [:]
        for (path, data) in files {
            if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
                let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
                templates[name] = String(decoding: data, as: UTF8.self)
            } else if path.hasPrefix("assets/") {
                let name = String(path.dropFirst("assets/".count))
                let digest = SHA256.hash(data: data).prefix(6).map { String(format: "%02x", $0) }.joined()
                assets[name] = Asset(data: data, contentType: Self.contentType(of: name), version: digest)
            }
        }
        self.templates = templates
        self.assets = assets
    }

    /// The URL a page links an asset by: its name and version.
    func url(ofAsset name: String) -> String {
        "/assets/\(name)?v=\(assets[name]?.version ?? "missing")"
    }

    /// The content type of an asset, by extension.
    static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
