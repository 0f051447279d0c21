import AdPlatformKit

extension MetaAdsPlatform: PreviewProviding {
    /// Meta's own previews, one call per format: `generatepreviews` on the ad account for a draft (its image
    /// already uploaded), `previews` on the ad or creative for an existing one.
    public func previews(
        of subject: PreviewSubject, formats: [PreviewFormat], in account: AccountContext
    ) async throws -> [PlatformPreview] {
        let parser = MetaResponseParser(operation: "previews")
        let resolved = try capabilities.previews.resolve(formats, platform: .meta, operation: parser.operation)
        var previews: [PlatformPreview] = []
        for format in resolved {
            let request: PlatformHTTPRequest
            switch subject {
            case .draft(let draft):
                request = try builder.generatePreview(draft, format: format, in: account)
            case .entity(let entity):
                guard entity.kind == .ad || entity.kind == .creative else {
                    throw AdPlatformError(
                        code: .unsupported, message: "Meta previews ads and creatives, not a \(entity.kind)",
                        platform: .meta, operation: parser.operation, fieldPath: "subject.kind")
                }
                request = try builder.preview(ofEntity: entity.id, format: format, in: account)
            }
            previews.append(try parser.preview(in: try await send(request, parser: parser), format: format))
        }
        return previews
    }
}
