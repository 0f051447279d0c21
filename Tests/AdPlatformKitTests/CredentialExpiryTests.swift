import AdPlatformKit
import Foundation
import Testing

/// When credentials expire: the margin arithmetic, `expires_in` read from an answer, and stored credentials from
/// before expiries were kept.
@Suite("Credential expiry")
struct CredentialExpiryTests {
    static let now = Date(timeIntervalSince1970: 1_900_000_000)

    @Test(
        "a token is expiring when less than the margin is left, or it has expired; never without an expiry",
        arguments: [
            (TimeInterval(3_600), false), (601, false), (600, true), (300, true), (0, true), (-60, true),
        ])
    func margin(left: TimeInterval, expiring: Bool) {
        let credentials = PlatformCredentials(accessToken: "a", expiresAt: Self.now.addingTimeInterval(left))
        #expect(credentials.expires(within: .seconds(600), of: Self.now) == expiring)
        #expect(!PlatformCredentials(accessToken: "a").expires(within: .seconds(600), of: Self.now))
    }

    @Test("expires_in as a number or a numeric string is seconds after receipt; anything else is no expiry")
    func expiresIn() throws {
        #expect(PlatformCredentials.expiry(expiresIn: .integer(3_599), receivedAt: Self.now) == Self.now + 3_599)
        #expect(PlatformCredentials.expiry(expiresIn: .string("1800"), receivedAt: Self.now) == Self.now + 1_800)
        #expect(PlatformCredentials.expiry(expiresIn: .double(5_183_944), receivedAt: Self.now) == Self.now + 5_183_944)
        for value: JSONValue? in [nil, .null, .integer(0), .integer(-5), .string("soon"), .bool(true)] {
            #expect(PlatformCredentials.expiry(expiresIn: value, receivedAt: Self.now) == nil)
        }
    }

    @Test("credentials stored before expiries were kept decode with none, and round-trip with one")
    func codableCompatibility() throws {
        let old = Data(#"{"accessToken":"a","refreshToken":"r"}"#.utf8)
        let decoded = try JSONDecoder().decode(PlatformCredentials.self, from: old)
        #expect(decoded == PlatformCredentials(accessToken: "a", refreshToken: "r"))
        let withExpiry = PlatformCredentials(accessToken: "a", expiresAt: Self.now)
        let again = try JSONDecoder().decode(PlatformCredentials.self, from: JSONEncoder().encode(withExpiry))
        #expect(again == withExpiry)
        #expect(withExpiry.description.contains("expiresAt") && !withExpiry.description.contains("\"a\""))
    }

    @Test("the refresh grant's answer sets the expiry from expires_in and the time of receipt")
    func grantExpiry() throws {
        let grant = OAuthRefreshGrant(
            tokenURL: URL(string: "https://oauth2.example.test/token") ?? URL(fileURLWithPath: "/"), platform: .google)
        let old = PlatformCredentials(
            accessToken: "old", refreshToken: "r", clientID: "c", clientSecret: "s", expiresAt: Self.now - 10)
        let fresh = try grant.credentials(
            from: PlatformHTTPResponse(status: 200, body: Data(#"{"access_token":"new","expires_in":3599}"#.utf8)),
            replacing: old, receivedAt: Self.now)
        #expect(fresh.expiresAt == Self.now + 3_599)
        let unknown = try grant.credentials(
            from: PlatformHTTPResponse(status: 200, body: Data(#"{"access_token":"new"}"#.utf8)), replacing: old,
            receivedAt: Self.now)
        #expect(unknown.expiresAt == nil)
    }
}
