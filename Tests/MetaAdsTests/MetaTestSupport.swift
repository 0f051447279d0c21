import AdPlatformKit
import Foundation
import Testing

@testable import MetaAds

/// Fixture files under `Fixtures/`.
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name).json is missing" }
    }

    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw Missing(name: name)
        }
        return try Data(contentsOf: url)
    }

    static func json(_ name: String) throws -> JSONValue { try JSONValue(parsing: data(name)) }

    static func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }

    static func response(
        _ name: String, status: Int = 200, headers: HTTPHeaderFields = [:]
    ) throws
        -> PlatformHTTPResponse
    {
        PlatformHTTPResponse(status: status, headers: headers, body: try data(name))
    }
}

/// The specs and account the request fixtures were written for.
enum Sample {
    static let token = "TOKEN"
    static let campaignID = "120210000000000001"
    static let adSetID = "120210000000000002"
    static let creativeID = "120210000000000003"
    static let adID = "120210000000000004"
    static let landingURL = "https://example.com/signup?utm_source=meta&utm_medium=paid_social"

    static func account(
        _ id: String = "123", currency: Currency = .usd, secret: String? = nil,
        settings: [String: String] = ["page_id": "111222333", "pixel_id": "444555666"]
    ) -> AccountContext {
        AccountContext(
            accountID: id, currency: currency,
            credentials: PlatformCredentials(accessToken: token, clientSecret: secret), settings: settings)
    }

    static func date(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 0)
    }

    static let schedule = Schedule(start: date("2026-12-01T00:00:00Z"), end: date("2026-12-31T23:59:59Z"))

    static func usd(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .usd) }

    static func campaign(
        budget: Budget? = Budget(.daily, usd(15_000)), objective: Objective = .conversions
    )
        -> CampaignSpec
    {
        let marker = IdempotencyMarker(value: "ao-1a2b3c4d5e")
        return CampaignSpec(
            name: marker.apply(to: "Winter launch"), marker: marker, objective: objective, status: .paused,
            budget: budget, schedule: schedule)
    }

    static func adSet(
        objective: Objective = .conversions, bid: Money? = usd(250),
        targeting: Targeting = Targeting(
            countries: ["US", "CA"], ageRange: AgeRange(minimum: 18, maximum: 49), genders: [.female],
            interests: ["yoga"]),
        schedule: Schedule = schedule
    ) -> AdGroupSpec {
        let marker = IdempotencyMarker(value: "ao-2b3c4d5e6f")
        return AdGroupSpec(
            key: "us-adults", name: marker.apply(to: "US adults"), marker: marker, objective: objective,
            status: .paused, budget: nil, bid: bid, schedule: schedule, targeting: targeting)
    }

    static let creative = CreativeDefinition(
        key: "social-hero", name: "Social hero", headlines: ["Stream it all", "Never sent"],
        descriptions: ["Plans from $7.99"], primaryText: "Sign up today.", callToAction: .signUp,
        landingURL: "https://example.com/signup")

    static let image = UploadedMedia(
        kind: .image, reference: "abc123hash", id: "abc123hash",
        url: "https://scontent.xx.fbcdn.net/v/t45.1600-4/hero.png")

    static func ad(
        creative: CreativeDefinition = creative, media: [UploadedMedia] = [image], recovery: Bool = false
    )
        -> AdSpec
    {
        let marker = IdempotencyMarker(value: "ao-3c4d5e6f70")
        return AdSpec(
            key: "us-adults/social-hero/0", name: marker.apply(to: "Hero ad"), marker: marker, status: .paused,
            creative: creative, landingURL: landingURL, media: media, isRecovery: recovery)
    }

    static let upload = MediaUpload(
        kind: .image, fileName: "hero.png", contentType: "image/png",
        data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x48, 0x45, 0x52, 0x4F]))
}

/// Reads what a built request carries, decoded, for comparison with fixtures.
extension PlatformHTTPRequest {
    /// The path with any trailing slash kept.
    var pathText: String { url.path(percentEncoded: false) }

    /// The form body's fields, decoded.
    var formFields: [(name: String, value: String)] {
        guard let body else { return [] }
        return FormURLEncoding.decode(String(decoding: body, as: UTF8.self))
    }

    /// The first form field of a name.
    func formValue(_ name: String) -> String? { formFields.first { $0.name == name }?.value }

    /// A form field that holds JSON, parsed.
    func formJSON(_ name: String) -> JSONValue? {
        formValue(name).flatMap { try? JSONValue(parsing: Data($0.utf8)) }
    }

