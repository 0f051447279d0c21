import Foundation

/// An ad rule's specs, read and checked as Meta checks them on create and update (reference §1.2–§1.9): what it
/// looks at (`evaluation_spec`), what it does (`execution_spec`) and when it runs (`schedule_spec`).
struct MetaAdRule: Sendable {
    /// `SCHEDULE` or `TRIGGER`.
    var evaluationType: String
    /// The filters, all of which must hold; `entity_type`, `time_preset` and `attribution_window` included.
    var filters: [MetaAdRuleCondition]
    /// A TRIGGER rule's `trigger.type`.
    var triggerType: String?
    /// A TRIGGER rule's condition on its trigger field, when it has one.
    var trigger: MetaAdRuleCondition?
    /// `AD`, `ADSET` or `CAMPAIGN`; `nil` when the rule names objects by `id` only.
    var entityType: String?
    /// The one `time_preset`, when the rule has one.
    var timePreset: String?
    /// What the rule does, e.g. `PAUSE`.
    var executionType: String
    /// How a budget or bid changes.
    var change: MetaAdRuleChangeSpec?
    /// `execution_count_limit`: how many times the rule may change one object.
    var executionCountLimit: Int?
    /// `action_frequency`: minutes before the rule acts on the same object again.
    var actionFrequencyMinutes: Int?
    /// When a SCHEDULE rule runs; `nil` for TRIGGER rules.
    var schedule: MetaAdRuleSchedule?

    /// Reads the three specs. `schedule` may be absent: a SCHEDULE rule then runs every half hour.
    static func parse(evaluation: MockJSON, execution: MockJSON, schedule: MockJSON?) throws(MetaError) -> MetaAdRule {
        guard evaluation.members != nil else { throw MetaError.param("param evaluation_spec must be a JSON object.") }
        guard let type = evaluation["evaluation_type"]?.string else {
            throw MetaError.required("evaluation_spec[evaluation_type]")
        }
        guard MetaAdRuleVocabulary.evaluationTypes.contains(type) else {
            throw MetaError.notInEnum("evaluation_spec[evaluation_type]", MetaAdRuleVocabulary.evaluationTypes.ordered)
        }
        var filters: [MetaAdRuleCondition] = []
        if let value = evaluation["filters"], value != .null {
            guard let list = value.array else { throw MetaError.param("evaluation_spec[filters] must be a list.") }
            var seen: Set<String> = []
            for (index, item) in list.enumerated() {
                let condition = try MetaAdRuleCondition.parse(
                    item, path: "evaluation_spec[filters][\(index)]", evaluationType: type)
                guard seen.insert(condition.field).inserted else {
                    // One time_preset per rule is documented; the help centre adds that each condition type may
                    // appear once, so a second filter on any field is refused.
                    throw MetaError.param(
                        "evaluation_spec[filters][\(index)] repeats field \(condition.field); each field may appear "
                            + "only once in a rule.")
                }
                filters.append(condition)
            }
        }
        var rule = MetaAdRule(
            evaluationType: type, filters: filters, triggerType: nil, trigger: nil,
            entityType: filters.first { $0.subject == .entityType }?.value.text,
            timePreset: filters.first { $0.subject == .timePreset }?.value.text, executionType: "",
            change: nil, executionCountLimit: nil, actionFrequencyMinutes: nil, schedule: nil)
        try rule.checkScope()
        try rule.readTrigger(evaluation["trigger"])
        let needsPreset =
            filters.contains { if case .metric(_, nil, _) = $0.subject { true } else { false } }
            || rule.triggerType?.hasPrefix("STATS_") == true
        if needsPreset, rule.timePreset == nil {
            throw MetaError.param(
                "evaluation_spec[filters] needs a time_preset filter when it has insights filters or a stats trigger.")
        }
        try rule.readExecution(execution)
        if let schedule, schedule != .null {
            guard type == "SCHEDULE" else {
                throw MetaError.param("param schedule_spec is not allowed on rules with evaluation_type TRIGGER.")
            }
            rule.schedule = try MetaAdRuleSchedule.parse(schedule)
        } else if type == "SCHEDULE" {
            rule.schedule = .semiHourly
        }
        return rule
    }

