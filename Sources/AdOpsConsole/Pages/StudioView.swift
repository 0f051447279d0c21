import AdPlatformKit
import Foundation
import Trafficking

/// What the studio's template shows: the wizard's fields filled from a draft, the local previews, and, after a
/// review, every platform's plan and every violation with a launch form carrying the draft.
struct StudioView {
    /// A text input.
    struct Input {
        /// Its id and name.
        var id: String
        /// Its label.
        var label: String
        /// Its value.
        var value: String
        /// The server's counts for it, per platform (`google 31/30`), after a review.
        var counts: [String]
    }

    /// An option of a select, checkbox or radio group.
    struct Choice {
        /// The value sent.
        var value: String
        /// The label shown.
        var label: String
        /// Whether it is chosen.
        var selected: Bool
        /// The control's id, for its label.
        var id: String
        /// The account's platform, for the page's counters; empty for other choices.
        var platform = ""
    }

    /// A hidden field of the launch form.
    struct Hidden {
        /// The name.
        var name: String
        /// The value.
        var value: String
    }

    /// A violation or a draft problem, for the list the live region shows.
    struct Problem {
        /// The platform, when one platform's rule.
        var platform: String?
        /// The field path the validator names, or the form field.
        var field: String
        /// The form field it belongs to, when one.
        var input: String
        /// The limit, when the rule has one.
        var limit: String?
        /// `hard` or `recommended`.
        var severity: String
        /// What is wrong.
        var message: String
    }

    /// One platform's plan for one account.
    struct Plan {
        /// The account's name.
        var account: String
        /// The platform id.
        var platform: String
        /// The platform's name.
        var displayName: String
        /// The campaign's name and objective as the platform takes it.
        var campaign: String
        /// The platform's objective value.
        var objective: String
        /// The budget in the platform's unit, on the level that carries it.
        var budget: String
        /// The ad groups with their own budget line, where budgets sit on them.
        var adGroups: [Line]
        /// The ads.
        var ads: [Line]
        /// The level names: `ad set`, `ad squad`, ….
        var adGroupLevel: String
    }

    /// One line of a plan.
    struct Line {
        /// The entity's name.
        var name: String
        /// What else it carries (a budget, a headline), when anything.
        var detail: String?
    }

    /// A platform preview a platform rendered, to frame.
    struct Frame {
        /// The format's label.
        var label: String
        /// The page the platform serves the preview at.
        var url: String
        /// The format's value, for the frame's shape.
        var format: String
        /// `portrait` for vertical formats.
        var shape: String
    }

    /// The campaign name typed.
    var name: String
    /// The objectives, the chosen one selected.
    var objectives: [Choice]
    /// The active ad accounts, the chosen ones checked.
    var accounts: [Choice]
    /// Whether there is any account to choose.
    var hasAccounts: Bool
    /// The budget amount typed.
    var budgetAmount: String
    /// Daily or lifetime.
    var periods: [Choice]
    /// The first day, `2026-12-08`.
    var start: String
    /// The last day, or empty.
    var end: String
    /// The country codes typed.
    var countries: String
    /// The least age typed.
    var ageMin: String
    /// The greatest age typed.
    var ageMax: String
    /// The genders, the chosen ones checked.
    var genders: [Choice]
    /// The headlines shown at once (three: what Google needs at least).
    var headlines: [Input]
    /// The other headlines, folded.
    var moreHeadlines: [Input]
    /// Whether any folded headline is filled in (the fold opens).
    var hasMoreHeadlines: Bool
    /// The descriptions shown at once (two).
    var descriptions: [Input]
    /// The other descriptions, folded.
    var moreDescriptions: [Input]
    /// Whether any folded description is filled in (the fold opens).
    var hasMoreDescriptions: Bool
    /// The primary text.
    var primaryText: Input
    /// The page or brand name.
    var brand: Input
    /// The campaign name, with its counters.
    var nameInput: Input
    /// The landing URL typed.
    var linkURL: String
    /// The calls to action, the chosen one selected.
    var callToActions: [Choice]
    /// The chosen image as a `data:` URI, read by the page's script.
    var imageData: String
    /// The image's address, typed without script.
    var imageURL: String
    /// The initial previews, as the server renders them.
    var preview: StudioPreview
    /// The studio script's versioned URL.
    var script: String
    /// The studio stylesheet's versioned URL.
    var stylesheet: String
    /// Whether this is a review (or a refused launch).
    var reviewed: Bool
    /// Every account's plan.
    var plans: [Plan]
    /// Every violation and draft problem.
    var problems: [Problem]
    /// Whether there is any.
    var hasProblems: Bool
    /// Whether the launch form shows: a complete draft with nothing a platform would reject.
    var canLaunch: Bool
    /// The draft, as the launch form's hidden fields.
    var hidden: [Hidden]
    /// A platform's own previews, after a no-script platform-preview post.
    var frames: [Frame]
    /// Why there are none, or the platform's refusal.
    var platformPreviewNote: String?
    /// Suggested variations, after a no-script request for them.
    var variations: [StudioVariation]

