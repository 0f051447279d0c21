import AdPlatformKit

extension TikTokAdsPlatform {
    /// Uploads an image by file with its MD5 signature; returns its `image_id` as the reference ads use.
    public func uploadMedia(_ media: MediaUpload, in account: AccountContext) async throws -> UploadedMedia {
        let response = try await transport.send(try requestBuilder.uploadImage(media, in: account))
        return try TikTokResponseParser.uploadedImage(from: response, operation: "uploadMedia")
    }

    /// Enables, disables or deletes a campaign, ad group or ad.
    public func setStatus(
        _ status: DeliveryStatus, of entity: PlatformEntity, in account: AccountContext
    ) async throws {
        let response = try await transport.send(
            try requestBuilder.setStatus(status, of: entity.kind, id: entity.id, in: account))
        _ = try TikTokResponseParser.data(from: response, operation: "setStatus")
    }

    /// Sets an ad group's budget (or a campaign's, switching it to a daily or total budget mode).
    public func setBudget(_ budget: Budget, of entity: PlatformEntity, in account: AccountContext) async throws {
        let response = try await transport.send(
            try requestBuilder.setBudget(budget, of: entity.kind, id: entity.id, in: account))
        _ = try TikTokResponseParser.data(from: response, operation: "setBudget")
    }
}
