import AdPlatformKit
import Foundation

/// Reads a stored request's media for upload: stored blobs from the database (through a cache, since they never
/// change), `http(s)` URLs through the transport.
struct MediaFetcher: Sendable {
    let store: any TraffickingStore
    let transport: any HTTPTransport
    var cache = StoredMediaCache()

    func upload(for reference: MediaReference) async throws -> MediaUpload {
        if reference.source.hasPrefix(StoredMedia.sourcePrefix) {
            let digest = String(reference.source.dropFirst(StoredMedia.sourcePrefix.count))
            guard let stored = try await cache.media(digest: digest, load: { try await store.media(digest: digest) })
            else {
                throw AdPlatformError(
                    code: .invalidParameter, message: "stored media \(digest) is missing from the database",
                    fieldPath: "media.source")
            }
            return MediaUpload(
                kind: reference.kind,
                fileName: "\(digest.prefix(16)).\(StoredMedia.fileExtension(forContentType: stored.contentType))",
                contentType: stored.contentType, data: stored.data)
        }
        guard let url = URL(string: reference.source) else {
            throw AdPlatformError(
                code: .invalidParameter, message: "media source '\(reference.source)' is not a URL",
                fieldPath: "media.source")
        }
        let response = try await transport.send(PlatformHTTPRequest(method: .get, url: url))
        guard response.isSuccess else {
            throw AdPlatformError(
                code: response.status >= 500 ? .transient : .invalidParameter,
                message: "fetching media \(reference.source) answered HTTP \(response.status)",
                httpStatus: response.status, fieldPath: "media.source")
        }
        return MediaUpload(
            kind: reference.kind, fileName: reference.fileName,
            contentType: response.headers["content-type"] ?? StoredMedia.contentType(forFileName: reference.fileName),
            data: response.body)
    }
}