    /// `entity_type` or `id` is required, `id` takes `EQUAL` or `IN`, and level prefixes name only the object's own
    /// level or its parents' (a rule cannot mix object levels).
    private func checkScope() throws(MetaError) {
        let ids = filters.first { $0.field == "id" }
        guard entityType != nil || ids != nil else {
            throw MetaError.param("evaluation_spec[filters] needs an entity_type or an id filter.")
        }
        if let ids, ids.op != "EQUAL", ids.op != "IN" {
            throw MetaError.param("evaluation_spec[filters] id filters take operator EQUAL or IN.")
        }
        guard let entityType else { return }
        let allowed: Set<String> =
            switch entityType {
            case "AD": ["ad", "adset", "campaign"]
            case "ADSET": ["adset", "campaign"]
            default: ["campaign"]
            }
        for (index, filter) in filters.enumerated() {
            let level: String? =
                switch filter.subject {
                case .metric(let level, _, _), .metadata(let level, _): level
                default: nil
                }
            if let level, !allowed.contains(level) {
                throw MetaError.param(
                    "evaluation_spec[filters][\(index)][field] \(filter.field) names a level below entity_type "
                        + "\(entityType); a rule cannot mix object levels.")
            }
        }
    }

    /// `trigger`: required on TRIGGER rules, refused on SCHEDULE ones (reference §1.6).
    private mutating func readTrigger(_ json: MockJSON?) throws(MetaError) {
        guard let json, json != .null else {
            if evaluationType == "TRIGGER" { throw MetaError.required("evaluation_spec[trigger]") }
            return
        }
        guard evaluationType == "TRIGGER" else {
            throw MetaError.param("evaluation_spec[trigger] is only allowed with evaluation_type TRIGGER.")
        }
        guard json.members != nil else { throw MetaError.param("evaluation_spec[trigger] must be a JSON object.") }
        guard let type = json["type"]?.string else { throw MetaError.required("evaluation_spec[trigger][type]") }
        guard MetaAdRuleVocabulary.triggerTypes.contains(type) else {
            throw MetaError.notInEnum("evaluation_spec[trigger][type]", MetaAdRuleVocabulary.triggerTypes.ordered)
        }
        triggerType = type
        let path = "evaluation_spec[trigger]"
        switch type {
        case "METADATA_CREATION":
            return
        case "METADATA_UPDATE":
            guard let field = json["field"]?.string, !field.isEmpty else { throw MetaError.required(path + "[field]") }
            if json["value"] != nil || json["operator"] != nil {
                trigger = try MetaAdRuleCondition.parse(json, path: path, evaluationType: "TRIGGER")
            } else {
                trigger = MetaAdRuleCondition(
                    field: field, op: "ANY", value: .array([]), subject: .metadata(level: nil, name: field))
            }
        case "STATS_CHANGE", "STATS_MILESTONE":
            let condition = try MetaAdRuleCondition.parse(json, path: path, evaluationType: "TRIGGER")
            guard case .metric = condition.subject else {
                throw MetaError.param("\(path)[field] \(condition.field) is not an insights field.")
            }
            if type == "STATS_CHANGE",
                !["GREATER_THAN", "LESS_THAN", "IN_RANGE", "NOT_IN_RANGE"].contains(condition.op)
            {
                throw MetaError.param(
                    "\(path)[operator] must be one of {GREATER_THAN, LESS_THAN, IN_RANGE, NOT_IN_RANGE} for "
                        + "STATS_CHANGE.")
            }
            if type == "STATS_MILESTONE" {
                guard condition.op == "EQUAL" else {
                    throw MetaError.param("\(path)[operator] must be EQUAL for STATS_MILESTONE.")
                }
                guard (MetaAdRuleCondition.number(condition.value) ?? 0) > 0 else {
                    throw MetaError.param("\(path)[value] must be a positive number for STATS_MILESTONE.")
                }
                guard timePreset == "LIFETIME" else {
                    throw MetaError.param("evaluation_spec[filters] needs time_preset LIFETIME for STATS_MILESTONE.")
                }
            }
            trigger = condition
        default:
            throw MetaError.param("\(path)[type] \(type) is a beta the emulator does not support.")
        }
    }

