import Foundation

/// Parses `--setting key=value` options into an account's settings map.
enum SettingAssignment {
    /// The assignments as a map; a later assignment of the same key wins. An empty value (`key=`) is kept as empty,
    /// which `accounts update` reads as "remove this setting". Throws a usage error naming the bad assignment.
    static func parse(_ assignments: [String]) throws -> [String: String] {
        var settings: [String: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw CommandFailure.usage("--setting '\(assignment)': expected key=value, e.g. page_id=1000000001")
            }
            let key = assignment[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else {
                throw CommandFailure.usage("--setting '\(assignment)': the key before '=' is empty")
            }
            settings[key] = String(assignment[assignment.index(after: equals)...])
        }
        return settings
    }
}
