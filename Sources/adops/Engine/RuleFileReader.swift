import Automation
import Foundation

/// Reads a rule file for `adops rules add`, `update` and `preview --file`: JSON or YAML, told apart by the file's
/// extension (`.json`, `.yaml`, `.yml`) or else by its content, or standard input for `-`.
struct RuleFileReader {
    /// The path as given on the command line, or `-`.
    let path: String

    /// The rule, or a usage error naming the file and every problem at its path in the document.
    func read() throws -> Rule {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw CommandFailure.usage("\(path): cannot read the file (\(error.localizedDescription))")
            }
        }
        let name = path == "-" ? "standard input" : path
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure.usage("\(name): not UTF-8 text")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CommandFailure.usage("\(name): is empty; a rule file holds one rule in JSON or YAML")
        }
        do {
            if Self.isJSON(path: path, text: text) { return try RuleCoding.decodeJSON(data) }
            return try RuleCoding.decodeYAML(text)
        } catch {
            throw CommandFailure.usage("\(name): \(error)")
        }
    }

    /// Whether to read the document as JSON: by the extension when it has one of ours, else when it opens with `{`.
    static func isJSON(path: String, text: String) -> Bool {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json": return true
        case "yaml", "yml": return false
        default: return text.drop(while: { $0.isWhitespace }).first == "{"
        }
    }
}
