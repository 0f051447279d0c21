import AdPlatformKit
import Foundation

/// The wizard's fields as the person typed them: read from a form post, or from the JSON the page's script sends
/// (the same field names), and turned into the engine's ``TraffickingRequest``. It only carries values; every
/// rule about them is the validator's.
struct StudioDraft: Sendable, Hashable {
    /// The most headlines the form offers (Google responsive search ads take up to 15).
    static let headlineFields = 15
    /// The most descriptions the form offers (Google takes up to 4).
    static let descriptionFields = 4

    /// Every field by name, as sent.
    var fields: [String: [String]]

    /// A draft from a form post or a JSON object of the same names.
    init(fields: [String: [String]]) {
        self.fields = fields
    }

    /// The first value of a field, trimmed; empty when absent.
    func value(_ name: String) -> String {
        fields[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// Every value of a field.
    func values(_ name: String) -> [String] { fields[name] ?? [] }

    /// The form field of the `index`th headline (from 0): `headline`, `headline-2`, ….
    static func headlineField(_ index: Int) -> String { index == 0 ? "headline" : "headline-\(index + 1)" }

    /// The form field of the `index`th description (from 0): `description`, `description-2`, ….
    static func descriptionField(_ index: Int) -> String {
        index == 0 ? "description" : "description-\(index + 1)"
    }

    /// The headlines typed, in order, blanks left out.
    var headlines: [String] {
        (0..<Self.headlineFields).map { value(Self.headlineField($0)) }.filter { !$0.isEmpty }
    }

    /// The descriptions typed, in order, blanks left out.
    var descriptions: [String] {
        (0..<Self.descriptionFields).map { value(Self.descriptionField($0)) }.filter { !$0.isEmpty }
    }

    /// The chosen accounts' ids, in the form's order; values that are not ids are reported by ``request``.
    var accountIDs: [UUID] { values("account").compactMap { UUID(uuidString: $0) } }

    /// The image: a `data:` URI read by the page's script, else a URL typed without it.
    var imageSource: String? {
        let data = value("image-data")
        if !data.isEmpty { return data }
        let url = value("image-url")
        return url.isEmpty ? nil : url
    }

    /// The request the draft describes, in `currency` (the first chosen account's), or the fields that cannot
    /// be read into one (a budget that is not a number, a date that is not a date). Paused, always: the console
    /// launches nothing that spends before someone turns it on.
    ///
    /// The form has one set of creative fields; the request gets one creative per shape of ad the chosen
    /// platforms show, as their capabilities say: with the image where the format shows images, and with the
    /// button where it has one (a search ad is text only), each creative for its platforms.
    func request(
        currency: Currency, platforms: [PlatformCapabilities] = []
    ) -> Result<TraffickingRequest, StudioDraftProblems> {
        var problems: [StudioDraftProblems.Problem] = []
        let objective = Objective(rawValue: value("objective"))
        if objective == nil {
            problems.append(.init(field: "objective", message: "choose an objective"))
        }
        var amount = Money(minorUnits: 0, currency: currency)
        do {
            amount = try Money(decimal: value("budget-amount"), currency: currency)
        } catch {
            problems.append(
                .init(
                    field: "budget-amount",
                    message: "'\(value("budget-amount"))' is not an amount in \(currency.code): \(error.message)"))
        }
        let period = Budget.Period(rawValue: value("period")) ?? .daily
        let start = Self.day(value("start"))
        if start == nil {
            problems.append(.init(field: "start", message: "'\(value("start"))' is not a date such as 2026-12-08"))
        }
        var end: Date?
        if !value("end").isEmpty {
            end = Self.day(value("end"))
            if end == nil {
                problems.append(.init(field: "end", message: "'\(value("end"))' is not a date such as 2026-12-31"))
            }
        }
        var ageRange: AgeRange?
        if !value("age-min").isEmpty || !value("age-max").isEmpty {
            if let minimum = Int(value("age-min").isEmpty ? "13" : value("age-min")),
                let maximum = Int(value("age-max").isEmpty ? "65" : value("age-max"))
            {
                ageRange = AgeRange(minimum: minimum, maximum: maximum)
            } else {
                problems.append(.init(field: "age-min", message: "ages are whole numbers of years"))
            }
        }
        for text in values("account") where UUID(uuidString: text) == nil {
            problems.append(.init(field: "account", message: "'\(text)' is not an account id"))
        }
        var callToAction: CallToAction?
        if !value("cta").isEmpty {
            callToAction = CallToAction(rawValue: value("cta"))
            if callToAction == nil {
                problems.append(.init(field: "cta", message: "'\(value("cta"))' is not a call to action"))
            }
        }
        guard problems.isEmpty, let objective, let start else {
            return .failure(StudioDraftProblems(problems: problems))
        }
        let countries = value("countries").split(whereSeparator: { $0 == "," || $0 == " " }).map {
            $0.uppercased()
        }
        let primaryText = value("primary-text")
        let brandName = value("brand")
        /// What an ad format shows besides text.
        struct Shape: Hashable {
            /// An image.
            var image: Bool
            /// A call-to-action button.
            var button: Bool
        }
        var shapes: [(shape: Shape, platforms: [PlatformID])] = []
        for capabilities in platforms {
            let shape = Shape(image: capabilities.media.supports(.image), button: capabilities.usesCallToAction)
            if let index = shapes.firstIndex(where: { $0.shape == shape }) {
                shapes[index].platforms.append(capabilities.platform)
            } else {
                shapes.append((shape, [capabilities.platform]))
            }
        }
        if shapes.isEmpty { shapes = [(Shape(image: true, button: true), [])] }
        let creatives = shapes.enumerated().map { index, entry in
            CreativeDefinition(
                key: shapes.count == 1 ? "main" : "main-\(index + 1)", name: value("name"), headlines: headlines,
                descriptions: descriptions, primaryText: primaryText.isEmpty ? nil : primaryText,
                brandName: brandName.isEmpty ? nil : brandName,
                media: entry.shape.image ? imageSource.map { [MediaReference(kind: .image, source: $0)] } ?? [] : [],
                callToAction: entry.shape.button ? callToAction : nil, landingURL: value("link-url"),
                platforms: shapes.count == 1 ? nil : entry.platforms)
        }
        let request = TraffickingRequest(
            name: value("name"), objective: objective, status: .paused, budget: Budget(period, amount),
            schedule: Schedule(start: start, end: end),
            targeting: Targeting(
                countries: countries, ageRange: ageRange, genders: values("gender").compactMap(Gender.init(rawValue:))),
            adGroups: [AdGroupDefinition(key: "main", name: "\(value("name")) — main")],
            creatives: creatives,
            ads: creatives.map { AdDefinition(name: "\(value("name")) — ad", adGroup: "main", creative: $0.key) }
        )
        return .success(request)
    }

    /// `2026-12-08` as midnight UTC, or `nil`.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    /// A date as `2026-12-08` in UTC.
    static func dayText(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }

    /// The form field a validator's field path points at (`creatives[0].headlines[1]` → `headline-2`), so the
    /// page can show a violation under its input; `nil` when no single input holds it.
    static func input(forPath path: String) -> String? {
        func index(after prefix: String) -> Int? {
            guard let range = path.range(of: prefix) else { return nil }
            let rest = path[range.upperBound...]
            if rest.hasPrefix("[") {
                return Int(rest.dropFirst().prefix(while: \.isNumber))
            }
            return 0
        }
        if let number = index(after: "headlines") { return headlineField(number) }
        if let number = index(after: "descriptions") { return descriptionField(number) }
        let rules: [(String, String)] = [
            ("primaryText", "primary-text"), ("brandName", "brand"), ("callToAction", "cta"),
            ("landingURL", "link-url"), ("media", "image"), ("countries", "countries"), ("ageRange", "age-min"),
            ("genders", "gender"), ("budget", "budget-amount"), ("schedule.end", "end"), ("schedule", "start"),
            ("objective", "objective"), ("accounts", "account"), ("name", "name"),
        ]
        return rules.first { path.contains($0.0) }?.1
    }
}

/// The fields of a draft that cannot be read into a request at all, each with what is wrong.
struct StudioDraftProblems: Error, Sendable, Hashable {
    /// One field's problem.
    struct Problem: Sendable, Hashable {
        /// The form field.
        var field: String
        /// What is wrong.
        var message: String
    }

    /// Every problem, in the form's order.
    var problems: [Problem]
}
