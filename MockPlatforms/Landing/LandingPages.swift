import Foundation

/// Serves the proxy landing pages of `LandingPages/` (built into the binary, or read from a folder): at `/landing/disneyplus/` and `/landing/hulu/`, and by host
/// name at `disneyplus-signup-demo.localhost` and `hulu-promo-demo.localhost`.
///
/// Files are read once at start. `shared/pixel-config.js` is generated: offline it points the pixel loader at
/// the emulator's collector; with pixel ids configured it switches the slots to the platforms' real base code.
struct LandingPages: Sendable {
    /// The sites and the host names that serve them.
    static let sites = ["disneyplus": "disneyplus-signup-demo", "hulu": "hulu-promo-demo"]
    /// Each site by the host names it answers to, bare and under `.localhost`; built once, as every request asks.
    static let sitesByHost = Dictionary(
        uniqueKeysWithValues: sites.flatMap { site, host in [(host, site), ("\(host).localhost", site)] })

    let files: [String: Data]
    let livePixelIDs: [String: String]

    /// Pages read from `directory`, or, when it is `nil`, the copy of `LandingPages/` built into the binary.
    init(directory: URL?, livePixelIDs: [String: String]) {
        self.livePixelIDs = livePixelIDs
        guard let directory else {
            files = EmbeddedLandingPages.base64.compactMapValues { Data(base64Encoded: $0) }
            return
        }
        var files: [String: Data] = [:]
        let root = directory.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            let full = root + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: full)
            else { continue }
            files[relative] = data
        }
        self.files = files
    }

    /// The folder to serve the pages from instead of the built-in copy: `explicit` (`--landing-pages`), else
    /// `ADOPS_LANDING_PAGES`, else `nil` (the built-in pages). A folder that is named but holds no
    /// `disneyplus/index.html` is refused with where it looked, rather than serving 404s.
    static func locate(explicit: String?, environment: [String: String]) throws -> URL? {
        let named: (String, String)? =
            explicit.map { ("--landing-pages", $0) }
            ?? environment["ADOPS_LANDING_PAGES"].flatMap { $0.isEmpty ? nil : ("ADOPS_LANDING_PAGES", $0) }
        guard let (source, path) = named else { return nil }
        let directory = URL(fileURLWithPath: path).standardizedFileURL
        let index = directory.appendingPathComponent("disneyplus/index.html")
        guard FileManager.default.fileExists(atPath: index.path) else {
            throw LandingPagesError(
                source: source, message: "\(index.path) does not exist; name the LandingPages folder of a checkout")
        }
        return directory
    }

    /// The site a `Host` header names, e.g. `hulu-promo-demo.localhost:4010` → `hulu`.
    func site(forHost host: String?) -> String? {
        guard let host = host?.lowercased() else { return nil }
        let name = host.split(separator: ":").first.map(String.init) ?? host
        return Self.sitesByHost[name]
    }

    /// A page by path under `/landing/`.
    func serve(path: String, query: [(String, String)]) -> MockResponse {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).dropFirst().map(String.init)
        guard let first = parts.first else { return index() }
        if first == "shared" { return file("shared/" + parts.dropFirst().joined(separator: "/")) }
        guard Self.sites[first] != nil else { return notFound(path) }
        if parts.count == 1, !path.hasSuffix("/") {
            return MockResponse(status: 301, headers: [("Location", "/landing/\(first)/")])
        }
        return file(first + "/" + (parts.count > 1 ? parts.dropFirst().joined(separator: "/") : "index.html"))
    }

    /// A page by path on a site's own host name.
    func serve(site: String, path: String, query: [(String, String)]) -> MockResponse {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if parts.first == "shared" { return file(parts.joined(separator: "/")) }
        return file(site + "/" + (parts.isEmpty ? "index.html" : parts.joined(separator: "/")))
    }

    private func index() -> MockResponse {
        let links = Self.sites.keys.sorted().map { "<li><a href=\"/landing/\($0)/\">\($0)</a></li>" }.joined()
        return .text(
            "<!doctype html><title>AdOps Lab demo pages</title><h1>Demo landing pages</h1><ul>\(links)</ul>",
            contentType: "text/html; charset=utf-8")
    }

    private func file(_ relative: String) -> MockResponse {
        guard !relative.split(separator: "/").contains(where: { $0 == ".." || $0.hasPrefix(".") }) else {
            return notFound(relative)
        }
        if relative == "shared/pixel-config.js" { return pixelConfig() }
        guard let data = files[relative] else { return notFound(relative) }
        return MockResponse(status: 200, headers: headers(for: relative), body: data)
    }

    private func pixelConfig() -> MockResponse {
        let live = !livePixelIDs.isEmpty
        let ids = MockJSON.object(livePixelIDs.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
        let config = MockJSON.object([
            ("mode", .string(live ? "live" : "offline")), ("collector", .string("/_mock/pixel/events")), ("ids", ids),
        ])
        let script = "// Generated by adops mock.\nwindow.ADOPS_PIXELS = \(config.serialized);\n"
        return MockResponse(status: 200, headers: headers(for: "x.js"), body: Data(script.utf8))
    }

    private func headers(for path: String) -> [(String, String)] {
        let types = [
            "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
            "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
            "json": "application/json",
            "webp": "image/webp", "ico": "image/x-icon", "woff2": "font/woff2", "txt": "text/plain; charset=utf-8",
        ]
        let type = types[String(path.split(separator: ".").last ?? "")] ?? "application/octet-stream"
        var result = [("Content-Type", type), ("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-cache")]
        if type.hasPrefix("text/html") {
            // Live pixels load their base code from the script hosts and report to the beacon hosts.
            let scripts =
                livePixelIDs.isEmpty
                ? ""
                : " https://connect.facebook.net https://analytics.tiktok.com https://sc-static.net https://www.googletagmanager.com"
            let beacons =
                livePixelIDs.isEmpty
                ? ""
                : scripts + " https://www.facebook.com https://tr.snapchat.com https://www.google-analytics.com"
                    + " https://googleads.g.doubleclick.net https://www.google.com"
            let policy =
                "default-src 'self'; script-src 'self'\(scripts); img-src 'self' data:\(beacons); style-src 'self'; "
                + "connect-src 'self'\(beacons); frame-ancestors 'none'"
            result.append(("Content-Security-Policy", policy))
            result.append(("Referrer-Policy", "strict-origin-when-cross-origin"))
        }
        return result
    }

    private func notFound(_ path: String) -> MockResponse {
        .text(
            "<!doctype html><title>Not found</title><p>No demo page at \(Self.escape(path)).</p>", status: 404,
            contentType: "text/html; charset=utf-8")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
