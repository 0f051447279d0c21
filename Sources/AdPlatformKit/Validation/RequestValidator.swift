import Foundation

/// Checks a request against the rules every platform shares and against one platform's capabilities, before
/// any network call. It reports every violation, not just the first.
public struct RequestValidator: Sendable {
    /// Creates a validator.
    public init() {}

    /// Every violation of the shared rules and of each platform's rules; shared ones are reported once.
    public func validate(_ request: TraffickingRequest, for platforms: [any AdPlatform]) -> [Violation] {
        validate(request, against: platforms.map(\.capabilities))
    }

    /// Every violation of the shared rules and of each registered platform's rules.
    public func validate(_ request: TraffickingRequest, for platforms: [RegisteredPlatform]) -> [Violation] {
        validate(request, against: platforms.map(\.capabilities))
    }

    /// Every violation of the shared rules and of each capability set's rules.
    public func validate(_ request: TraffickingRequest, against capabilities: [PlatformCapabilities]) -> [Violation] {
        sharedViolations(request) + capabilities.flatMap { platformViolations(request, $0) }
    }

    // MARK: - Rules every platform shares

    /// Violations of the rules that do not depend on a platform.
    public func sharedViolations(_ request: TraffickingRequest) -> [Violation] {
        var found: [Violation] = []
        func add(_ path: String, _ rule: Violation.Rule, _ message: String, limit: String? = nil, actual: String? = nil)
        {
            found.append(
                Violation(platform: nil, fieldPath: path, rule: rule, limit: limit, actual: actual, message: message))
        }
        if request.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            add("name", .required, "the campaign needs a name")
        }
        checkPositive(request.budget.amount, at: "budget.amount", into: &found)
        if let end = request.schedule.end, end <= request.schedule.start {
            add("schedule.end", .invalidValue, "the end must be after the start")
        }
        if request.budget.period == .lifetime, request.schedule.end == nil {
            add("schedule.end", .required, "a lifetime budget needs a schedule end")
        }
        checkTargeting(request.targeting, at: "targeting", into: &found)

        if request.adGroups.isEmpty { add("adGroups", .required, "at least one ad group is required") }
        checkUniqueKeys(request.adGroups.map(\.key), at: "adGroups", into: &found)
        for (index, group) in request.adGroups.enumerated() {
            let path = "adGroups[\(index)]"
            if group.name.trimmingCharacters(in: .whitespaces).isEmpty {
                add("\(path).name", .required, "the ad group needs a name")
            }
            if let budget = group.budget {
                checkPositive(budget.amount, at: "\(path).budget.amount", into: &found)
                if budget.amount.currency != request.budget.amount.currency {
                    add(
                        "\(path).budget.currency", .invalidValue, "must match the campaign budget's currency",
                        limit: request.budget.amount.currency.code, actual: budget.amount.currency.code)
                }
                if budget.period != request.budget.period {
                    add(
                        "\(path).budget.period", .invalidValue, "must match the campaign budget's period",
                        limit: request.budget.period.rawValue, actual: budget.period.rawValue)
                }
            }
            if let bid = group.bid { checkPositive(bid, at: "\(path).bid", into: &found) }
            if let targeting = group.targeting { checkTargeting(targeting, at: "\(path).targeting", into: &found) }
        }
        let explicit = request.adGroups.compactMap(\.budget).reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        if explicit > request.budget.amount.minorUnits {
            add(
                "adGroups", .invalidValue, "ad group budgets add up to more than the campaign budget",
                limit: request.budget.amount.description,
                actual: Money(minorUnits: explicit, currency: request.budget.amount.currency).description)
        }

        if request.creatives.isEmpty { add("creatives", .required, "at least one creative is required") }
        checkUniqueKeys(request.creatives.map(\.key), at: "creatives", into: &found)
        for (index, creative) in request.creatives.enumerated() {
            let path = "creatives[\(index)]"
            if creative.headlines.isEmpty { add("\(path).headlines", .required, "at least one headline is required") }
            for (line, headline) in creative.headlines.enumerated()
            where headline.trimmingCharacters(in: .whitespaces).isEmpty {
                add("\(path).headlines[\(line)]", .required, "a headline may not be empty")
            }
            if !Self.isWebURL(creative.landingURL) {
                add(
                    "\(path).landingURL", .invalidValue, "must be an absolute http or https URL with a host",
                    actual: creative.landingURL)
            }
            if creative.platforms?.isEmpty == true {
                add("\(path).platforms", .invalidValue, "an empty list sends the creative nowhere; omit it for all")
            }
        }

        if request.ads.isEmpty { add("ads", .required, "at least one ad is required") }
        for (index, ad) in request.ads.enumerated() {
            if ad.name.trimmingCharacters(in: .whitespaces).isEmpty {
                add("ads[\(index)].name", .required, "the ad needs a name")
            }
            if request.adGroup(ad.adGroup) == nil {
                add("ads[\(index)].adGroup", .unknownReference, "no ad group has the key '\(ad.adGroup)'")
            }
            if request.creative(ad.creative) == nil {
                add("ads[\(index)].creative", .unknownReference, "no creative has the key '\(ad.creative)'")
            }
        }
        return found
    }

    private func checkPositive(_ money: Money, at path: String, into found: inout [Violation]) {
        if money.minorUnits <= 0 {
            found.append(
                Violation(
                    platform: nil, fieldPath: path, rule: .invalidValue, limit: "greater than 0",
                    actual: money.description, message: "must be greater than zero"))
        }
    }

    private func checkTargeting(_ targeting: Targeting, at path: String, into found: inout [Violation]) {
        if targeting.countries.isEmpty {
            found.append(
                Violation(
                    platform: nil, fieldPath: "\(path).countries", rule: .required,
                    message: "at least one country is required"))
        }
        for (index, country) in targeting.countries.enumerated()
        where country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            found.append(
                Violation(
                    platform: nil, fieldPath: "\(path).countries[\(index)]", rule: .invalidValue,
                    limit: "ISO-3166 alpha-2, upper case", actual: country,
                    message: "'\(country)' is not a two-letter country code such as US"))
        }
        if let range = targeting.ageRange {
            if range.minimum < 13 || range.maximum > 65 || range.minimum > range.maximum {
                found.append(
                    Violation(
                        platform: nil, fieldPath: "\(path).ageRange", rule: .invalidValue, limit: "13–65, min ≤ max",
                        actual: range.description, message: "ages must lie within 13–65 (65 means 65 and over)"))
            }
        }
    }

    private func checkUniqueKeys(_ keys: [String], at path: String, into found: inout [Violation]) {
        var seen: Set<String> = []
        for (index, key) in keys.enumerated() {
            if key.isEmpty {
                found.append(
                    Violation(
                        platform: nil, fieldPath: "\(path)[\(index)].key", rule: .required, message: "a key is required"
                    ))
            } else if !seen.insert(key).inserted {
                found.append(
                    Violation(
                        platform: nil, fieldPath: "\(path)[\(index)].key", rule: .duplicate, actual: key,
                        message: "the key '\(key)' is used twice"))
            }
        }
    }

    static func isWebURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
        else { return false }
        return scheme == "http" || scheme == "https"
    }
}
