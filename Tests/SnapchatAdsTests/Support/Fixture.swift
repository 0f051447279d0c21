import AdPlatformKit
import Foundation
import Testing

/// Loads files from `Fixtures/`.
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name).json is missing from the test bundle" }
    }

    /// The bytes of `Fixtures/<name>.json`.
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw Missing(name: name)
        }
        return try Data(contentsOf: url)
    }

    /// The fixture as a string, for `ScriptedTransport.enqueue(json:)`.
    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }

    /// The fixture parsed as JSON.
    static func json(_ name: String) throws -> JSONValue {
        try JSONValue(parsing: try data(name))
    }

    /// A 200 response carrying the fixture.
    static func response(
        _ name: String, status: Int = 200, headers: HTTPHeaderFields = [:]
    ) throws
        -> PlatformHTTPResponse
    {
        PlatformHTTPResponse(status: status, headers: headers, body: try data(name))
    }
}
