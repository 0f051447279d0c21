import AdPlatformKit
import Foundation
import Testing

/// Compares a built request with a golden request fixture, field by field: method, path, every query item
/// (JSON-valued items parsed), each header the fixture names, and each body field (JSON or multipart, parsed).
enum RequestExpectations {
    static func expect(
        _ request: PlatformHTTPRequest, matches fixtureName: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let fixture = try Fixtures.json(fixtureName)
        #expect(request.method.rawValue == fixture["method"]?.stringValue, sourceLocation: sourceLocation)
        #expect(request.path == fixture["path"]?.stringValue, sourceLocation: sourceLocation)
        #expect(request.url.host == "business-api.tiktok.com", sourceLocation: sourceLocation)
        #expect(request.url.scheme == "https", sourceLocation: sourceLocation)

        let expectedQuery = fixture["query"]?.objectValue ?? [:]
        let actualQuery = request.queryItems
        #expect(
            actualQuery.map(\.name).sorted() == expectedQuery.keys.sorted(), "query names",
            sourceLocation: sourceLocation)
        #expect(
            Set(actualQuery.map(\.name)).count == actualQuery.count, "no repeated query items",
            sourceLocation: sourceLocation)
        for (name, expected) in expectedQuery {
            let actual = request.queryValue(name)
            if case .string(let text) = expected {
                #expect(actual == text, "query \(name)", sourceLocation: sourceLocation)
            } else {
                let parsed = actual.flatMap { try? JSONValue(parsing: Data($0.utf8)) }
                #expect(parsed == expected, "query \(name) as JSON", sourceLocation: sourceLocation)
            }
        }

        for (name, expected) in fixture["headers"]?.objectValue ?? [:] {
            #expect(request.headers[name] == expected.stringValue, "header \(name)", sourceLocation: sourceLocation)
        }
        #expect(request.headers["Authorization"] == nil, "TikTok takes no Bearer token", sourceLocation: sourceLocation)

        if let expectedJSON = fixture["json"]?.objectValue {
            let body = try #require(request.body, sourceLocation: sourceLocation)
            let actual = try #require(try JSONValue(parsing: body).objectValue, sourceLocation: sourceLocation)
            expectFields(actual, equal: expectedJSON, path: "json", sourceLocation: sourceLocation)
        } else if let multipart = fixture["multipart"] {
            let body = try #require(request.body, sourceLocation: sourceLocation)
            let boundary = try #require(
                request.headers["Content-Type"]?.components(separatedBy: "boundary=").last,
                sourceLocation: sourceLocation)
            let parts = MultipartParser.parse(body, boundary: boundary)
            let fields = multipart["fields"]?.objectValue ?? [:]
            let files = multipart["files"]?.objectValue ?? [:]
            #expect(
                parts.map(\.name).sorted() == (Array(fields.keys) + Array(files.keys)).sorted(), "multipart part names",
                sourceLocation: sourceLocation)
            for (name, expected) in fields {
                let part = parts.first { $0.name == name }
                #expect(part?.fileName == nil, "\(name) is a plain field", sourceLocation: sourceLocation)
                #expect(part?.text == expected.stringValue, "multipart field \(name)", sourceLocation: sourceLocation)
            }
            for (name, expected) in files {
                let part = parts.first { $0.name == name }
                #expect(part?.fileName == expected["filename"]?.stringValue, sourceLocation: sourceLocation)
                #expect(part?.contentType == expected["contentType"]?.stringValue, sourceLocation: sourceLocation)
                #expect(part?.text == expected["content"]?.stringValue, sourceLocation: sourceLocation)
            }
        } else {
            #expect(request.body == nil || request.body?.isEmpty == true, "no body", sourceLocation: sourceLocation)
        }
    }

    /// Compares objects key by key, recursing into objects and arrays of objects, so a failure names the field.
    static func expectFields(
        _ actual: [String: JSONValue], equal expected: [String: JSONValue], path: String,
        sourceLocation: SourceLocation
    ) {
        #expect(actual.keys.sorted() == expected.keys.sorted(), "keys of \(path)", sourceLocation: sourceLocation)
        for (key, value) in expected {
            let fieldPath = "\(path).\(key)"
            switch (actual[key], value) {
            case (.object(let inner)?, .object(let expectedInner)):
                expectFields(inner, equal: expectedInner, path: fieldPath, sourceLocation: sourceLocation)
            case (.array(let items)?, .array(let expectedItems))
            where expectedItems.allSatisfy({ $0.objectValue != nil }) && items.count == expectedItems.count:
                for (index, (item, expectedItem)) in zip(items, expectedItems).enumerated() {
                    expectFields(
                        item.objectValue ?? [:], equal: expectedItem.objectValue ?? [:], path: "\(fieldPath)[\(index)]",
                        sourceLocation: sourceLocation)
                }
            default:
                #expect(actual[key] == value, "\(fieldPath)", sourceLocation: sourceLocation)
            }
        }
    }
}

extension PlatformHTTPRequest {
    /// The URL's path as sent, keeping TikTok's trailing slash (`URL.path` drops it).
    var path: String { url.path(percentEncoded: false) }
}
