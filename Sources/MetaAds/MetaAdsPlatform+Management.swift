import AdPlatformKit

extension MetaAdsPlatform {
    /// Uploads an image to the account's image library; Meta returns its content hash, which creatives refer to.
    public func uploadMedia(_ media: MediaUpload, in account: AccountContext) async throws -> UploadedMedia {
        let parser = MetaResponseParser(operation: "uploadMedia")
        let body = try await send(try builder.uploadImage(media, in: account), parser: parser)
        return try parser.uploadedImage(in: body, fileName: media.fileName)
    }

    /// Sets a campaign's, ad set's, ad's or creative's status. Images have none: they are deleted by hash.
    public func setStatus(
        _ status: DeliveryStatus, of entity: PlatformEntity, in account: AccountContext
    )
        async throws
    {
        let parser = MetaResponseParser(operation: "setStatus")
        guard entity.kind != .media else {
            throw AdPlatformError(
                code: .unsupported, message: "Meta ad images have no status", platform: .meta,
                operation: parser.operation)
        }
        let body = try await send(try builder.setStatus(status, of: entity.id, in: account), parser: parser)
        try parser.confirmSuccess(in: body)
    }

    /// Sets a campaign's budget, or an ad set's where the campaign has none.
    public func setBudget(_ budget: Budget, of entity: PlatformEntity, in account: AccountContext) async throws {
        let parser = MetaResponseParser(operation: "setBudget")
        guard entity.kind == .campaign || entity.kind == .adGroup else {
            throw AdPlatformError(
                code: .unsupported, message: "Meta budgets belong to campaigns and ad sets, not a \(entity.kind)",
                platform: .meta, operation: parser.operation)
        }
        let body = try await send(try builder.setBudget(budget, of: entity.id, in: account), parser: parser)
        try parser.confirmSuccess(in: body)
    }
}
