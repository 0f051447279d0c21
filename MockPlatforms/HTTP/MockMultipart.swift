import Foundation

/// One part of a `multipart/form-data` body.
public struct MockMultipartPart: Sendable {
    /// The form field name.
    public var name: String
    /// The file name, for file parts.
    public var fileName: String?
    /// The part's content type, when given.
    public var contentType: String?
    /// The part's bytes.
    public var data: Data

    /// The bytes as UTF-8 text.
    public var text: String { String(decoding: data, as: UTF8.self) }
}

/// Parses `multipart/form-data` bodies for the emulators' upload endpoints.
public enum MockMultipart {
    /// The parts, or `nil` when the content type has no boundary or the body does not follow it.
    public static func parse(_ body: Data, contentType: String) -> [MockMultipartPart]? {
        guard let boundary = boundary(in: contentType) else { return nil }
        let delimiter = Data("--\(boundary)".utf8)
        let bytes = body
        var parts: [MockMultipartPart] = []
        guard var cursor = bytes.range(of: delimiter)?.upperBound else { return nil }
        while true {
            // After a delimiter: "--" ends the body, otherwise CRLF then headers.
            if bytes[cursor...].starts(with: Data("--".utf8)) { return parts }
            guard bytes[cursor...].starts(with: Data("\r\n".utf8)) else { return nil }
            cursor += 2
            guard let headerEnd = bytes.range(of: Data("\r\n\r\n".utf8), in: cursor..<bytes.endIndex) else {
                return nil
            }
            let headers = String(decoding: bytes[cursor..<headerEnd.lowerBound], as: UTF8.self)
            let contentStart = headerEnd.upperBound
            guard let next = bytes.range(of: Data("\r\n".utf8) + delimiter, in: contentStart..<bytes.endIndex)
            else { return nil }
            var part = MockMultipartPart(
                name: "", fileName: nil, contentType: nil, data: bytes[contentStart..<next.lowerBound])
            for line in headers.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    part.name = parameter("name", in: line) ?? ""
                    part.fileName = parameter("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    part.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            guard !part.name.isEmpty else { return nil }
            parts.append(part)
            cursor = next.upperBound
        }
    }

    static func boundary(in contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return parameter("boundary", in: contentType)
    }

    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix("\(name)=") else { continue }
            var value = String(trimmed.dropFirst(name.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            return value
        }
        return nil
    }
}
