import AdPlatformKit
import Foundation
import MockPlatforms
import Testing

extension PlatformConformanceTest {
    /// Previews, as the capability data says. A platform with preview formats must conform to
    /// ``PreviewProviding``: a draft of the first planned ad is previewed in every offered format, the launched
    /// ad in the first, each preview page is fetched from the emulator and must show the ad's text, and a format
    /// the platform does not offer is refused as `unsupported` naming `formats[0]`, before any call. A platform
    /// without formats must not conform, and its data must say why previews are rendered locally.
    public func previews(_ launched: Launched) async throws {
        let offered = platform.capabilities.previews
        guard let previewing = platform as? any PreviewProviding else {
            #expect(!offered.hasPreviewAPI, "\(id): preview formats are declared, but the module has no previews")
            #expect(!offered.note.isEmpty, "\(id): the data must say why previews are rendered locally")
            return
        }
        #expect(offered.hasPreviewAPI, "\(id): the module previews, but the data declares no preview format")
        guard let planned = launched.plan.ads.first, let ad = launched.ads.first(where: { $0.kind == .ad }) else {
            Issue.record("\(id): the sample launch has no ad to preview")
            return
        }
        let creative = planned.spec.creative
        let media = platform.capabilities.media.images && !creative.media.isEmpty ? launched.media : []
        let draft = PreviewDraft(creative: creative, landingURL: planned.spec.landingURL, media: media)
        let shown = creative.primaryText ?? creative.headlines.first ?? ""

        let drafts = try await previewing.previews(of: .draft(draft), formats: [], in: account)
        #expect(drafts.map(\.format) == offered.formats, "\(id): one draft preview per offered format, in order")
        for preview in drafts { try await expectPage(of: preview, showing: shown) }

        let first = Array(offered.formats.prefix(1))
        let existing = try await previewing.previews(of: .entity(ad), formats: first, in: account)
        #expect(existing.map(\.format) == first, "\(id): a preview of the launched ad in \(first)")
        for preview in existing { try await expectPage(of: preview, showing: shown) }

        let lastCall = mock.mock.journal.query(limit: 1).last?.sequence
        let unknown = PreviewFormat(value: "NO_SUCH_FORMAT", label: "none", aspectRatio: .init(width: 1, height: 1))
        do {
            _ = try await previewing.previews(of: .draft(draft), formats: [unknown], in: account)
            Issue.record("\(id): a format the platform does not offer was previewed")
        } catch let error as AdPlatformError {
            #expect(error.code == .unsupported && error.fieldPath == "formats[0]", "\(id): \(error)")
        }
        #expect(
            mock.mock.journal.query(limit: 1).last?.sequence == lastCall,
            "\(id): an unoffered format must not reach the platform")
    }

    /// Fetches a preview's page from the emulator and checks it is HTML showing `text`, escaped.
    private func expectPage(of preview: PlatformPreview, showing text: String) async throws {
        #expect(preview.embedHTML.contains("<iframe"), "\(id): \(preview.format) embed is an iframe")
        guard let url = URL(string: preview.url) else {
            Issue.record("\(id): \(preview.format) preview link is not a URL: \(preview.url)")
            return
        }
        let response = try await AsyncHTTPClientTransport().send(PlatformHTTPRequest(method: .get, url: url))
        let html = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 200, "\(id): \(preview.format) page answered \(response.status)")
        #expect(response.headers["Content-Type"]?.hasPrefix("text/html") == true, "\(id): the page is HTML")
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
        #expect(html.contains(escaped), "\(id): the \(preview.format) page shows the ad's text")
    }
}
