import Foundation

/// Splits a `multipart/form-data` body into its parts, for checking uploads field by field.
enum MultipartParser {
    struct Part {
        var name: String
        var fileName: String?
        var contentType: String?
        var content: Data
        var text: String { String(decoding: content, as: UTF8.self) }
    }

    static func parse(_ body: Data, boundary: String) -> [Part] {
        let text = String(decoding: body, as: UTF8.self)
        var parts: [Part] = []
        for chunk in text.components(separatedBy: "--\(boundary)") {
            guard chunk.hasPrefix("\r\n"), let split = chunk.range(of: "\r\n\r\n") else { continue }
            // "\r\n" is a single Character in Swift, so dropping its count drops the line break.
            let headerLines = chunk[..<split.lowerBound].dropFirst("\r\n".count).components(separatedBy: "\r\n")
            var content = String(chunk[split.upperBound...])
            if content.hasSuffix("\r\n") { content.removeLast() }
            var part = Part(name: "", content: Data(content.utf8))
            for line in headerLines {
                if line.lowercased().hasPrefix("content-disposition:") {
                    part.name = value(of: "name", in: line) ?? ""
                    part.fileName = value(of: "filename", in: line)
                } else if line.lowercased().hasPrefix("content-type:") {
                    part.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            parts.append(part)
        }
        return parts
    }

    private static func value(of attribute: String, in line: String) -> String? {
        guard let start = line.range(of: "; \(attribute)=\"") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
