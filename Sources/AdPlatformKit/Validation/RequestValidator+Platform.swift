import Foundation

extension RequestValidator {
    /// Violations of one platform's rules: objective, budget, names, creative text, counts, media and call to
    /// action.
    public func platformViolations(
        _ request: TraffickingRequest, _ capabilities: PlatformCapabilities
    )
        -> [Violation]
    {
        var checker = PlatformRuleChecker(capabilities: capabilities)
        checker.check(request)
        return checker.found
    }
}

/// Collects one platform's violations for a request.
struct PlatformRuleChecker {
    let capabilities: PlatformCapabilities
    var found: [Violation] = []

    init(capabilities: PlatformCapabilities) {
        self.capabilities = capabilities
    }

    private var platform: PlatformID { capabilities.platform }

    mutating func add(
        _ path: String, _ rule: Violation.Rule, _ message: String, limit: String? = nil, actual: String? = nil,
        severity: Violation.Severity = .hard
    ) {
        found.append(
            Violation(
                platform: platform, fieldPath: path, rule: rule, limit: limit, actual: actual, severity: severity,
                message: message))
    }

    mutating func check(_ request: TraffickingRequest) {
        if capabilities.objectives[request.objective] == nil {
            let supported = Objective.allCases.filter { capabilities.objectives[$0] != nil }.map(\.rawValue)
            add(
                "objective", .unsupportedObjective,
                "\(capabilities.displayName) has no equivalent of '\(request.objective.rawValue)'",
                limit: supported.joined(separator: ", "), actual: request.objective.rawValue)
        }
        checkBudgets(request)
        checkText(request.name, field: .campaignName, at: "name", marked: true)
        for (index, group) in request.adGroups.enumerated() {
            checkText(group.name, field: .adGroupName, at: "adGroups[\(index)].name", marked: true)
        }
        var adsHere = 0
        for (index, ad) in request.ads.enumerated() {
            guard let creative = request.creative(ad.creative), creative.applies(to: platform) else { continue }
            adsHere += 1
            checkText(ad.name, field: .adName, at: "ads[\(index)].name", marked: true)
        }
        if !request.ads.isEmpty, adsHere == 0 {
            add("ads", .required, "no ad has a creative meant for \(capabilities.displayName)")
        }
        for (index, creative) in request.creatives.enumerated() where creative.applies(to: platform) {
            checkCreative(creative, at: "creatives[\(index)]")
        }
    }

    private mutating func checkBudgets(_ request: TraffickingRequest) {
        let rules = capabilities.budget
        if request.budget.period == .lifetime, !rules.supportsLifetime {
            add(
                "budget.period", .invalidValue, "\(capabilities.displayName) takes daily budgets only",
                actual: "lifetime")
        }
        switch rules.placement {
        case .campaign:
            checkBudget(request.budget, at: "budget", level: "campaign", schedule: request.schedule)
            for (index, group) in request.adGroups.enumerated() where group.budget != nil {
                add(
                    "adGroups[\(index)].budget", .ignored,
                    "\(capabilities.displayName) budgets the \(capabilities.hierarchy.name(of: .campaign)); this is ignored",
                    severity: .recommended)
            }
        case .adGroup:
            let shares = TraffickingPlan.adGroupBudgets(for: request)
            for (index, group) in request.adGroups.enumerated() {
                guard let share = shares[group.key], share.amount.minorUnits > 0 || group.budget == nil else {
                    continue
                }
                let path = group.budget == nil ? "budget" : "adGroups[\(index)].budget"
                checkBudget(
                    share, at: path, level: "\(capabilities.hierarchy.name(of: .adGroup)) '\(group.key)'",
                    schedule: request.schedule)
            }
        }
    }

    private mutating func checkBudget(_ budget: Budget, at path: String, level: String, schedule: Schedule) {
        guard budget.amount.minorUnits > 0 else { return }
        do {
            _ = try capabilities.budget.unit.platformValue(for: budget.amount)
        } catch {
            add(
                "\(path).amount", .invalidValue,
                "\(capabilities.displayName) cannot express this amount exactly: \(error.message)",
                actual: budget.amount.description)
        }
        guard let minimum = capabilities.budget.dailyMinimumMicros, let micros = try? budget.amount.micros() else {
            return
        }
        var days: Int64 = 1
        if budget.period == .lifetime, let end = schedule.end {
            days = max(1, Int64((end.timeIntervalSince(schedule.start) / 86_400).rounded(.up)))
        }
        let required = minimum * days
        if micros < required {
            let least = Money.rounding(micros: required, currency: budget.amount.currency)
            let perDay = budget.period == .lifetime ? " (\(days) days at the daily minimum)" : ""
            add(
                "\(path).amount", .budgetBelowMinimum,
                "the \(level) budget is under \(capabilities.displayName)'s minimum\(perDay)",
                limit: "at least \(least)", actual: budget.amount.description)
        }
    }

