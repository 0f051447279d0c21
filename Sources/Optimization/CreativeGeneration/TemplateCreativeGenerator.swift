import AdPlatformKit
import Foundation
import Trafficking

/// The default ``CreativeGenerator``: deterministic and offline, it fills templates for each angle from the brief
/// and fits every line to each platform's limits. Variation 1 takes the benefit angle, 2 social proof or urgency,
/// 3 problem and solution, 4 the benefit angle again with its next template, and so on.
///
/// Every field is held to the seed's caps (headline 40, primary text 125) and to each platform's own limits, hard
/// and recommended, counted as the platform counts; the call to action is mapped to what the platform has (its
/// nearest where it lacks the one asked for); media is the kinds the platform shows. Each creative is checked with
/// ``CreativeCheck`` before it is returned.
public struct TemplateCreativeGenerator: CreativeGenerator {
    /// Seed 003's headline cap.
    public static let headlineCap = 40
    /// Seed 003's primary-text cap.
    public static let primaryTextCap = 125
    /// How many headlines a platform that takes several (Google responsive search ads) is given.
    public static let headlinesWhereSeveral = 5
    /// How many descriptions a platform that needs them (Google) is given.
    public static let descriptionsWhereNeeded = 2

    /// Creates the generator.
    public init() {}

    /// `count` variations; see ``generate(_:count:for:)``.
    public func variations(
        of brief: CreativeBrief, count: Int, for platforms: [PlatformCapabilities]
    ) async throws -> [CreativeVariation] {
        try generate(brief, count: count, for: platforms)
    }