    /// The wizard for `draft`; `evaluation` adds the review.
    init(
        draft: StudioDraft, accounts: [AdAccount], evaluation: StudioEvaluation?, extraViolations: [Violation] = [],
        environment: ConsoleEnvironment
    ) {
        let chosen = Set(draft.values("account").map { $0.uppercased() })
        name = draft.value("name")
        objectives = Objective.allCases.map {
            Choice(
                value: $0.rawValue, label: Self.words($0.rawValue), selected: draft.value("objective") == $0.rawValue,
                id: "objective-\($0.rawValue)")
        }
        self.accounts = accounts.enumerated().map { index, account in
            Choice(
                value: account.id.uuidString, label: "\(account.name) (\(account.platform.rawValue))",
                selected: chosen.contains(account.id.uuidString), id: "account-\(index + 1)",
                platform: account.platform.rawValue)
        }
        hasAccounts = !accounts.isEmpty
        budgetAmount = draft.value("budget-amount")
        periods = Budget.Period.allCases.map {
            Choice(
                value: $0.rawValue, label: $0.rawValue.capitalized,
                selected: (draft.value("period").isEmpty ? "daily" : draft.value("period")) == $0.rawValue,
                id: "period-\($0.rawValue)")
        }
        start = draft.value("start")
        end = draft.value("end")
        countries = draft.value("countries")
        ageMin = draft.value("age-min")
        ageMax = draft.value("age-max")
        let genders = Set(draft.values("gender"))
        self.genders = Gender.allCases.map {
            Choice(
                value: $0.rawValue, label: $0.rawValue.capitalized, selected: genders.contains($0.rawValue),
                id: "gender-\($0.rawValue)")
        }
        let counts = Self.counts(draft: draft, platforms: evaluation?.platforms ?? [])
        func input(_ id: String, _ label: String) -> Input {
            Input(id: id, label: label, value: draft.value(id), counts: counts[id] ?? [])
        }
        let allHeadlines = (0..<StudioDraft.headlineFields).map { index in
            input(StudioDraft.headlineField(index), index == 0 ? "Headline" : "Headline \(index + 1)")
        }
        let allDescriptions = (0..<StudioDraft.descriptionFields).map { index in
            input(StudioDraft.descriptionField(index), index == 0 ? "Description" : "Description \(index + 1)")
        }
        headlines = Array(allHeadlines.prefix(3))
        moreHeadlines = Array(allHeadlines.dropFirst(3))
        hasMoreHeadlines = moreHeadlines.contains { !$0.value.isEmpty }
        descriptions = Array(allDescriptions.prefix(2))
        moreDescriptions = Array(allDescriptions.dropFirst(2))
        hasMoreDescriptions = moreDescriptions.contains { !$0.value.isEmpty }
        primaryText = input("primary-text", "Primary text")
        brand = input("brand", "Page or brand name")
        nameInput = input("name", "Campaign name")
        linkURL = draft.value("link-url")
        callToActions = CallToAction.allCases.map {
            Choice(
                value: $0.rawValue, label: Self.words($0.rawValue), selected: draft.value("cta") == $0.rawValue,
                id: "cta-\($0.rawValue)")
        }
        imageData = draft.value("image-data")
        imageURL = draft.value("image-url")
        preview = StudioPreview(draft: draft, registry: environment.engine.registry)
        script = environment.files.url(ofAsset: "studio.js")
        stylesheet = environment.files.url(ofAsset: "studio.css")
        reviewed = evaluation != nil
        plans = evaluation.map(Self.plans) ?? []
        var problems: [Problem] = []
        if let evaluation {
            problems += evaluation.problems.map {
                Problem(
                    platform: nil, field: $0.field, input: $0.field, limit: nil, severity: "hard", message: $0.message)
            }
            problems += (evaluation.violations + extraViolations).map(Self.problem)
        }
        self.problems = problems
        hasProblems = !problems.isEmpty
        canLaunch = evaluation.map { !$0.blocksLaunch } ?? false && extraViolations.isEmpty
        hidden = draft.fields.filter { !["_csrf", "preview-platform"].contains($0.key) }.sorted { $0.key < $1.key }
            .flatMap { name, values in values.map { Hidden(name: name, value: $0) } }
        frames = []
        platformPreviewNote = nil
        variations = []
    }

