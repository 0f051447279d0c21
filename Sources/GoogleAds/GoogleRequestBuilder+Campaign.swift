import AdPlatformKit
import Foundation

extension GoogleRequestBuilder {
    /// The temporary id of the budget in the campaign's atomic mutate.
    static let temporaryBudgetID = "-1"
    /// The temporary id of the campaign in the campaign's atomic mutate.
    static let temporaryCampaignID = "-2"

    /// One atomic `googleAds:mutate` that creates the campaign budget, the search campaign that uses it, and one
    /// location criterion per country. Temporary resource names (`-1`, `-2`) link them, so either everything
    /// exists afterwards or nothing does.
    ///
    /// The budget is named after the campaign, so it carries the campaign's idempotency marker too. Dates are
    /// `yyyy-MM-dd HH:mm:ss` in the account's time zone, whole days as the campaign proto asks for daily
    /// granularity: the start day from 00:00:00, the end day to 23:59:59.
    public func createCampaign(
        _ spec: CampaignSpec, countries: [String] = [], in account: AccountContext
    )
        throws(AdPlatformError) -> PlatformHTTPRequest
    {
        let operation = "createCampaign"
        let customerID = try customerID(for: account, operation: operation)
        guard let budget = spec.budget else {
            throw .google(
                .invalidParameter, "a Google campaign needs a budget; budgets sit on the campaign",
                operation: operation, fieldPath: "budget")
        }
        guard budget.period == .daily else {
            throw .google(
                .unsupported, "this module creates daily campaign budgets only", operation: operation,
                fieldPath: "budget.period")
        }
        guard let channel = capabilities.objectives[spec.objective] else {
            throw .google(
                .unsupported, "Google Ads search campaigns have no equivalent of '\(spec.objective.rawValue)'",
                operation: operation, fieldPath: "objective")
        }
        let amountMicros = try micros(budget.amount, in: account, fieldPath: "budget.amount", operation: operation)
        let locations = try locationResourceNames(
            forCountries: countries, fieldPath: "targeting.countries", operation: operation)
        let budgetName = GoogleResourceName.make(
            customerID: customerID, collection: "campaignBudgets", id: Self.temporaryBudgetID)
        let campaignName = GoogleResourceName.make(
            customerID: customerID, collection: "campaigns", id: Self.temporaryCampaignID)

        var campaign: [String: JSONValue] = [
            "resourceName": .string(campaignName),
            "name": .string(spec.name),
            "status": try createStatus(spec.status, fieldPath: "status", operation: operation),
            "advertisingChannelType": .string(channel),
            "campaignBudget": .string(budgetName),
            "networkSettings": [
                "targetGoogleSearch": true, "targetSearchNetwork": true, "targetContentNetwork": false,
            ],
            "containsEuPoliticalAdvertising": "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING",
        ]
        // Maximize clicks (`targetSpend`) for traffic; Maximize conversions for the conversion objectives.
        if spec.objective == .traffic {
            campaign["targetSpend"] = [:]
        } else {
            campaign["maximizeConversions"] = [:]
        }
        let timeZone = try accountTimeZone(account, operation: operation)
        campaign["startDateTime"] = .string(Self.dateTime(spec.schedule.start, endOfDay: false, in: timeZone))
        if let end = spec.schedule.end {
            campaign["endDateTime"] = .string(Self.dateTime(end, endOfDay: true, in: timeZone))
        }

        var operations: [JSONValue] = [
            [
                "campaignBudgetOperation": [
                    "create": [
                        "resourceName": .string(budgetName),
                        "name": .string(spec.name + " budget"),
                        "amountMicros": amountMicros,
                        "deliveryMethod": "STANDARD",
                        "explicitlyShared": false,
                    ]
                ]
            ],
            ["campaignOperation": ["create": .object(campaign)]],
        ]
        for location in locations {
            operations.append(locationCriterionOperation(campaign: campaignName, location: location))
        }
        return try post(
            "googleAds:mutate", body: ["mutateOperations": .array(operations), "partialFailure": false],
            in: account, operation: operation)
    }

    /// The account's time zone from `settings["time_zone"]`, UTC when unset.
    func accountTimeZone(_ account: AccountContext, operation: String) throws(AdPlatformError) -> TimeZone {
        guard let identifier = account.settings["time_zone"] else { return TimeZone(identifier: "UTC") ?? .gmt }
        guard let zone = TimeZone(identifier: identifier) else {
            throw .google(
                .invalidParameter, "'\(identifier)' is not an IANA time zone", operation: operation,
                fieldPath: "account.settings.time_zone")
        }
        return zone
    }

    /// `2026-12-01 00:00:00` (or `23:59:59` at the end of the day) for the calendar day of an instant in a zone.
    static func dateTime(_ date: Date, endOfDay: Bool, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.dateComponents([.year, .month, .day], from: date)
        let text = String(format: "%04d-%02d-%02d", day.year ?? 1970, day.month ?? 1, day.day ?? 1)
        return text + (endOfDay ? " 23:59:59" : " 00:00:00")
    }
}
