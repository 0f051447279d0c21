import AdPlatformKit

extension SnapchatAdsPlatform {
    /// Declares the media, then uploads its bytes; creatives refer to it by the media id.
    public func uploadMedia(_ media: MediaUpload, in account: AccountContext) async throws -> UploadedMedia {
        let operation = "uploadMedia"
        let created = try parser.entity(
            .media, from: try await transport.send(try builder.createMedia(media, in: account)), operation: operation)
        let response = try await transport.send(try builder.uploadMediaFile(media, mediaID: created.id, in: account))
        return try parser.uploadedMedia(kind: media.kind, mediaID: created.id, from: response, operation: operation)
    }
}
