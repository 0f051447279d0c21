import AdPlatformKit

extension TikTokRequestBuilder {
    /// `POST file/image/ad/upload/` as multipart: the bytes in `image_file` with their MD5 in `image_signature`,
    /// which TikTok checks. Videos are not supported by this module.
    public func uploadImage(
        _ media: MediaUpload, in account: AccountContext
    ) throws(AdPlatformError) -> PlatformHTTPRequest {
        let operation = "uploadMedia"
        guard media.kind == .image else {
            throw AdPlatformError(
                code: .unsupported, message: "this TikTok module uploads images only (single-image ads)",
                platform: .tiktok, operation: operation, fieldPath: "kind")
        }
        var form = MultipartFormData()
        form.addField(name: "advertiser_id", value: account.accountID)
        form.addField(name: "upload_type", value: "UPLOAD_BY_FILE")
        form.addField(name: "image_signature", value: ContentDigest.md5Hex(media.data))
        form.addField(name: "file_name", value: media.fileName)
        form.addFile(name: "image_file", fileName: media.fileName, contentType: media.contentType, data: media.data)
        return try multipart("file/image/ad/upload", form: form, in: account, operation: operation)
    }
}