    /// `execution_spec`: the type, and its `execution_options`.
    private mutating func readExecution(_ json: MockJSON) throws(MetaError) {
        guard json.members != nil else { throw MetaError.param("param execution_spec must be a JSON object.") }
        guard let type = json["execution_type"]?.string else {
            throw MetaError.required("execution_spec[execution_type]")
        }
        guard MetaAdRuleVocabulary.executionTypes.contains(type) else {
            throw MetaError.notInEnum("execution_spec[execution_type]", MetaAdRuleVocabulary.executionTypes.ordered)
        }
        guard MetaAdRuleVocabulary.emulatedExecutionTypes.contains(type) else {
            throw MetaError.param(
                "execution_spec[execution_type] \(type) is not supported by the emulator; it carries out "
                    + MetaAdRuleVocabulary.emulatedExecutionTypes.sorted().joined(separator: ", ") + ".")
        }
        if evaluationType == "TRIGGER", MetaAdRuleVocabulary.scheduleOnlyExecutionTypes.contains(type) {
            throw MetaError.param(
                "execution_spec[execution_type] \(type) can only be used in rules with evaluation_type SCHEDULE.")
        }
        let level: String? =
            switch type {
            case "CHANGE_BUDGET", "CHANGE_BID": "ADSET"
            case "CHANGE_CAMPAIGN_BUDGET": "CAMPAIGN"
            default: nil
            }
        if let level, let entityType, entityType != level {
            throw MetaError.param("execution_spec[execution_type] \(type) acts on entity_type \(level) only.")
        }
        executionType = type
        if let options = json["execution_options"], options != .null {
            guard let list = options.array else {
                throw MetaError.param("execution_spec[execution_options] must be a list.")
            }
            for (index, option) in list.enumerated() {
                try readOption(option, path: "execution_spec[execution_options][\(index)]")
            }
        }
        if level != nil, change == nil {
            throw MetaError.param("execution_spec[execution_options] needs a change_spec for \(type).")
        }
    }

    private mutating func readOption(_ option: MockJSON, path: String) throws(MetaError) {
        guard option.members != nil else {
            throw MetaError.param("\(path) must be an object with field, value, operator.")
        }
        guard let field = option["field"]?.string else { throw MetaError.required(path + "[field]") }
        guard MetaAdRuleVocabulary.executionOptionFields.contains(field) else {
            throw MetaError.notInEnum(path + "[field]", MetaAdRuleVocabulary.executionOptionFields.ordered)
        }
        guard option["operator"]?.string == "EQUAL" else {
            throw MetaError.param("\(path)[operator] must be EQUAL.")
        }
        guard let value = option["value"], value != .null else { throw MetaError.required(path + "[value]") }
        switch field {
        case "change_spec":
            guard ["CHANGE_BUDGET", "CHANGE_CAMPAIGN_BUDGET", "CHANGE_BID"].contains(executionType) else {
                throw MetaError.param("\(path) change_spec is only allowed with a budget or bid change.")
            }
            change = try MetaAdRuleChangeSpec.parse(value, path: path + "[value]")
        case "execution_count_limit":
            guard let count = value.int64, count >= 1, count <= 1_000_000 else {
                throw MetaError.param("\(path)[value] must be a positive integer.")
            }
            executionCountLimit = Int(count)
        case "action_frequency":
            guard let minutes = value.int64, minutes >= 0, minutes <= 5_256_000 else {
                throw MetaError.param("\(path)[value] must be a number of minutes.")
            }
            actionFrequencyMinutes = Int(minutes)
        default:
            break
        }
    }

    /// The level the rule acts at, as the world's kind; `nil` when only `id` filters say (worked out from them).
    var kind: String? {
        switch entityType {
        case "AD": MetaKind.ad
        case "ADSET": MetaKind.adSet
        case "CAMPAIGN": MetaKind.campaign
        default: nil
        }
    }

    /// The ids an `id` filter names.
    var ids: [String]? {
        guard let filter = filters.first(where: { $0.field == "id" }) else { return nil }
        if let list = filter.value.array { return list.compactMap(\.text) }
        return filter.value.text.map { [$0] }
    }

    /// The cost conditions (filters and trigger) of the rule, for error 2703.
    var costConditions: [String] {
        (filters + (trigger.map { [$0] } ?? [])).compactMap { condition in
            guard case .metric(_, _, let name) = condition.subject, MetaAdRuleVocabulary.isCostField(name) else {
                return nil
            }
            return condition.field
        }
    }
}
