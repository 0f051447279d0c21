import AdPlatformKit
import Foundation
import Trafficking

/// Runs ``RequestValidator`` on one creative for one platform, inside the smallest request the platform takes,
/// and returns only what concerns the creative: its text, counts, media and call to action.
public enum CreativeCheck {
    /// Every violation of the creative on the platform, recommendations included.
    public static func violations(
        of creative: CreativeDefinition, on capabilities: PlatformCapabilities
    )
        -> [Violation]
    {
        let objective = Objective.allCases.first { capabilities.objectives[$0] != nil } ?? .traffic
        let minimum = capabilities.budget.dailyMinimumMicros ?? 1_000_000
        let budget = Money.rounding(micros: max(minimum, 1_000_000) * 10, currency: .usd)
        let request = TraffickingRequest(
            name: "Creative check", objective: objective, budget: Budget(.daily, budget),
            schedule: Schedule(start: Date(timeIntervalSince1970: 0)), targeting: Targeting(countries: ["US"]),
            adGroups: [AdGroupDefinition(key: "group", name: "Group")], creatives: [creative],
            ads: [AdDefinition(name: "Ad", adGroup: "group", creative: creative.key)])
        return RequestValidator().validate(request, against: [capabilities]).filter {
            $0.fieldPath.hasPrefix("creatives[")
        }
    }
}
