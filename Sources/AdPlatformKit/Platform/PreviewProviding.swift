/// A platform that renders its own previews of ads, through a preview API (Meta's `previews` and
/// `generatepreviews`, TikTok's `creative/ads_preview/create/`).
///
/// Which formats it offers is data, in ``PlatformCapabilities/previews``. Platforms without a usable preview API
/// (Google search ads, Snapchat) do not conform; their previews are rendered locally from the creative.
public protocol PreviewProviding: AdPlatform {
    /// The platform's previews of a draft or of an existing ad, one per format asked for, in that order. An
    /// empty `formats` means every format the platform offers. A format not in ``PreviewCapabilities/formats``
    /// throws `unsupported` before any call.
    func previews(
        of subject: PreviewSubject, formats: [PreviewFormat], in account: AccountContext
    ) async throws -> [PlatformPreview]
}
