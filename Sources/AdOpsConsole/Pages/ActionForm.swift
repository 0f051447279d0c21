import AdPlatformKit
import Foundation
import Trafficking

/// A lifecycle action's form, as the campaign page posts it and the confirmation page posts it again: `type`
/// (`activate`, `pause`, `budget`, `bid`, `targeting`), `level`, and the value fields of the type (`amount`,
/// `period`; `strategy`, `amount`, `roas`; `countries`, `age-min`, `age-max`, `genders`). Values are read by
/// ``ActionValues``, as the REST API reads them.
struct ActionForm: Sendable {
    /// The kinds the console offers.
    static let types = ["activate", "pause", "budget", "bid", "targeting"]
    /// The fields carried from the campaign page to the confirmation and on to the request.
    static let fieldNames = [
        "type", "level", "amount", "period", "strategy", "roas", "countries", "age-min", "age-max", "genders",
    ]

    /// The fields as posted, trimmed, blank ones left out.
    let values: [String: String]

    /// Reads the action's fields from a post; an unknown type is an invalid field.
    init(_ fields: FormFields) throws {
        var values: [String: String] = [:]
        for name in Self.fieldNames {
            if let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
                values[name] = value
            }
        }
        let type = try fields.required("type", label: "The action")
        guard Self.types.contains(type) else {
            throw ConsoleError(
                .invalidField, field: "type",
                "'\(type)' is not an action; use one of \(Self.types.joined(separator: ", "))")
        }
        self.values = values
    }

    /// The fields to carry as hidden inputs, in a fixed order.
    var hidden: [HiddenField] {
        Self.fieldNames.compactMap { name in values[name].map { HiddenField(name: name, value: $0) } }
    }

    /// `activate`, `pause`, …
    var type: String { values["type"] ?? "" }

    /// The level, `campaign` when not given.
    func level() throws -> ActionLevel {
        guard let text = values["level"] else { return .campaign }
        guard let level = ActionLevel(rawValue: text) else {
            throw ConsoleError(
                .invalidField, field: "level",
                "'\(text)' is not a level; use one of \(ActionLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return level
    }

    /// The action's kind on `campaign`, whose ad account is `account`.
    func kind(campaign: Campaign, account: AdAccount?) async throws -> ActionKind {
        do {
            switch type {
            case "activate": return .activate
            case "pause": return .pause
            case "budget":
                guard let amount = values["amount"] else {
                    throw ConsoleError(.invalidField, field: "amount", "a budget change needs an amount, e.g. 250.00")
                }
                var period: Budget.Period?
                if let text = values["period"] {
                    guard let named = Budget.Period(rawValue: text) else {
                        throw ConsoleError(
                            .invalidField, field: "period", "'\(text)' is not a period; use daily or lifetime")
                    }
                    period = named
                }
                return .budget(
                    try ActionValues.budget(
                        amount: amount, period: period, currency: nil, campaign: campaign, account: account))
            case "bid":
                let text = values["strategy"] ?? BidStrategy.Kind.automatic.rawValue
                guard let strategy = BidStrategy.Kind(rawValue: text) else {
                    throw ConsoleError(
                        .invalidField, field: "strategy",
                        "'\(text)' is not a bid strategy; use automatic, bidCap, costCap or targetROAS")
                }
                return .bid(
                    try await ActionValues.bid(
                        strategy: strategy, amount: values["amount"], roas: values["roas"], currency: nil
                    ) { ActionValues.defaultCurrency(campaign: campaign, account: account) })
            default:
                return .targeting(try targeting())
            }
        } catch let failure as ActionValues.Failure {
            throw ConsoleError(.invalidField, field: Self.formField(failure.fieldPath), failure.message)
        }
    }

    /// The targeting change: the fields given, the others kept.
    private func targeting() throws -> TargetingChange {
        var change = TargetingChange()
        if let countries = values["countries"] {
            change.countries = countries.split(whereSeparator: { $0 == "," || $0 == " " }).map {
                String($0).uppercased()
            }
        }
        switch (values["age-min"], values["age-max"]) {
        case (nil, nil): break
        case (let minimum?, let maximum?):
            guard let low = Int(minimum) else {
                throw ConsoleError(.invalidField, field: "age-min", "'\(minimum)' is not a whole number of years")
            }
            guard let high = Int(maximum) else {
                throw ConsoleError(.invalidField, field: "age-max", "'\(maximum)' is not a whole number of years")
            }
            change.ageRange = AgeRange(minimum: low, maximum: high)
        case (nil, _):
            throw ConsoleError(
                .invalidField, field: "age-min", "an age range needs both the youngest and the oldest age")
        case (_, nil):
            throw ConsoleError(
                .invalidField, field: "age-max", "an age range needs both the youngest and the oldest age")
        }
        if let genders = values["genders"] {
            switch genders {
            case "all": change.genders = []
            default:
                guard let gender = Gender(rawValue: genders) else {
                    throw ConsoleError(
                        .invalidField, field: "genders", "'\(genders)' is not a gender; use male or female")
                }
                change.genders = [gender]
            }
        }
        guard !change.isEmpty else {
            throw ConsoleError(.invalidField, field: "countries", "give countries, an age range or genders to change")
        }
        return change
    }

    /// The form's field for a request's field path (`budget.amount` → `amount`, `targeting.ageRange` → `age-min`).
    static func formField(_ fieldPath: String) -> String {
        switch fieldPath {
        case let path where path.hasSuffix(".amount"): "amount"
        case let path where path.hasSuffix(".roas"): "roas"
        case "budget.period": "period"
        case let path where path.hasPrefix("bid"): "strategy"
        case let path where path.hasPrefix("targeting.countries"): "countries"
        case "targeting.ageRange": "age-min"
        case "targeting.genders": "genders"
        case let path where path.hasPrefix("targeting"): "countries"
        case let path where path.hasPrefix("budget"): "amount"
        case let path where path.hasPrefix("entityIDs"): "level"
        case "action", "status": "type"
        default: fieldPath
        }
    }
}

/// A hidden input of a confirmation form.
struct HiddenField: Sendable {
    /// The name.
    var name: String
    /// The value.
    var value: String
}
