import AdPlatformKit
import Foundation
import Testing

/// Compares a built request with a golden request fixture of the shape
/// `{"method","path","query":{…},"headers":{…},"json":{…}}` (or `"multipart":{…}` for uploads), field by field.
enum RequestExpectation {
    /// Every difference between the request and the fixture, as readable lines; empty when they match.
    static func differences(_ request: PlatformHTTPRequest, fixture name: String) throws -> [String] {
        let expected = try Fixture.json(name)
        var found: [String] = []
        if let method = expected["method"]?.stringValue, method != request.method.rawValue {
            found.append("method: expected \(method), got \(request.method.rawValue)")
        }
        if let path = expected["path"]?.stringValue, path != request.url.path(percentEncoded: true) {
            found.append("path: expected \(path), got \(request.url.path(percentEncoded: true))")
        }
        let query = Dictionary(request.queryItems.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let expectedQuery = expected["query"]?.objectValue ?? [:]
        for (name, value) in expectedQuery where query[name] != value.stringValue {
            found.append("query \(name): expected \(value.stringValue ?? "?"), got \(query[name] ?? "nothing")")
        }
        for name in query.keys where expectedQuery[name] == nil {
            found.append("query \(name): not expected, got \(query[name] ?? "")")
        }
        if request.queryItems.count != query.count {
            found.append("query: a parameter is repeated in \(request.url)")
        }
        for (name, value) in expected["headers"]?.objectValue ?? [:] where request.headers[name] != value.stringValue {
            found.append(
                "header \(name): expected \(value.stringValue ?? "?"), got \(request.headers[name] ?? "nothing")")
        }
        if let json = expected["json"] {
            guard let body = request.body, let actual = try? JSONValue(parsing: body) else {
                return found + [
                    "body: expected JSON, got \(request.body.map { String(decoding: $0, as: UTF8.self) } ?? "none")"
                ]
            }
            compare(json, actual, at: "json", into: &found)
        } else if let multipart = expected["multipart"] {
            found += multipartDifferences(request, expected: multipart)
        } else if let body = request.body {
            found.append("body: expected none, got \(body.count) bytes")
        }
        return found
    }

    /// Recursively compares parsed JSON so each differing field is named.
    static func compare(_ expected: JSONValue, _ actual: JSONValue, at path: String, into found: inout [String]) {
        switch (expected, actual) {
        case (.object(let expectedMembers), .object(let actualMembers)):
            for key in Set(expectedMembers.keys).union(actualMembers.keys).sorted() {
                switch (expectedMembers[key], actualMembers[key]) {
                case (.some(let left), .some(let right)): compare(left, right, at: "\(path).\(key)", into: &found)
                case (.some, .none): found.append("\(path).\(key): missing")
                case (.none, .some(let right)): found.append("\(path).\(key): unexpected \(right.encodedString())")
                case (.none, .none): break
                }
            }
        case (.array(let left), .array(let right)):
            if left.count != right.count {
                found.append("\(path): expected \(left.count) elements, got \(right.count)")
            }
            for (index, pair) in zip(left, right).enumerated() {
                compare(pair.0, pair.1, at: "\(path)[\(index)]", into: &found)
            }
        default:
            if expected != actual {
                found.append("\(path): expected \(expected.encodedString()), got \(actual.encodedString())")
            }
        }
    }

    /// Checks a multipart body: the boundary in `Content-Type` and each expected part's name, file name, content
    /// type and content.
    private static func multipartDifferences(_ request: PlatformHTTPRequest, expected: JSONValue) -> [String] {
        guard let contentType = request.headers["Content-Type"],
            contentType.hasPrefix("multipart/form-data; boundary="),
            let body = request.body
        else { return ["multipart: missing multipart Content-Type or body"] }
        let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
        let parts = MultipartPart.parse(body, boundary: boundary)
        var found: [String] = []
        let expectedParts = expected["parts"]?.arrayValue ?? []
        if parts.count != expectedParts.count {
            found.append("multipart: expected \(expectedParts.count) parts, got \(parts.count)")
        }
        for (index, pair) in zip(expectedParts, parts).enumerated() {
            let (want, part) = pair
            if want["name"]?.stringValue != part.name {
                found.append(
                    "part \(index) name: expected \(want["name"]?.stringValue ?? "?"), got \(part.name ?? "none")")
            }
            if want["filename"]?.stringValue != part.fileName {
                found.append("part \(index) filename: got \(part.fileName ?? "none")")
            }
            if want["contentType"]?.stringValue != part.contentType {
                found.append("part \(index) content type: got \(part.contentType ?? "none")")
            }
            if let content = want["content"]?.stringValue, Data(content.utf8) != part.content {
                found.append("part \(index) content differs: got \(part.content.count) bytes")
            }
        }
        return found
    }
}

/// One part of a multipart body, parsed for tests.
struct MultipartPart {
    var name: String?
    var fileName: String?
    var contentType: String?
    var content: Data

    /// Splits a body on its boundary and reads each part's headers.
    static func parse(_ body: Data, boundary: String) -> [MultipartPart] {
        let text = String(decoding: body, as: UTF8.self)
        let chunks = text.components(separatedBy: "--\(boundary)")
        var parts: [MultipartPart] = []
        for chunk in chunks.dropFirst() where !chunk.hasPrefix("--") {
            guard let split = chunk.range(of: "\r\n\r\n") else { continue }
            let head = chunk[chunk.startIndex..<split.lowerBound]
            var content = String(chunk[split.upperBound...])
            if content.hasSuffix("\r\n") { content.removeLast() }
            var part = MultipartPart(content: Data(content.utf8))
            for line in head.components(separatedBy: "\r\n") {
                if line.lowercased().hasPrefix("content-disposition:") {
                    part.name = value(of: "name", in: line)
                    part.fileName = value(of: "filename", in: line)
                } else if line.lowercased().hasPrefix("content-type:") {
                    part.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            parts.append(part)
        }
        return parts
    }

    private static func value(of parameter: String, in line: String) -> String? {
        guard let range = line.range(of: " \(parameter)=\"") else { return nil }
        let rest = line[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
