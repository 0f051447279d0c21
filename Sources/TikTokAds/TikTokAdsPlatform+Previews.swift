import AdPlatformKit

extension TikTokAdsPlatform: PreviewProviding {
    /// TikTok's own in-feed previews: `ADS_CREATION` for a draft (its image already uploaded), `AD` for an
    /// existing ad. The links last 30 days (``TikTokCapabilities/previews``).
    public func previews(
        of subject: PreviewSubject, formats: [PreviewFormat], in account: AccountContext
    ) async throws -> [PlatformPreview] {
        let operation = "previews"
        let resolved = try capabilities.previews.resolve(formats, platform: .tiktok, operation: operation)
        var previews: [PlatformPreview] = []
        for format in resolved {
            let request: PlatformHTTPRequest
            switch subject {
            case .draft(let draft):
                request = try requestBuilder.adsCreationPreview(draft, format: format, in: account)
            case .entity(let entity):
                guard entity.kind == .ad else {
                    throw AdPlatformError(
                        code: .unsupported, message: "TikTok previews ads, not a \(entity.kind)", platform: .tiktok,
                        operation: operation, fieldPath: "subject.kind")
                }
                request = try requestBuilder.adPreview(adID: entity.id, format: format, in: account)
            }
            let response = try await transport.send(request)
            previews.append(try TikTokResponseParser.preview(from: response, format: format, operation: operation))
        }
        return previews
    }
}
