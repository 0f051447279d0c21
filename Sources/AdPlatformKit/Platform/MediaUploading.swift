/// A platform that takes image or video uploads (Meta ad images, TikTok images, Snapchat media, Google assets).
public protocol MediaUploading: AdPlatform {
    /// Uploads media and returns what ad calls refer to it by.
    func uploadMedia(_ media: MediaUpload, in account: AccountContext) async throws -> UploadedMedia
}
