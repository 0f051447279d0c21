import Foundation

extension FolderTicketSource {
    /// Where JSON text stops being valid, as `line 3, column 14: …`, or `nil` when it is valid.
    ///
    /// `JSONDecoder` on Linux says only that the data is not valid JSON; `JSONSerialization` gives the character
    /// offset there and the line and column on Apple platforms. Either becomes a line and column, so a person can
    /// find the mistake in their editor.
    static func describeInvalidJSON(_ data: Data) -> String? {
        let detail: String
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        }
        if detail.contains("line "), detail.contains("column ") { return detail }
        guard let offset = characterOffset(in: detail) else { return detail }
        let (line, column) = lineAndColumn(of: offset, in: data)
        let reason = detail.replacingOccurrences(
            of: #"\s*around character \d+\.?"#, with: "", options: .regularExpression)
        return "line \(line), column \(column): \(reason.isEmpty ? "unexpected text" : reason)"
    }

    /// The number after `character` in a `JSONSerialization` message.
    private static func characterOffset(in detail: String) -> Int? {
        guard let range = detail.range(of: #"character \d+"#, options: .regularExpression) else { return nil }
        return Int(detail[range].dropFirst("character ".count))
    }

    /// The 1-based line and column of a byte offset, counting columns in characters.
    static func lineAndColumn(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        let prefix = data.prefix(max(0, offset))
        var line = 1
        var lineStart = prefix.startIndex
        for index in prefix.indices where prefix[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: prefix[lineStart...], as: UTF8.self).count + 1
        return (line, column)
    }
}