    /// A violation as the page lists it.
    static func problem(_ violation: Violation) -> Problem {
        Problem(
            platform: violation.platform?.rawValue, field: violation.fieldPath,
            input: StudioDraft.input(forPath: violation.fieldPath) ?? "", limit: violation.limit,
            severity: violation.severity.rawValue, message: violation.message)
    }

    /// `learnMore` → `Learn more`.
    static func words(_ camel: String) -> String {
        var text = ""
        for character in camel {
            if character.isUppercase { text += " " + character.lowercased() } else { text.append(character) }
        }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Each input's counts, `platform count/limit`, measured as each platform measures.
    static func counts(draft: StudioDraft, platforms: [RegisteredPlatform]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for count in StudioCheck.counts(draft: draft, platforms: platforms) {
            result[count.input, default: []].append("\(count.platform) \(count.count)/\(count.limit)")
        }
        return result
    }

    /// Every account's plan: what its platform would be asked to create, with the budget in the platform's unit.
    static func plans(_ evaluation: StudioEvaluation) -> [Plan] {
        guard let baseRequest = evaluation.request else { return [] }
        return evaluation.accounts.compactMap { account in
            guard let module = evaluation.platforms.first(where: { $0.id == account.platform }) else { return nil }
            var request = baseRequest
            request.budget.amount = Money(minorUnits: request.budget.amount.minorUnits, currency: account.currency)
            let capabilities = module.capabilities
            let plan = TraffickingPlan(request: request, capabilities: capabilities, scope: "review")
            let unit = capabilities.budget.unit
            let campaignLevel = capabilities.hierarchy.name(of: .campaign)
            let groupLevel = capabilities.hierarchy.name(of: .adGroup)
            let budget =
                plan.campaign.budget.map { "\(campaignLevel): \(budgetText($0, unit: unit))" }
                ?? "on each \(groupLevel)"
            return Plan(
                account: account.name, platform: account.platform.rawValue, displayName: capabilities.displayName,
                campaign: plan.campaign.name, objective: capabilities.objectives[request.objective] ?? "not offered",
                budget: budget,
                adGroups: plan.adGroups.map { group in
                    Line(name: group.name, detail: group.budget.map { budgetText($0, unit: unit) })
                },
                ads: plan.ads.map { ad in
                    Line(name: ad.spec.name, detail: ad.spec.creative.headlines.joined(separator: " | "))
                }, adGroupLevel: groupLevel)
        }
    }

    /// `daily 15000 minor units (150.00 USD)`: the value the platform's API is sent.
    static func budgetText(_ budget: Budget, unit: BudgetUnit) -> String {
        let unitName: String
        switch unit {
        case .micros: unitName = "micros"
        case .majorUnits: unitName = "major units"
        case .offset: unitName = "minor units"
        }
        let value: String
        do {
            value = try unit.platformValue(for: budget.amount).scalarText ?? "?"
        } catch {
            value = "not representable (\(error.message))"
        }
        return "\(budget.period.rawValue) \(value) \(unitName) (\(Format.money(budget.amount)))"
    }
}
