import AdPlatformKit

/// The capability matrix as text: limits, objectives and calls to action, platforms as columns.
struct CapabilityReport {
    let capabilities: [PlatformCapabilities]

    func render() -> String {
        [
            limitsTable(), mapTable("Objective", Objective.allCases, \.objectives), ctaTable(), hierarchyList(),
            previewList(),
        ]
        .joined(separator: "\n\n")
    }

    private var header: [String] { [""] + capabilities.map(\.displayName) }

    private func limitsTable() -> String {
        var table = TextTable(header: header)
        let fields: [(String, TextField)] = [
            ("Headline", .headline), ("Description", .description), ("Primary text", .primaryText),
            ("Brand name", .brandName), ("Display path", .displayPath), ("Campaign name", .campaignName),
        ]
        table.append(["Headlines per ad"] + capabilities.map { count($0.headlines) })
        table.append(["Descriptions per ad"] + capabilities.map { count($0.descriptions) })
        for (label, field) in fields {
            table.append([label] + capabilities.map { limit($0.limits(for: field)) })
        }
        table.append(["Images / videos"] + capabilities.map { media($0.media) })
        table.append(["Creative entity"] + capabilities.map { $0.hierarchy.creativeIsEntity ? "yes" : "inline in ad" })
        table.append(
            ["Budget on"]
                + capabilities.map { $0.hierarchy.name(of: $0.budget.placement == .campaign ? .campaign : .adGroup) })
        table.append(["Budget unit"] + capabilities.map { unit($0.budget.unit) })
        table.append(["Daily minimum"] + capabilities.map { minimum($0.budget) })
        table.append(["Lifetime budgets"] + capabilities.map { $0.budget.supportsLifetime ? "yes" : "no" })
        return "Limits (hard = rejected, rec = recommended; * CJK counts 2)\n" + table.render()
    }

    private func mapTable<Key: RawRepresentable<String>>(
        _ title: String, _ keys: [Key], _ map: KeyPath<PlatformCapabilities, [Key: String]>
    ) -> String {
        var table = TextTable(header: [title] + capabilities.map(\.displayName))
        for key in keys {
            table.append([key.rawValue] + capabilities.map { $0[keyPath: map][key] ?? "—" })
        }
        return table.render()
    }

    private func ctaTable() -> String {
        var table = TextTable(header: ["Call to action"] + capabilities.map(\.displayName))
        for action in CallToAction.allCases {
            table.append(
                [action.rawValue] + capabilities.map { $0.usesCallToAction ? ($0.callToActions[action] ?? "—") : "n/a" }
            )
        }
        return table.render()
    }

    /// Each platform's own preview formats, or why it has none.
    private func previewList() -> String {
        "Platform previews\n"
            + capabilities.map { capabilities in
                let previews = capabilities.previews
                let formats =
                    previews.hasPreviewAPI ? previews.formats.map(\.value).joined(separator: ", ") : "none"
                return "  \(capabilities.displayName): \(formats)"
                    + (previews.note.isEmpty ? "" : " (\(previews.note))")
            }
            .joined(separator: "\n")
    }

    private func hierarchyList() -> String {
        "Hierarchy (creation order)\n"
            + capabilities.map { "  \($0.displayName): \($0.hierarchy.path)" }.joined(separator: "\n")
    }

    private func count(_ limit: CountLimit) -> String {
        limit.maximum == 0 ? "—" : "\(limit)\(limit.excess == .rejected ? "" : " (first used)")"
    }

    private func limit(_ limits: [TextLimit]) -> String {
        guard !limits.isEmpty else { return "—" }
        return limits.map { limit in
            let range = limit.minimum > 0 ? "\(limit.minimum)–\(limit.maximum)" : "\(limit.maximum)"
            return "\(range) \(limit.enforcement == .hard ? "hard" : "rec")\(limit.counting == .cjkAsTwo ? "*" : "")"
        }.joined(separator: ", ")
    }

    private func media(_ media: MediaSupport) -> String {
        guard media.images || media.videos else { return "none (text only)" }
        let kinds = [media.images ? "image" : nil, media.videos ? "video" : nil].compactMap { $0 }.joined(
            separator: ", ")
        return kinds + (media.required ? " (required)" : "")
    }

    private func unit(_ unit: BudgetUnit) -> String {
        switch unit {
        case .offset: "minor units × offset"
        case .majorUnits: "major units"
        case .micros: "micros"
        }
    }

    private func minimum(_ rules: BudgetRules) -> String {
        guard let micros = rules.dailyMinimumMicros else { return "none set" }
        return "\(micros / 1_000_000) units/day"
    }
}
