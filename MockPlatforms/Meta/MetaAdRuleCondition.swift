import Foundation

/// One `{field, value, operator}` of a rule's `filters`, or its `trigger`, checked as Meta checks it and ready to
/// evaluate: all of a rule's conditions must hold (Meta's filters are AND-only).
struct MetaAdRuleCondition: Sendable {
    /// What a condition is about.
    enum Subject: Sendable, Equatable {
        /// `entity_type`: the level the rule acts at.
        case entityType
        /// `time_preset`: the window of every metric in the rule.
        case timePreset
        /// `attribution_window`: only `ACCOUNT_DEFAULT` exists.
        case attributionWindow
        /// An insights field, with an optional object-level prefix (`adset.`) and time-preset prefix (`today_`).
        case metric(level: String?, preset: String?, name: String)
        /// A metadata field, with an optional object-level prefix (`campaign.objective`).
        case metadata(level: String?, name: String)
    }

    /// The field as sent, e.g. `spent` or `campaign.id`.
    var field: String
    /// The operator, e.g. `GREATER_THAN`.
    var op: String
    /// The value: a number, a string, or a list (a `[low, high]` pair for the range operators).
    var value: MockJSON
    /// What the field names.
    var subject: Subject

    /// Reads and checks one condition; `path` names it in errors, e.g. `evaluation_spec[filters][2]`.
    static func parse(_ json: MockJSON, path: String, evaluationType: String) throws(MetaError) -> MetaAdRuleCondition {
        guard json.members != nil else {
            throw MetaError.param("\(path) must be an object with field, value, operator.")
        }
        guard let field = json["field"]?.string, !field.isEmpty else { throw MetaError.required("\(path)[field]") }
        guard let op = json["operator"]?.string else { throw MetaError.required("\(path)[operator]") }
        guard MetaAdRuleVocabulary.operators.contains(op) else {
            throw MetaError.notInEnum("\(path)[operator]", MetaAdRuleVocabulary.operators.ordered)
        }
        guard let value = json["value"], value != .null else { throw MetaError.required("\(path)[value]") }
        let schedule = evaluationType == "SCHEDULE"
        let subject = try Self.subject(of: field, path: path, schedule: schedule)
        let condition = MetaAdRuleCondition(field: field, op: op, value: value, subject: subject)
        try condition.checkValue(path: path, schedule: schedule)
        return condition
    }

    /// Works out what a field names, refusing fields Meta does not have, or not for this rule type.
    private static func subject(of field: String, path: String, schedule: Bool) throws(MetaError) -> Subject {
        switch field {
        case "entity_type": return .entityType
        case "time_preset": return .timePreset
        case "attribution_window":
            guard schedule else { throw onlySchedule(field, path: path) }
            return .attributionWindow
        default: break
        }
        var rest = Substring(field)
        var level: String?
        for prefix in ["campaign.", "adset.", "ad."] where rest.hasPrefix(prefix) {
            level = String(prefix.dropLast())
            rest = rest.dropFirst(prefix.count)
        }
        let name = String(rest)
        if name.contains(":") {
            // `{attribution_window:}field` overrides exist on Meta; every emulated account has one window, so the
            // override is refused rather than silently ignored.
            throw MetaError.param(
                "\(path)[field] \(field): attribution-window prefixes are not supported by the emulator.")
        }
        if MetaAdRuleVocabulary.metricFields.contains(name) {
            guard schedule || (level == nil && !MetaAdRuleVocabulary.scheduleOnlyMetricFields.contains(name)) else {
                throw onlySchedule(field, path: path)
            }
            return .metric(level: level, preset: nil, name: name)
        }
        for (prefix, preset) in MetaAdRuleVocabulary.presetPrefixes where name.hasPrefix(prefix) {
            let base = String(name.dropFirst(prefix.count))
            guard MetaAdRuleVocabulary.metricFields.contains(base) else { continue }
            guard schedule else { throw onlySchedule(field, path: path) }
            return .metric(level: level, preset: preset, name: base)
        }
        if MetaAdRuleVocabulary.metadataFields.contains(name) { return .metadata(level: level, name: name) }
        if MetaAdRuleVocabulary.scheduleOnlyMetadataFields.contains(name) {
            guard schedule else { throw onlySchedule(field, path: path) }
            return .metadata(level: level, name: name)
        }
        throw MetaError.param("\(path)[field] \(field) is not a valid filter field.")
    }

    private static func onlySchedule(_ field: String, path: String) -> MetaError {
        MetaError.param("\(path)[field] \(field) can only be used in rules with evaluation_type SCHEDULE.")
    }