    /// A query item that holds JSON, parsed.
    func queryJSON(_ name: String) -> JSONValue? {
        queryValue(name).flatMap { try? JSONValue(parsing: Data($0.utf8)) }
    }
}

/// One part of a multipart body.
struct MultipartPart: Equatable {
    var name: String
    var fileName: String?
    var contentType: String?
    var data: Data
}

enum RequestExpectation {
    /// Compares a request with a fixture, field by field: method, path, every query item, the listed headers, and
    /// every form field or multipart part. String fixture values compare as text; objects, lists and numbers are
    /// compared with the sent value parsed as JSON.
    static func check(
        _ request: PlatformHTTPRequest, against name: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let expected = try Fixture.json(name)
        #expect(request.method.rawValue == expected["method"]?.stringValue, sourceLocation: sourceLocation)
        #expect(request.pathText == expected["path"]?.stringValue, sourceLocation: sourceLocation)
        compare(
            request.queryItems, with: expected["query"]?.objectValue ?? [:], what: "query",
            sourceLocation: sourceLocation)
        for (header, value) in expected["headers"]?.objectValue ?? [:] {
            #expect(request.headers[header] == value.stringValue, "header \(header)", sourceLocation: sourceLocation)
        }
        if let form = expected["form"]?.objectValue {
            #expect(
                request.headers["Content-Type"] == "application/x-www-form-urlencoded", sourceLocation: sourceLocation)
            compare(request.formFields, with: form, what: "form", sourceLocation: sourceLocation)
        } else if let parts = expected["multipart"]?.arrayValue {
            let actual = try multipartParts(of: request)
            let wanted = parts.map { part in
                MultipartPart(
                    name: part["name"]?.stringValue ?? "", fileName: part["fileName"]?.stringValue,
                    contentType: part["contentType"]?.stringValue,
                    data: Data(base64Encoded: part["dataBase64"]?.stringValue ?? "") ?? Data())
            }
            #expect(actual == wanted, sourceLocation: sourceLocation)
        } else {
            #expect(request.body == nil, "a GET sends no body", sourceLocation: sourceLocation)
        }
    }

    static func compare(
        _ actual: [(name: String, value: String)], with expected: [String: JSONValue], what: String,
        sourceLocation: SourceLocation
    ) {
        let names = actual.map(\.name)
        #expect(names.count == Set(names).count, "\(what) repeats a name: \(names)", sourceLocation: sourceLocation)
        #expect(Set(names) == Set(expected.keys), "\(what) names", sourceLocation: sourceLocation)
        for (name, value) in expected {
            let sent = actual.first { $0.name == name }?.value
            #expect(
                sent.map { matches($0, value) } == true,
                "\(what) \(name): sent \(sent ?? "nothing"), expected \(value)",
                sourceLocation: sourceLocation)
        }
    }

    static func matches(_ sent: String, _ expected: JSONValue) -> Bool {
        if case .string(let text) = expected { return sent == text }
        guard let parsed = try? JSONValue(parsing: Data(sent.utf8)) else { return false }
        return parsed == expected
    }

    /// Splits a multipart body at its boundary and reads each part's disposition, type and bytes.
    static func multipartParts(of request: PlatformHTTPRequest) throws -> [MultipartPart] {
        let contentType = request.headers["Content-Type"] ?? ""
        guard let boundary = contentType.components(separatedBy: "boundary=").last, let body = request.body else {
            return []
        }
        let delimiter = Data("--\(boundary)".utf8)
        var sections: [Data] = []
        var rest = body[...]
        while let range = rest.range(of: delimiter) {
            sections.append(Data(rest[rest.startIndex..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        var parts: [MultipartPart] = []
        for section in sections.dropFirst() {
            guard let split = section.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: section[section.startIndex..<split.lowerBound], as: UTF8.self)
            var content = Data(section[split.upperBound...])
            if content.suffix(2) == Data("\r\n".utf8) { content.removeLast(2) }
            var part = MultipartPart(name: "", data: content)
            for line in head.components(separatedBy: "\r\n") {
                if line.lowercased().hasPrefix("content-type:") {
                    part.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
                for attribute in line.components(separatedBy: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                    if attribute.hasPrefix("name=") { part.name = unquote(attribute.dropFirst(5)) }
                    if attribute.hasPrefix("filename=") { part.fileName = unquote(attribute.dropFirst(9)) }
                }
            }
            parts.append(part)
        }
        return parts
    }

    private static func unquote(_ text: Substring) -> String {
        String(text).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
}