    private mutating func checkCreative(_ creative: CreativeDefinition, at path: String) {
        checkAssets(creative.headlines, field: .headline, count: capabilities.headlines, at: "\(path).headlines")
        checkAssets(
            creative.descriptions, field: .description, count: capabilities.descriptions, at: "\(path).descriptions")
        checkOptionalText(creative.primaryText, field: .primaryText, at: "\(path).primaryText")
        checkOptionalText(creative.brandName, field: .brandName, at: "\(path).brandName")
        for (index, displayPath) in creative.displayPaths.enumerated() {
            checkText(displayPath, field: .displayPath, at: "\(path).displayPaths[\(index)]", marked: false)
        }
        for (index, media) in creative.media.enumerated() where !capabilities.media.supports(media.kind) {
            add(
                "\(path).media[\(index)]", .unsupportedMedia,
                "\(capabilities.media.placement) cannot show \(media.kind == .image ? "an" : "a") \(media.kind.rawValue)",
                actual: media.kind.rawValue)
        }
        if capabilities.media.required, creative.media.isEmpty {
            add("\(path).media", .required, "\(capabilities.media.placement) needs an image or a video")
        }
        if let action = creative.callToAction {
            if !capabilities.usesCallToAction {
                add(
                    "\(path).callToAction", .ignored, "\(capabilities.media.placement) has no call-to-action button",
                    severity: .recommended)
            } else if capabilities.callToActions[action] == nil {
                let supported = CallToAction.allCases.filter { capabilities.callToActions[$0] != nil }.map(\.rawValue)
                add(
                    "\(path).callToAction", .unsupportedCallToAction,
                    "\(capabilities.displayName) has no '\(action.rawValue)' button",
                    limit: supported.joined(separator: ", "), actual: action.rawValue)
            }
        }
    }

    private mutating func checkAssets(_ items: [String], field: TextField, count: CountLimit, at path: String) {
        if items.count < count.minimum {
            add(
                path, items.isEmpty ? .required : .tooFew,
                "\(capabilities.displayName) needs at least \(count.minimum) \(field.rawValue)s",
                limit: "\(count)", actual: "\(items.count)")
        }
        var used = items
        if items.count > count.maximum {
            switch count.excess {
            case .rejected:
                add(
                    path, .tooMany, "\(capabilities.displayName) takes at most \(count.maximum) \(field.rawValue)s",
                    limit: "\(count)", actual: "\(items.count)")
            case .ignored:
                used = Array(items.prefix(count.maximum))
                if count.maximum > 0 {
                    add(
                        path, .ignored,
                        "\(capabilities.displayName) uses the first \(count.maximum); the other \(items.count - count.maximum) are ignored",
                        limit: "\(count)", actual: "\(items.count)", severity: .recommended)
                }
            }
        }
        if count.requiresUnique {
            var seen: Set<String> = []
            for (index, item) in used.enumerated() where !seen.insert(item.lowercased()).inserted {
                add(
                    "\(path)[\(index)]", .duplicate, "\(capabilities.displayName) rejects duplicate \(field.rawValue)s",
                    actual: item)
            }
        }
        for (index, item) in used.enumerated() {
            checkText(item, field: field, at: "\(path)[\(index)]", marked: false)
        }
    }

    private mutating func checkOptionalText(_ text: String?, field: TextField, at path: String) {
        let limits = capabilities.limits(for: field)
        guard let text else {
            if let required = limits.first(where: { $0.minimum > 0 && $0.enforcement == .hard }) {
                add(
                    path, .required,
                    "\(capabilities.displayName) requires \(required.platformField) (\(field.rawValue))")
            }
            return
        }
        checkText(text, field: field, at: path, marked: false)
    }

    private mutating func checkText(_ text: String, field: TextField, at path: String, marked: Bool) {
        for limit in capabilities.limits(for: field) {
            let markerLength = marked ? IdempotencyMarker.suffixLength : 0
            let length = limit.counting.length(of: text) + markerLength
            let counting = limit.counting == .cjkAsTwo ? "; CJK characters count 2" : ""
            let including = marked ? " including the \(markerLength)-character idempotency marker" : ""
            if length > limit.maximum {
                add(
                    path, .tooLong,
                    "\(limit.platformField) is longer than \(capabilities.displayName) \(limit.enforcement == .hard ? "allows" : "recommends")\(including)",
                    limit: "\(limit.maximum) characters\(counting)", actual: "\(length) characters",
                    severity: limit.enforcement == .hard ? .hard : .recommended)
            } else if length < limit.minimum {
                add(
                    path, .tooShort, "\(limit.platformField) is shorter than \(capabilities.displayName) allows",
                    limit: "at least \(limit.minimum) characters", actual: "\(length) characters",
                    severity: limit.enforcement == .hard ? .hard : .recommended)
            }
            if limit.restrictions.contains(.noEmoji), text.contains(where: Self.isEmoji) {
                add(
                    path, .forbiddenContent,
                    "\(capabilities.displayName) does not allow emoji in \(limit.platformField)")
            }
            if limit.restrictions.contains(.noLineBreaks), text.contains(where: { $0.isNewline || $0 == "\0" }) {
                add(
                    path, .forbiddenContent,
                    "\(capabilities.displayName) does not allow line breaks in \(limit.platformField)")
            }
        }
    }

    static func isEmoji(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            scalar.properties.isEmojiPresentation
                || (scalar.properties.isEmoji && character.unicodeScalars.contains("\u{FE0F}"))
        }
    }
}
