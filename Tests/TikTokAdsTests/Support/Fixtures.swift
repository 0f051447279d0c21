import AdPlatformKit
import Foundation
import Testing

/// Loads the JSON fixtures in `Fixtures/`.
enum Fixtures {
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

    static func json(_ name: String) throws -> JSONValue {
        try JSONValue(parsing: data(name))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }

    /// An HTTP 200 response whose body is the fixture.
    static func response(_ name: String, status: Int = 200) throws -> PlatformHTTPResponse {
        PlatformHTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: try data(name))
    }
}
