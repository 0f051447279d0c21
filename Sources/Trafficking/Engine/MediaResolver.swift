import AdPlatformKit
import Foundation

/// Turns a request's media sources into sources a worker can read later, from the database alone where it can:
/// files and `data:` URIs are stored as blobs (``StoredMedia``); `http(s)` URLs are kept and fetched at run time.
struct MediaResolver: Sendable {
    let store: any TraffickingStore
    let policy: MediaPolicy

    /// The largest media file accepted, matching the emulators' upload limit.
    static let maximumBytes = 10 << 20

    /// Returns the request with every media source resolved; throws naming the field of the first bad source.
    func resolve(_ request: TraffickingRequest) async throws -> TraffickingRequest {
        var resolved = request
        for (creativeIndex, creative) in request.creatives.enumerated() {
            for (mediaIndex, media) in creative.media.enumerated() {
                let field = "creatives[\(creativeIndex)].media[\(mediaIndex)].source"
                resolved.creatives[creativeIndex].media[mediaIndex].source = try await resolve(
                    media.source, field: field)
            }
        }
        return resolved
    }

    private func resolve(_ source: String, field: String) async throws -> String {
        if source.hasPrefix(StoredMedia.sourcePrefix) {
            let digest = String(source.dropFirst(StoredMedia.sourcePrefix.count))
            guard try await store.media(digest: digest) != nil else {
                throw SubmissionError.field(.invalidMedia, field, "no stored media with digest \(digest)")
            }
            return source
        }
        let lowered = source.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            guard URL(string: source)?.host != nil else {
                throw SubmissionError.field(.invalidMedia, field, "'\(source)' is not a valid URL")
            }
            return source
        }
        if lowered.hasPrefix("data:") {
            let (data, contentType) = try Self.decodeDataURI(source, field: field)
            return try await store.storeMedia(data, contentType: contentType).source
        }
        guard case .filesRelativeTo(let directory) = policy else {
            throw SubmissionError.field(
                .invalidMedia, field,
                "'\(source)' is a file path; here media must be an http(s) URL, a data: URI or a stored:sha256: reference"
            )
        }
        let url = source.hasPrefix("/") ? URL(fileURLWithPath: source) : directory.appendingPathComponent(source)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SubmissionError.field(
                .invalidMedia, field, "cannot read media file \(url.path): file not found or unreadable")
        }
        guard data.count <= Self.maximumBytes else {
            throw SubmissionError.field(
                .invalidMedia, field, "media file \(url.path) is \(data.count) bytes; the limit is \(Self.maximumBytes)"
            )
        }
        return try await store.storeMedia(
            data, contentType: StoredMedia.contentType(forFileName: url.lastPathComponent)
        ).source
    }

    private static func decodeDataURI(_ source: String, field: String) throws -> (Data, String) {
        // data:[<mediatype>][;base64],<data>
        guard let comma = source.firstIndex(of: ",") else {
            throw SubmissionError.field(.invalidMedia, field, "data: URI has no ',' before its data")
        }
        let header = source[source.index(source.startIndex, offsetBy: 5)..<comma]
        let payload = source[source.index(after: comma)...]
        let parts = header.split(separator: ";")
        guard parts.contains("base64") else {
            throw SubmissionError.field(
                .invalidMedia, field, "data: URI must be base64-encoded (data:image/png;base64,…)")
        }
        guard let data = Data(base64Encoded: String(payload)), !data.isEmpty else {
            throw SubmissionError.field(.invalidMedia, field, "data: URI payload is not valid base64")
        }
        guard data.count <= maximumBytes else {
            throw SubmissionError.field(
                .invalidMedia, field, "media is \(data.count) bytes; the limit is \(maximumBytes)")
        }
        let contentType =
            parts.first.map(String.init).flatMap { $0.contains("/") ? $0 : nil } ?? "application/octet-stream"
        return (data, contentType)
    }
}
