import Foundation

/// Reads a `.env` file: `KEY=value` lines, `#` comments, optional `export `, single or double quotes. Values in the
/// process environment win over the file, so a one-off `ADOPS_DB=… adops serve` behaves as people expect.
enum EnvironmentFile {
    /// The merged environment: the file's values under the process's.
    static func merged(
        file path: String = ".env", process: [String: String] = ProcessInfo.processInfo.environment
    )
        throws -> [String: String]
    {
        guard FileManager.default.fileExists(atPath: path) else { return process }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(variable: path, message: "cannot read the environment file: \(error)")
        }
        return try parse(text, path: path).merging(process) { _, processValue in processValue }
    }

    /// Parses the file's text; a malformed line is an error naming its number.
    static func parse(_ text: String, path: String = ".env") throws -> [String: String] {
        var values: [String: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst("export ".count)) }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigurationError(
                    variable: "\(path):\(index + 1)", message: "expected KEY=value, found '\(line.prefix(40))'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw ConfigurationError(variable: "\(path):\(index + 1)", message: "'\(key)' is not a variable name")
            }
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let quote = value.first, quote == "\"" || quote == "'", value.count >= 2, value.last == quote {
                value = String(value.dropFirst().dropLast())
            } else if let comment = value.range(of: " #") {
                value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            values[key] = value
        }
        return values
    }
}
