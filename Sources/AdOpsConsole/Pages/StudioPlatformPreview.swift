import AdPlatformKit
import Foundation
import Trafficking

/// `POST /studio/platform-preview`: the platform's own previews of the draft's ad, asked of the platform module
/// for the first chosen account on it, through the engine's pipeline with the account's credentials (as the
/// action runner and the metrics syncer reach a platform). Platforms without a preview API answer with their
/// capability note: their previews are rendered locally.
struct StudioPlatformPreview: Encodable, Sendable {
    /// One rendered preview.
    struct Frame: Encodable, Sendable {
        /// The platform's format value, e.g. `MOBILE_FEED_STANDARD`.
        var format: String
        /// Its label.
        var label: String
        /// The page that shows it, to frame.
        var url: String
        /// The format's width part (of its width-to-height ratio).
        var width: Int
        /// The format's height part.
        var height: Int
        /// The platform's remarks.
        var notes: [String]
    }

    /// The platform.
    var platform: String
    /// The previews; empty when the platform has none or the call failed.
    var previews: [Frame]
    /// Why there are none, or the platform's error.
    var note: String?

    /// Asks `platform`'s module for its previews of `evaluation`'s draft. The calls take their share of
    /// `rateBudget`, the serving worker's, when there is one: a preview counts against the platform's limits as any
    /// call does, and must not starve the launches.
    static func ask(
        _ platform: PlatformID, evaluation: StudioEvaluation, engine: TraffickingEngine, rateBudget: RateBudget?
    ) async throws -> StudioPlatformPreview {
        guard let module = engine.registry[platform] else {
            throw ConsoleError(.invalidField, field: "preview-platform", "'\(platform)' is not a platform here")
        }
        let capabilities = module.capabilities
        guard capabilities.previews.hasPreviewAPI else {
            return StudioPlatformPreview(
                platform: platform.rawValue, previews: [],
                note:
                    "Rendered locally: \(capabilities.displayName) has no preview API (\(capabilities.previews.note)).")
        }
        guard let account = evaluation.accounts.first(where: { $0.platform == platform }) else {
            return StudioPlatformPreview(
                platform: platform.rawValue, previews: [],
                note: "Choose a \(capabilities.displayName) account to ask \(capabilities.displayName) for its preview."
            )
        }
        guard let request = evaluation.request,
            let ad = TraffickingPlan(request: request, capabilities: capabilities, scope: "studio-preview").ads.first
        else {
            return StudioPlatformPreview(
                platform: platform.rawValue, previews: [], note: "Fill in the creative first; see the problems listed.")
        }
        guard let credentials = try await engine.store.credentials(ofAccount: account.id) else {
            return StudioPlatformPreview(
                platform: platform.rawValue, previews: [], note: "Ad account \(account.name) has no credentials.")
        }
        let pipeline = EnginePipeline(
            registry: engine.registry, configuration: WorkerConfiguration(rateBudget: rateBudget ?? .unlimited),
            clock: engine.store.clock)
        let calls = APICallCollector(platform: platform)
        guard
            let previewing = pipeline.platform(module, account: account.platformAccountID, calls: calls)
                as? any PreviewProviding
        else {
            return StudioPlatformPreview(
                platform: platform.rawValue, previews: [], note: "The \(platform) module renders no previews.")
        }
        let context = account.context(credentials: credentials)
        do {
            // The platform shows only media it holds: the draft's image is uploaded to the account first, as the
            // worker does before creating the ad.
            var media: [UploadedMedia] = []
            if let uploading = previewing as? any MediaUploading,
                let image = ad.spec.creative.media.first.flatMap({ Self.upload(fromDataURI: $0.source) })
            {
                media.append(try await uploading.uploadMedia(image, in: context))
            }
            let previews = try await previewing.previews(
                of: .draft(PreviewDraft(creative: ad.spec.creative, landingURL: ad.spec.landingURL, media: media)),
                formats: [], in: context)
            return StudioPlatformPreview(
                platform: platform.rawValue,
                previews: previews.map {
                    Frame(
                        format: $0.format.value, label: $0.format.label, url: $0.url,
                        width: $0.format.aspectRatio.width, height: $0.format.aspectRatio.height, notes: $0.notes)
                }, note: nil)
        } catch let error as AdPlatformError {
            return StudioPlatformPreview(
                platform: platform.rawValue, previews: [],
                note: "\(capabilities.displayName) refused the preview: \(error.message)")
        }
    }

    /// The image of a `data:image/…;base64,…` URI, as an upload; `nil` for any other source.
    static func upload(fromDataURI source: String) -> MediaUpload? {
        guard source.hasPrefix("data:image/"), let comma = source.firstIndex(of: ",") else { return nil }
        let header = source[source.index(source.startIndex, offsetBy: 5)..<comma]
        guard header.hasSuffix(";base64"), let data = Data(base64Encoded: String(source[source.index(after: comma)...]))
        else { return nil }
        let contentType = String(header.dropLast(";base64".count))
        let fileName = "studio-preview." + (contentType.split(separator: "/").last.map(String.init) ?? "png")
        return MediaUpload(kind: .image, fileName: fileName, contentType: contentType, data: data)
    }
}