    /// Checks the operator and the kind of value it needs (reference §1.3).
    private func checkValue(path: String, schedule: Bool) throws(MetaError) {
        switch subject {
        case .entityType:
            try requireEqual(path)
            guard let text = value.text, MetaAdRuleVocabulary.entityTypes.contains(text) else {
                throw MetaError.notInEnum("\(path)[value]", MetaAdRuleVocabulary.entityTypes.ordered)
            }
        case .timePreset:
            try requireEqual(path)
            guard let text = value.text, MetaAdRuleVocabulary.timePresets.contains(text) else {
                throw MetaError.notInEnum("\(path)[value]", MetaAdRuleVocabulary.timePresets.ordered)
            }
            if !schedule, !MetaAdRuleVocabulary.todayInclusivePresets.contains(text) {
                throw MetaError.param(
                    "\(path)[value] \(text): rules with evaluation_type TRIGGER take only time presets that include "
                        + "today.")
            }
        case .attributionWindow:
            try requireEqual(path)
            guard value.text == "ACCOUNT_DEFAULT" else {
                throw MetaError.notInEnum("\(path)[value]", ["ACCOUNT_DEFAULT"])
            }
        case .metric:
            guard MetaAdRuleVocabulary.metricOperators.contains(op) else {
                throw MetaError.param(
                    "\(path)[operator] \(op) is not supported for insights field \(field); use one of "
                        + "{GREATER_THAN, LESS_THAN, EQUAL, IN_RANGE, NOT_IN_RANGE}.")
            }
            try checkKind(path)
        case .metadata:
            try checkKind(path)
        }
    }

    private func requireEqual(_ path: String) throws(MetaError) {
        guard op == "EQUAL" else { throw MetaError.param("\(path)[operator] must be EQUAL for field \(field).") }
    }

    /// The value kind each operator takes: a number, a `[low, high]` pair, a list, a string or a scalar.
    private func checkKind(_ path: String) throws(MetaError) {
        switch op {
        case "GREATER_THAN", "LESS_THAN":
            guard Self.number(value) != nil else {
                throw MetaError.param("\(path)[value] must be a number for operator \(op).")
            }
        case "IN_RANGE", "NOT_IN_RANGE":
            guard let pair = value.array, pair.count == 2, let low = Self.number(pair[0]),
                let high = Self.number(pair[1]), low <= high
            else { throw MetaError.param("\(path)[value] must be a [low, high] pair of numbers for operator \(op).") }
        case "IN", "NOT_IN", "ANY", "ALL", "NONE":
            guard let list = value.array, list.allSatisfy({ $0.text != nil }) else {
                throw MetaError.param("\(path)[value] must be a list for operator \(op).")
            }
        case "CONTAIN", "NOT_CONTAIN":
            guard value.string != nil else {
                throw MetaError.param("\(path)[value] must be a string for operator \(op).")
            }
        default:
            guard value.text != nil else { throw MetaError.param("\(path)[value] must be a number or a string.") }
        }
    }

    /// A number from a JSON number or numeric string.
    static func number(_ json: MockJSON) -> Double? {
        guard let text = json.text, let number = Double(text), number.isFinite else { return nil }
        return number
    }

    // MARK: - Evaluating

    /// Whether a metric's value passes; an undefined metric (a cost with no results) passes nothing.
    func matches(number actual: Double?) -> Bool {
        guard let actual else { return false }
        switch op {
        case "GREATER_THAN": return Self.number(value).map { actual > $0 } ?? false
        case "LESS_THAN": return Self.number(value).map { actual < $0 } ?? false
        case "EQUAL": return Self.number(value).map { abs(actual - $0) < 1e-9 } ?? false
        case "NOT_EQUAL": return Self.number(value).map { abs(actual - $0) >= 1e-9 } ?? false
        case "IN_RANGE", "NOT_IN_RANGE":
            guard let pair = value.array, pair.count == 2, let low = Self.number(pair[0]),
                let high = Self.number(pair[1])
            else { return false }
            let inside = actual >= low && actual <= high
            return op == "IN_RANGE" ? inside : !inside
        default: return matches(text: Self.text(actual))
        }
    }

    /// Whether a metadata value passes; numbers compare as numbers, everything else as text.
    func matches(text actual: String?) -> Bool {
        guard let actual else { return op == "NOT_EQUAL" || op == "NOT_IN" || op == "NONE" || op == "NOT_CONTAIN" }
        if let number = Double(actual), ["GREATER_THAN", "LESS_THAN", "IN_RANGE", "NOT_IN_RANGE"].contains(op) {
            return matches(number: number)
        }
        let list = (value.array ?? []).compactMap(\.text)
        switch op {
        case "EQUAL": return Self.same(actual, value.text)
        case "NOT_EQUAL": return !Self.same(actual, value.text)
        case "IN", "ANY": return list.contains { Self.same(actual, $0) }
        case "NOT_IN", "NONE": return !list.contains { Self.same(actual, $0) }
        case "ALL": return list.allSatisfy { Self.same(actual, $0) }
        case "CONTAIN": return actual.localizedCaseInsensitiveContains(value.text ?? "")
        case "NOT_CONTAIN": return !actual.localizedCaseInsensitiveContains(value.text ?? "")
        default: return false
        }
    }

    /// Equal as numbers when both are, else as text.
    private static func same(_ left: String, _ right: String?) -> Bool {
        guard let right else { return false }
        if let a = Double(left), let b = Double(right) { return a == b }
        return left == right
    }

    private static func text(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
