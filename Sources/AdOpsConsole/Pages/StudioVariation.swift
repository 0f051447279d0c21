import AdPlatformKit
import Foundation
import Optimization

/// A suggested variation of the draft's creative from the creative generator, to pull into the form: one headline,
/// description and primary text that pass every chosen platform's rules.
struct StudioVariation: Encodable, Sendable, Hashable {
    /// `v1`, `v2`, ….
    var number: Int
    /// The angle it takes: benefit, social proof, urgency, problem and solution.
    var angle: String
    /// The headlines, in order.
    var headlines: [String]
    /// The first description, or empty.
    var description: String
    /// The primary text, or empty.
    var primaryText: String

    /// `count` variations of the draft's headline and description for `platforms`, from
    /// ``TemplateCreativeGenerator`` (what `adops creatives vary` uses). Each variation takes the creative of the
    /// strictest platform (the first in `platforms`' order with the shortest headline limit), so it fits them all.
    static func suggest(
        for draft: StudioDraft, platforms: [RegisteredPlatform], count: Int = 3
    ) async throws -> [StudioVariation] {
        let name = draft.value("name")
        let brand = draft.value("brand")
        let benefit = draft.descriptions.first ?? draft.headlines.first ?? ""
        guard !benefit.isEmpty else {
            throw ConsoleError(.invalidField, field: "headline", "type a headline or a description to vary")
        }
        let brief = CreativeBrief(
            key: "studio", brandName: brand.isEmpty ? (name.isEmpty ? "Brand" : name) : brand,
            product: name.isEmpty ? (draft.headlines.first ?? benefit) : name, benefit: benefit,
            callToAction: CallToAction(rawValue: draft.value("cta")) ?? .learnMore,
            landingURL: draft.value("link-url").isEmpty ? "https://example.com" : draft.value("link-url"))
        let variations: [CreativeVariation]
        do {
            variations = try await TemplateCreativeGenerator().variations(
                of: brief, count: count, for: platforms.map(\.capabilities))
        } catch {
            throw ConsoleError(.invalidField, field: "headline", "no variations: \(error)")
        }
        return variations.compactMap { variation in
            let strictest = variation.creatives.min { lhs, rhs in
                lhs.headlines.map(\.count).max() ?? 0 < rhs.headlines.map(\.count).max() ?? 0
            }
            guard let creative = strictest else { return nil }
            return StudioVariation(
                number: variation.number, angle: variation.angle.rawValue, headlines: creative.headlines,
                description: creative.descriptions.first ?? "", primaryText: creative.primaryText ?? "")
        }
    }
}
