import AdPlatformKit

extension GoogleAdsPlatform: MediaUploading {
    /// Uploads an image asset. The result's ``UploadedMedia/reference`` is the asset resource name and its
    /// ``UploadedMedia/id`` the asset id.
    public func uploadMedia(_ media: MediaUpload, in account: AccountContext) async throws -> UploadedMedia {
        let operation = "uploadMedia"
        let body = try await send(try requests.uploadMedia(media, in: account), operation: operation)
        let resourceName = try GoogleResponseParser.firstResultResourceName(body, operation: operation)
        return UploadedMedia(
            kind: media.kind, reference: resourceName, id: try id(of: resourceName, operation: operation))
    }
}
