import Foundation

/// A rule's `change_spec` (reference §1.7): how CHANGE_BUDGET, CHANGE_CAMPAIGN_BUDGET and CHANGE_BID move a value.
///
/// `amount` is a percentage with unit `PERCENTAGE`, or minor units of the account currency with `ACCOUNT_CURRENCY`
/// (`-500` is −$5.00). `limit` caps an increase or floors a decrease. With `target_field`, the value is scaled by
/// how far that metric is from `amount` (a cost of 4.00 against a target of 5.00 raises it 25%; a ROAS below its
/// target lowers it in proportion) and `limit` is a `[min, max]` range of the new value.
struct MetaAdRuleChangeSpec: Sendable {
    /// The change: a percentage, minor units, or the target value of `targetField`.
    var amount: Double
    /// `PERCENTAGE` or `ACCOUNT_CURRENCY`; `nil` only with a target field.
    var unit: String?
    /// The cap (increase) or floor (decrease), in minor units.
    var limit: Double?
    /// The `[min, max]` of the new value with a target field, in minor units.
    var range: (low: Double, high: Double)?
    /// The metric the value is scaled toward.
    var targetField: String?

    /// Reads and checks a `change_spec` value; `path` names it in errors.
    static func parse(_ json: MockJSON, path: String) throws(MetaError) -> MetaAdRuleChangeSpec {
        guard json.members != nil else { throw MetaError.param("\(path) must be a JSON object.") }
        guard let amountJSON = json["amount"], let amount = MetaAdRuleCondition.number(amountJSON) else {
            throw MetaError.required("\(path)[amount]")
        }
        var spec = MetaAdRuleChangeSpec(amount: amount, unit: nil, limit: nil, range: nil, targetField: nil)
        if let target = json["target_field"]?.string {
            guard MetaAdRuleVocabulary.metricFields.contains(target) else {
                throw MetaError.param("\(path)[target_field] \(target) is not an insights field.")
            }
            guard amount > 0 else { throw MetaError.param("\(path)[amount] must be positive with a target_field.") }
            spec.targetField = target
        }
        if let unit = json["unit"]?.string {
            guard MetaAdRuleVocabulary.changeUnits.contains(unit) else {
                throw MetaError.notInEnum("\(path)[unit]", MetaAdRuleVocabulary.changeUnits.ordered)
            }
            spec.unit = unit
        } else if spec.targetField == nil {
            throw MetaError.required("\(path)[unit]")
        }
        if let limit = json["limit"], limit != .null {
            if spec.targetField != nil {
                guard let pair = limit.array, pair.count == 2, let low = MetaAdRuleCondition.number(pair[0]),
                    let high = MetaAdRuleCondition.number(pair[1]), low <= high
                else { throw MetaError.param("\(path)[limit] must be a [min, max] pair with a target_field.") }
                spec.range = (low, high)
            } else {
                guard let number = MetaAdRuleCondition.number(limit), number >= 0 else {
                    throw MetaError.param("\(path)[limit] must be a non-negative number.")
                }
                spec.limit = number
            }
        }
        return spec
    }

    /// The new value for `old` (minor units); `target` is the target field's current value. `nil` when no new value
    /// can be worked out: the target metric is undefined for the object.
    func newValue(from old: Int64, target: Double?) -> Int64? {
        var value = Double(old)
        if let targetField {
            guard let target, target > 0 else { return nil }
            // A cost is better lower, so a cost under its target earns more; any other metric is better higher.
            let factor = MetaAdRuleVocabulary.isCostField(targetField) ? amount / target : target / amount
            value *= factor
            if let range { value = min(max(value, range.low), range.high) }
        } else {
            value = unit == "PERCENTAGE" ? value * (1 + amount / 100) : value + amount
            if let limit {
                value = amount >= 0 ? min(value, max(limit, Double(old))) : max(value, min(limit, Double(old)))
            }
        }
        guard value.isFinite else { return nil }
        return Int64(max(0, min(value.rounded(), 9e15)))
    }
}
