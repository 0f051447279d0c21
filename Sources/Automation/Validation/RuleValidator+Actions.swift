import AdPlatformKit
import Foundation
import Trafficking

extension RuleValidator {
    /// The actions' problems: none at all, contradictions, what a platform in scope cannot do at the rule's level,
    /// changes beyond the guardrails, and notification URLs.
    func actionProblems(_ rule: Rule) -> [RuleProblem] {
        guard !rule.actions.isEmpty else {
            return [RuleProblem(path: "actions", message: "needs at least one action")]
        }
        var problems: [RuleProblem] = []
        let types = rule.actions.map(\.type)
        if types.contains("pause"), types.contains("unpause") {
            problems.append(RuleProblem(path: "actions", message: "a rule cannot both pause and unpause"))
        }
        for type in ["pause", "unpause", "changeBudget", "changeBid"] where types.filter({ $0 == type }).count > 1 {
            problems.append(RuleProblem(path: "actions", message: "\(type) appears more than once"))
        }
        let level = rule.scope.level
        let reached = platforms(in: rule.scope)
        for (index, action) in rule.actions.enumerated() {
            let path = "actions[\(index)]"
            switch action {
            case .pause, .unpause:
                let change: LifecycleChange = .status(action == .pause ? .pause : .resume)
                for capabilities in reached {
                    if let refusal = capabilities.lifecycleRefusal(for: change, at: level.kind) {
                        problems.append(RuleProblem(path: path, message: refusal.message))
                    }
                }
            case .changeBudget(let amount, let minimum, let maximum):
                problems += changeProblems(amount, path: path)
                for capabilities in reached
                where capabilities.lifecycle.level(level.kind)?.budgetPeriods.isEmpty ?? true {
                    let holder: EntityKind = capabilities.budget.placement == .campaign ? .campaign : .adGroup
                    problems.append(
                        RuleProblem(
                            path: path,
                            message: "\(capabilities.displayName) cannot change a budget on the "
                                + "\(capabilities.hierarchy.name(of: level.kind)): its budgets sit on the "
                                + "\(capabilities.hierarchy.name(of: holder)) (scope.level \(holder.rawValue))"))
                }
                if let minimum, let maximum {
                    if minimum.currency != maximum.currency {
                        problems.append(
                            RuleProblem(path: "\(path).maximum", message: "must be in the minimum's currency"))
                    } else if minimum > maximum {
                        problems.append(
                            RuleProblem(path: "\(path).minimum", message: "must not be above the maximum"))
                    }
                }
                for (field, bound) in [("minimum", minimum), ("maximum", maximum)] {
                    if let bound, bound.minorUnits <= 0 {
                        problems.append(RuleProblem(path: "\(path).\(field)", message: "must be above zero"))
                    }
                }
            case .changeBid(let amount):
                problems += changeProblems(amount, path: path)
                for capabilities in reached {
                    let strategies = capabilities.lifecycle.level(level.kind)?.bidStrategies ?? []
                    if strategies.subtracting([.automatic]).isEmpty {
                        problems.append(
                            RuleProblem(
                                path: path,
                                message: "\(capabilities.displayName) cannot set a bid amount on the "
                                    + "\(capabilities.hierarchy.name(of: level.kind))"))
                    }
                }
            case .notify(let url):
                if let problem = Self.urlProblem(url) {
                    problems.append(RuleProblem(path: "\(path).url", message: problem))
                }
            }
        }
        return problems
    }

    private func changeProblems(_ amount: ChangeAmount, path: String) -> [RuleProblem] {
        switch amount {
        case .percent(let percent):
            if !percent.isFinite || percent == 0 {
                return [RuleProblem(path: "\(path).percent", message: "must be a number other than 0")]
            }
            if abs(percent) > guardrails.maxChangePercent {
                return [
                    RuleProblem(
                        path: "\(path).percent",
                        message: "\(MetricExpression.format(percent))% exceeds the guardrail of "
                            + "\(MetricExpression.format(guardrails.maxChangePercent))% per change")
                ]
            }
            if percent <= -100 {
                return [RuleProblem(path: "\(path).percent", message: "cannot lower by 100% or more")]
            }
            return []
        case .amount(let money):
            return money.minorUnits == 0 ? [RuleProblem(path: "\(path).amount", message: "must not be zero")] : []
        }
    }

    /// Why a notification URL is refused: it must be absolute https, or http to this machine (the emulators and
    /// tests), with no credentials in it.
    static func urlProblem(_ text: String) -> String? {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), let host = url.host,
            !host.isEmpty
        else { return "must be an absolute URL such as https://hooks.example.com/adops" }
        guard url.user == nil, url.password == nil else { return "must not carry credentials" }
        let local = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased())
        guard scheme == "https" || (scheme == "http" && local) else {
            return "must be https (http only to localhost)"
        }
        return nil
    }
}
