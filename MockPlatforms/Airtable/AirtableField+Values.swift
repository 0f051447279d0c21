import Foundation

extension AirtableField {
    /// Checks and normalises a written cell value; `nil` means the cell is empty (Airtable drops `null`, `""`,
    /// `false` and `[]` from answers).
    ///
    /// With `typecast`, Airtable converts what it can: numbers and booleans to text, numeric text to numbers,
    /// `"a, b"` to two options, and unknown options into new choices. Without it, a value of the wrong JSON
    /// type is `INVALID_VALUE_FOR_COLUMN` and an unknown option `INVALID_MULTIPLE_CHOICE_OPTIONS`.
    mutating func normalize(
        _ value: MockJSON, typecast: Bool, minter: inout AirtableIDMinter
    ) throws(AirtableError) -> MockJSON? {
        if value == .null { return nil }
        switch type {
        case .singleLineText, .multilineText, .url:
            guard let text = Self.text(value, typecast: typecast) else { throw .invalidValue(field: name) }
            return text.isEmpty ? nil : .string(text)
        case .number:
            return try number(value, typecast: typecast)
        case .checkbox:
            return try checkbox(value, typecast: typecast) ? .bool(true) : nil
        case .singleSelect:
            guard let option = Self.text(value, typecast: typecast) else { throw .invalidValue(field: name) }
            if option.isEmpty { return nil }
            try require(option, typecast: typecast, minter: &minter)
            return .string(option)
        case .multipleSelects:
            var options: [String] = []
            if let elements = value.array {
                for element in elements {
                    guard let option = Self.text(element, typecast: typecast) else { throw .invalidValue(field: name) }
                    options.append(option)
                }
            } else if typecast, let text = Self.text(value, typecast: true) {
                options = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            } else {
                throw .invalidValue(field: name)
            }
            var seen = Set<String>()
            options = options.filter { !$0.isEmpty && seen.insert($0).inserted }
            for option in options { try require(option, typecast: typecast, minter: &minter) }
            return options.isEmpty ? nil : .array(options.map(MockJSON.string))
        case .dateTime:
            guard let text = value.string else { throw .invalidValue(field: name) }
            if text.isEmpty { return nil }
            guard let date = AirtableTime.parse(text) else { throw .invalidValue(field: name) }
            return .string(AirtableTime.format(date))
        }
    }

    private static func text(_ value: MockJSON, typecast: Bool) -> String? {
        if let text = value.string { return text }
        guard typecast else { return nil }
        switch value {
        case .number(let digits): return digits
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    private func number(_ value: MockJSON, typecast: Bool) throws(AirtableError) -> MockJSON? {
        switch value {
        case .number:
            break
        case .string(let text) where typecast:
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        default:
            throw .invalidValue(field: name)
        }
        let text = (value.text ?? "").trimmingCharacters(in: .whitespaces)
        guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !decimal.isNaN,
            text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) })
        else { throw .invalidValue(field: name) }
        return .number(decimal.description)
    }

    private func checkbox(_ value: MockJSON, typecast: Bool) throws(AirtableError) -> Bool {
        if let flag = value.bool { return flag }
        guard typecast else { throw .invalidValue(field: name) }
        switch value {
        case .number(let digits): return (Double(digits) ?? 0) != 0
        case .string(let text):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1", "yes", "checked", "on", "x": return true
            case "false", "0", "no", "unchecked", "off", "": return false
            default: throw .invalidValue(field: name)
            }
        default: throw .invalidValue(field: name)
        }
    }

    /// Accepts an option among the choices; with `typecast`, adds one that is missing.
    private mutating func require(
        _ option: String, typecast: Bool, minter: inout AirtableIDMinter
    ) throws(AirtableError) {
        if choices.contains(where: { $0.name == option }) { return }
        guard typecast else { throw .invalidChoice(option) }
        addChoice(option, minter: &minter)
    }

    // MARK: - Reading

    /// A stored cell as a formula sees it: numbers as numbers, a checked box as `TRUE()`, several options as
    /// their comma-joined text (`"Meta, TikTok"`), everything else as text.
    func formulaValue(_ stored: MockJSON?) -> AirtableFormulaValue {
        guard let stored else { return .blank }
        switch type {
        case .number:
            return stored.text.flatMap(Double.init).map(AirtableFormulaValue.number) ?? .blank
        case .checkbox:
            return stored.bool == true ? .bool(true) : .blank
        case .multipleSelects:
            return .text((stored.array ?? []).compactMap(\.string).joined(separator: ", "))
        case .singleLineText, .multilineText, .url, .singleSelect, .dateTime:
            return .text(stored.string ?? "")
        }
    }

    /// Orders two cells for `sort`: `true` when `lhs` comes first ascending, `false` when `rhs` does, `nil`
    /// when they tie. Empty cells come first; select fields sort by their choices' order, as Airtable's do.
    func ascending(_ lhs: MockJSON?, _ rhs: MockJSON?) -> Bool? {
        switch (lhs, rhs) {
        case (nil, nil): return nil
        case (nil, _): return true
        case (_, nil): return false
        case (let lhs?, let rhs?):
            switch type {
            case .number:
                let left = lhs.text.flatMap(Double.init) ?? 0
                let right = rhs.text.flatMap(Double.init) ?? 0
                return left == right ? nil : left < right
            case .checkbox:
                return nil
            case .singleSelect:
                let left = choices.firstIndex { $0.name == lhs.string } ?? choices.count
                let right = choices.firstIndex { $0.name == rhs.string } ?? choices.count
                return left == right ? nil : left < right
            case .multipleSelects, .singleLineText, .multilineText, .url, .dateTime:
                let left = formulaValue(lhs).text
                let right = formulaValue(rhs).text
                let folded = (left.lowercased(), right.lowercased())
                if folded.0 != folded.1 { return folded.0 < folded.1 }
                return left == right ? nil : left < right
            }
        }
    }
}
