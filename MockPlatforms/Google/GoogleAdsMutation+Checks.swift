import Foundation

/// The field checks the API applies on create and update, each answered with its documented error code and the
/// location of the offending field.
extension GoogleAdsMutation {
    /// A location path.
    typealias Path = [GoogleAdsError.PathElement]

    /// A location one or more proto field names deeper.
    static func at(_ location: Path, _ names: String...) -> Path {
        location + names.map { GoogleAdsError.PathElement($0) }
    }

    /// Longest name the emulator accepts for campaigns, ad groups, budgets and assets.
    static let maximumNameLength = 255

    /// Checks a name: present when required, no NUL/LF/CR, at most 255 characters.
    static func checkName(_ name: String?, required: Bool, location: Path) throws(Failure) -> String? {
        let at = Self.at(location, "name")
        guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            if required { throw Failure(GoogleAdsError("fieldError", "REQUIRED", location: at)) }
            return nil
        }
        let trigger = GoogleAdsError.stringTrigger(name)
        if name.unicodeScalars.contains(where: { $0 == "\0" || $0 == "\n" || $0 == "\r" }) {
            throw Failure(GoogleAdsError("stringFormatError", "ILLEGAL_CHARS", trigger: trigger, location: at))
        }
        if name.count > maximumNameLength {
            throw Failure(GoogleAdsError("stringLengthError", "TOO_LONG", trigger: trigger, location: at))
        }
        return name
    }

    /// Checks a status: `ENABLED` when absent on create, never `REMOVED` on create, never `UNSPECIFIED`/`UNKNOWN`.
    static func checkStatus(_ status: String?, creating: Bool, location: Path) throws(Failure) -> String {
        let at = Self.at(location, "status")
        guard let status else { return "ENABLED" }
        if status == "UNSPECIFIED" || status == "UNKNOWN" {
            throw Failure(
                GoogleAdsError(
                    "requestError", "INVALID_ENUM_VALUE", trigger: GoogleAdsError.stringTrigger(status), location: at))
        }
        if creating, status == "REMOVED" {
            throw Failure(GoogleAdsError("operationAccessDeniedError", "CREATE_AS_REMOVED_NOT_PERMITTED", location: at))
        }
        return status
    }

    /// The smallest budget unit: 0.01 of the currency (USD), in micros.
    static let minimumCurrencyUnitMicros: Int64 = 10_000

    /// Checks a money amount in micros: positive, at least and a multiple of the currency's minimum unit.
    static func checkAmount(_ micros: Int64, location: Path) throws(Failure) {
        let trigger = GoogleAdsError.int64Trigger(micros)
        if micros < 0 {
            throw Failure(
                GoogleAdsError("campaignBudgetError", "NEGATIVE_MONEY_AMOUNT", trigger: trigger, location: location))
        }
        if micros < minimumCurrencyUnitMicros {
            throw Failure(
                GoogleAdsError(
                    "campaignBudgetError", "MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC", trigger: trigger,
                    location: location))
        }
        if micros % minimumCurrencyUnitMicros != 0 {
            throw Failure(
                GoogleAdsError(
                    "campaignBudgetError", "NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT", trigger: trigger,
                    location: location))
        }
        if micros > 1_000_000_000_000_000 {
            throw Failure(
                GoogleAdsError("campaignBudgetError", "MONEY_AMOUNT_TOO_LARGE", trigger: trigger, location: location))
        }
    }

    /// Parses `yyyy-MM-dd HH:mm:ss` (the v23 `start_date_time`/`end_date_time` format) in the customer's zone (UTC).
    static func dateTime(_ text: String) -> Date? {
        let halves = text.split(separator: " ", omittingEmptySubsequences: false)
        guard halves.count == 2, let day = GoogleAdsDay(String(halves[0])) else { return nil }
        let clock = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }), let hour = Int(clock[0]),
            let minute = Int(clock[1]),
            let second = Int(clock[2]), (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        return day.start.addingTimeInterval(Double(hour * 3_600 + minute * 60 + second))
    }

    /// Checks a campaign's start and end; returns the schedule they set.
    static func checkSchedule(_ fields: MockJSON, location: Path) throws(Failure) -> (start: Date?, end: Date?) {
        var start: Date?
        var end: Date?
        for (key, proto) in [("startDateTime", "start_date_time"), ("endDateTime", "end_date_time")] {
            guard let text = fields[key]?.string else { continue }
            guard let date = dateTime(text) else {
                throw Failure(
                    GoogleAdsError(
                        "dateError", "INVALID_STRING_DATE_TIME_SECONDS", trigger: GoogleAdsError.stringTrigger(text),
                        location: at(location, proto)))
            }
            if key == "startDateTime" { start = date } else { end = date.addingTimeInterval(1) }
        }
        if let start, let end, end <= start {
            throw Failure(
                GoogleAdsError(
                    "dateRangeError", "START_DATE_AFTER_END_DATE",
                    trigger: fields["endDateTime"]?.string.map(GoogleAdsError.stringTrigger),
                    location: at(location, "end_date_time")))
        }
        return (start, end)
    }

    /// Display width as Google counts ad text: East Asian wide and full-width characters count twice.
    static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { width, character in
            guard let scalar = character.unicodeScalars.first?.value else { return width + 1 }
            let wide =
                (0x1100...0x115F).contains(scalar) || (0x2E80...0x303E).contains(scalar)
                || (0x3041...0xA4CF).contains(scalar) || (0xAC00...0xD7A3).contains(scalar)
                || (0xF900...0xFAFF).contains(scalar) || (0xFE30...0xFE4F).contains(scalar)
                || (0xFF00...0xFF60).contains(scalar) || (0xFFE0...0xFFE6).contains(scalar)
                || (0x20000...0x3FFFD).contains(scalar)
            return width + (wide ? 2 : 1)
        }
    }

    /// Checks final URLs: at least one, each `http(s)://host…`.
    static func checkFinalURLs(_ urls: [MockJSON]?, location: Path) -> [GoogleAdsError] {
        guard let urls, !urls.isEmpty else {
            return [GoogleAdsError("fieldError", "REQUIRED_NONEMPTY_LIST", location: at(location, "final_urls"))]
        }
        var errors: [GoogleAdsError] = []
        for (index, value) in urls.enumerated() {
            let text = value.string ?? ""
            let place = location + [GoogleAdsError.PathElement("final_urls", index)]
            let trigger = GoogleAdsError.stringTrigger(text)
            let lower = text.lowercased()
            if !lower.hasPrefix("http://") && !lower.hasPrefix("https://") {
                let code = text.contains("://") ? "INVALID_PROTOCOL_IN_FINAL_URL" : "MISSING_PROTOCOL_IN_FINAL_URL"
                errors.append(GoogleAdsError("urlFieldError", code, trigger: trigger, location: place))
                continue
            }
            let rest = text.drop { $0 != "/" }.dropFirst(2)
            let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
            if host.isEmpty || host.contains(" ") {
                errors.append(
                    GoogleAdsError("urlFieldError", "MISSING_HOST_IN_FINAL_URL", trigger: trigger, location: place))
            }
        }
        return errors
    }

    /// Checks a responsive search ad: 3–15 headlines of at most 30 display characters, 2–4 descriptions of at most
    /// 90, no duplicate texts, paths of at most 15 and no `path2` without `path1`. Reports every problem found.
    static func checkResponsiveSearchAd(_ ad: MockJSON, location: Path) -> [GoogleAdsError] {
        var errors: [GoogleAdsError] = []
        let groups: [(json: String, proto: String, range: ClosedRange<Int>, width: Int)] = [
            ("headlines", "headlines", 3...15, 30), ("descriptions", "descriptions", 2...4, 90),
        ]
        for group in groups {
            let assets = ad[group.json]?.array ?? []
            let listLocation = at(location, group.proto)
            if assets.count < group.range.lowerBound {
                errors.append(
                    GoogleAdsError(
                        "collectionSizeError", "TOO_FEW", trigger: GoogleAdsError.int64Trigger(Int64(assets.count)),
                        location: listLocation))
            } else if assets.count > group.range.upperBound {
                errors.append(
                    GoogleAdsError(
                        "collectionSizeError", "TOO_MANY", trigger: GoogleAdsError.int64Trigger(Int64(assets.count)),
                        location: listLocation))
            }
            var seen: Set<String> = []
            for (index, asset) in assets.enumerated() {
                let place = [GoogleAdsError.PathElement(group.proto, index), GoogleAdsError.PathElement("text")]
                guard let text = asset["text"]?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    errors.append(GoogleAdsError("fieldError", "REQUIRED", location: location + place))
                    continue
                }
                let trigger = GoogleAdsError.stringTrigger(text)
                if displayWidth(text) > group.width {
                    errors.append(GoogleAdsError("adError", "TOO_LONG", trigger: trigger, location: location + place))
                }
                if !seen.insert(text).inserted {
                    errors.append(
                        GoogleAdsError("assetError", "DUPLICATE_ASSET", trigger: trigger, location: location + place))
                }
            }
        }
        let path1 = ad["path1"]?.string ?? ""
        let path2 = ad["path2"]?.string ?? ""
        for (text, proto) in [(path1, "path1"), (path2, "path2")] where displayWidth(text) > 15 {
            errors.append(
                GoogleAdsError(
                    "adError", "TOO_LONG", trigger: GoogleAdsError.stringTrigger(text), location: at(location, proto)))
        }
        if path1.isEmpty, !path2.isEmpty {
            errors.append(GoogleAdsError("adError", "CANNOT_SET_PATH2_WITHOUT_PATH1", location: at(location, "path2")))
        }
        return errors
    }

    /// `responsiveSearchAd` → `RESPONSIVE_SEARCH_AD`.
    static func upperSnake(_ camel: String) -> String { GoogleAdsSchema.snakeCase(camel).uppercased() }

    /// The member set of a real oneof of a message, by JSON name.
    static func oneofMember(_ fields: MockJSON, message: String, oneof: String) -> String? {
        guard let schema = GoogleAdsSchema.v23.message(message), let members = fields.members else { return nil }
        return members.first { key, _ in schema.field(key)?.oneof == oneof }?.0
    }

    /// The enum value name for a oneof member, when the enum has it: `responsiveSearchAd` in `AdType` →
    /// `RESPONSIVE_SEARCH_AD`.
    static func enumValue(for member: String, strippingSuffix suffix: String = "", in enumeration: String) -> String? {
        var base = member
        if !suffix.isEmpty, base.hasSuffix(suffix) { base = String(base.dropLast(suffix.count)) }
        let name = upperSnake(base)
        return GoogleAdsSchema.v23.enums[enumeration]?.numbers[name] != nil ? name : nil
    }
}
