import AdPlatformKit

extension SnapchatAdsPlatform {
    /// Declares the media, then uploads its bytes; creatives refer to it by the media id.
    public func uploadMedia(_ media: MediaUpload, in account: AccountContext) async throws -> UploadedMedia {
        let object = try await createMediaObject(for: media, marked: nil, in: account)
        return try await uploadMedia(media, into: object, in: account)
    }

    /// Declares the media, `PENDING_UPLOAD` until its bytes arrive. It is named after its file, with the marker
    /// appended when one is given; the file name is shortened so the name stays within Snap's 375 characters.
    public func createMediaObject(
        for media: MediaUpload, marked marker: IdempotencyMarker?, in account: AccountContext
    ) async throws -> PlatformEntity {
        let name = marker.map { marker in
            marker.apply(to: String(media.fileName.prefix(Self.maximumNameLength - IdempotencyMarker.suffixLength)))
        }
        let response = try await transport.send(try builder.createMedia(media, name: name, in: account))
        return try parser.entity(.media, from: response, operation: "uploadMedia")
    }

    /// Uploads the bytes into declared media, `POST /v1/media/{id}/upload`; sending them again replaces them.
    public func uploadMedia(
        _ media: MediaUpload, into object: PlatformEntity, in account: AccountContext
    ) async throws -> UploadedMedia {
        let response = try await transport.send(try builder.uploadMediaFile(media, mediaID: object.id, in: account))
        return try parser.uploadedMedia(kind: media.kind, mediaID: object.id, from: response, operation: "uploadMedia")
    }

    /// The longest name Snap takes for an entity.
    static let maximumNameLength = 375
}
