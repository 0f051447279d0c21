import Foundation

/// Reads an id given on the command line, or fails with a usage error that says what such an id looks like and
/// which command lists them.
enum IDArgument {
    /// The UUID `text` names, for a `kind` (`job`, `campaign`) that `listCommand` lists.
    static func uuid(_ text: String, kind: String, listCommand: String) throws -> UUID {
        guard let id = UUID(uuidString: text.trimmingCharacters(in: .whitespaces)) else {
            throw CommandFailure.usage(
                "ID: '\(text)' is not a \(kind) id; \(kind) ids are UUIDs such as "
                    + "3F2504E0-4F89-41D3-9A0C-0305E82C3301 (see `\(listCommand)`)")
        }
        return id
    }
}
