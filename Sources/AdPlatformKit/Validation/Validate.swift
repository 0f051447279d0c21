/// Every violation of a request for one platform, shared rules included, before any network call.
public func validate(_ request: TraffickingRequest, for platform: any AdPlatform) -> [Violation] {
    RequestValidator().validate(request, for: [platform])
}