    /// `count` variations of the brief, each with one creative per platform, synchronously.
    public func generate(
        _ brief: CreativeBrief, count: Int, for platforms: [PlatformCapabilities]
    ) throws(CreativeGenerationError) -> [CreativeVariation] {
        for (name, value) in [("brandName", brief.brandName), ("product", brief.product), ("benefit", brief.benefit)]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CreativeGenerationError(.incompleteBrief, "the brief needs a \(name)")
        }
        var variations: [CreativeVariation] = []
        for number in 1...max(count, 1) where count > 0 {
            let angle = CreativeAngle.allCases[(number - 1) % CreativeAngle.allCases.count]
            let round = (number - 1) / CreativeAngle.allCases.count
            var creatives: [CreativeDefinition] = []
            for capabilities in platforms {
                let creative = try write(brief, angle: angle, round: round, number: number, for: capabilities)
                let violations = CreativeCheck.violations(of: creative, on: capabilities)
                guard violations.isEmpty else {
                    throw CreativeGenerationError(
                        .invalidCreative, platform: capabilities.platform,
                        "variation \(number) breaks \(capabilities.displayName)'s rules: "
                            + violations.map(\.description).joined(separator: "; "), violations: violations)
                }
                creatives.append(creative)
            }
            variations.append(CreativeVariation(angle: angle, number: number, creatives: creatives))
        }
        return variations
    }

    // MARK: - Writing one creative

    private func write(
        _ brief: CreativeBrief, angle: CreativeAngle, round: Int, number: Int, for capabilities: PlatformCapabilities
    ) throws(CreativeGenerationError) -> CreativeDefinition {
        let platform = capabilities.platform
        let headlineFitter = TextFitter(.headline, on: capabilities, cap: Self.headlineCap)
        let headlineLines = Self.rotated(Self.headlines(brief, angle), by: round)
        let fallbacks = [
            brief.product, brief.brandName, "Learn more", "See what's new", "Find out more", "Official site",
        ]
        let wanted =
            capabilities.headlines.maximum > 1
            ? min(max(Self.headlinesWhereSeveral, capabilities.headlines.minimum), capabilities.headlines.maximum) : 1
        let headlines = Self.distinct(
            (headlineLines + fallbacks).compactMap { headlineFitter.fit([$0]) }, count: wanted)

        let primaryTexts = Self.rotated(Self.primaryTexts(brief, angle), by: round)
        var primaryText: String?
        if !capabilities.limits(for: .primaryText).isEmpty {
            primaryText = TextFitter(.primaryText, on: capabilities, cap: Self.primaryTextCap).fit(primaryTexts)
        }
        var descriptions: [String] = []
        if capabilities.descriptions.minimum > 0 {
            let fitter = TextFitter(.description, on: capabilities, cap: Self.primaryTextCap)
            let lines = primaryTexts + [Self.sentence(brief.benefit), "Find out more about \(brief.product)."]
            descriptions = Self.distinct(
                lines.compactMap { fitter.fit([$0]) },
                count: min(
                    max(Self.descriptionsWhereNeeded, capabilities.descriptions.minimum),
                    capabilities.descriptions.maximum))
        }
        var brandName: String?
        if !capabilities.limits(for: .brandName).isEmpty {
            brandName = TextFitter(.brandName, on: capabilities).fit([brief.brandName])
        }
        let media = brief.media.filter { capabilities.media.supports($0.kind) }
        if capabilities.media.required, media.isEmpty {
            throw CreativeGenerationError(
                .noUsableMedia, platform: platform,
                "\(capabilities.media.placement) needs media the brief lacks: "
                    + (capabilities.media.videos ? "an image or a video" : "an image"))
        }
        return CreativeDefinition(
            key: "\(brief.key)-v\(number)-\(platform.rawValue)", name: "\(Self.title(angle)) - Variation \(number)",
            headlines: headlines, descriptions: descriptions, primaryText: primaryText, brandName: brandName,
            media: Array(media.prefix(1)),
            callToAction: Self.callToAction(brief.callToAction, on: capabilities), landingURL: brief.landingURL,
            platforms: [platform])
    }

    /// The button asked for where the platform has it, else the nearest it has; none where the format has no
    /// button.
    static func callToAction(_ asked: CallToAction, on capabilities: PlatformCapabilities) -> CallToAction? {
        guard capabilities.usesCallToAction else { return nil }
        let nearest: [CallToAction] = [asked, .learnMore, .shopNow, .signUp, .getOffer, .watchNow]
        return nearest.first { capabilities.callToActions[$0] != nil }
    }

    // MARK: - Templates

    static func headlines(_ brief: CreativeBrief, _ angle: CreativeAngle) -> [String] {
        let product = brief.product
        switch angle {
        case .benefit:
            return [
                brief.benefit, "\(product): \(brief.benefit)", "Discover \(product)",
                "\(product) by \(brief.brandName)",
            ]
        case .socialProofOrUrgency:
            return [brief.socialProof, brief.urgency, "Join the \(product) fans", "\(product): don't miss out"]
                .compactMap { $0 }
        case .problemSolution:
            return [brief.problem, brief.solution, "\(product) has the answer", "Meet \(product)"].compactMap { $0 }
        }
    }

    static func primaryTexts(_ brief: CreativeBrief, _ angle: CreativeAngle) -> [String] {
        let product = brief.product
        let benefit = sentence(brief.benefit)
        switch angle {
        case .benefit:
            return [
                "\(benefit) \(product) from \(brief.brandName).", "\(benefit) Try \(product) today.", benefit,
            ]
        case .socialProofOrUrgency:
            let proof = brief.socialProof.map(sentence)
            let urgency = brief.urgency.map(sentence)
            return [
                [proof, urgency].compactMap { $0 }.joined(separator: " "),
                proof.map { "\($0) Try \(product) today." }, urgency.map { "\($0) Get \(product) now." },
                "\(benefit) Don't miss out.",
            ].compactMap { $0 }.filter { !$0.isEmpty }
        case .problemSolution:
            let problem = brief.problem.map(sentence)
            let solution = sentence(brief.solution ?? brief.benefit)
            return [
                problem.map { "\($0) \(solution) Try \(product)." }, problem.map { "\($0) \(product) has the answer." },
                "\(solution) Try \(product).",
            ].compactMap { $0 }
        }
    }

    /// A line ending as a sentence: a full stop added unless it ends in one, a question or an exclamation mark.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last, !".!?".contains(last) else { return trimmed }
        return trimmed + "."
    }

    private static func title(_ angle: CreativeAngle) -> String {
        switch angle {
        case .benefit: "Benefit"
        case .socialProofOrUrgency: "Social proof"
        case .problemSolution: "Problem-solution"
        }
    }

    private static func rotated(_ lines: [String], by round: Int) -> [String] {
        guard !lines.isEmpty else { return lines }
        let shift = round % lines.count
        return Array(lines[shift...] + lines[..<shift])
    }

    /// The first `count` lines, each once ignoring case.
    private static func distinct(_ lines: [String], count: Int) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for line in lines where result.count < count && seen.insert(line.lowercased()).inserted {
            result.append(line)
        }
        return result
    }
}
