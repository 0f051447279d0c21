import AdPlatformKit

/// Violations as text: hard ones first, then recommendations, each with platform, field, rule, limit and value.
struct ViolationReport {
    let file: String
    let platforms: [PlatformID]
    let violations: [Violation]

    func render() -> String {
        let hard = violations.filter { $0.severity == .hard }
        let recommended = violations.filter { $0.severity == .recommended }
        var lines = ["\(file) for \(platforms.map(\.rawValue).joined(separator: ", "))"]
        if violations.isEmpty {
            lines.append("No violations: every platform would accept this request.")
            return lines.joined(separator: "\n")
        }
        var table = TextTable(header: ["", "platform", "field", "rule", "limit", "actual", "message"])
        for violation in hard + recommended {
            table.append([
                violation.severity == .hard ? "HARD" : "rec", violation.platform?.rawValue ?? "all",
                violation.fieldPath, violation.rule.rawValue, violation.limit ?? "", violation.actual ?? "",
                violation.message,
            ])
        }
        lines.append(table.render())
        let verdict = hard.isEmpty ? "valid (recommendations only)" : "a platform would reject this request"
        lines.append("\(hard.count) hard, \(recommended.count) recommended: \(verdict).")
        return lines.joined(separator: "\n")
    }
}
