import AdPlatformKit
import Foundation
import Testing

/// The refresh-token grant Snapchat and Google share: the form it sends and how it reads every kind of answer.
@Suite("OAuth refresh grant")
struct OAuthRefreshGrantTests {
    static let grant = OAuthRefreshGrant(
        tokenURL: URL(string: "https://oauth2.example.test/token") ?? URL(fileURLWithPath: "/"), platform: .google)
    static let credentials = PlatformCredentials(
        accessToken: "old", refreshToken: "1//refresh+token", developerToken: "dev", clientID: "client id",
        clientSecret: "s3cret/=")

    @Test("the request is a form POST of the four RFC 6749 fields, escaped")
    func request() throws {
        let request = try Self.grant.request(for: Self.credentials)
        #expect(request.method == .post)
        #expect(request.url == Self.grant.tokenURL)
        #expect(request.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(
            String(decoding: request.body ?? Data(), as: UTF8.self)
                == "grant_type=refresh_token&client_id=client+id&client_secret=s3cret%2F%3D"
                + "&refresh_token=1%2F%2Frefresh%2Btoken")
    }

    @Test("a missing or empty refresh token, client id or secret is authInvalid naming the field")
    func missingFields() {
        for (path, broken) in [
            ("credentials.refreshToken", PlatformCredentials(accessToken: "a", clientID: "c", clientSecret: "s")),
            (
                "credentials.clientID",
                PlatformCredentials(accessToken: "a", refreshToken: "r", clientID: "", clientSecret: "s")
            ),
            ("credentials.clientSecret", PlatformCredentials(accessToken: "a", refreshToken: "r", clientID: "c")),
        ] {
            #expect {
                _ = try Self.grant.request(for: broken)
            } throws: { error in
                (error as? AdPlatformError)?.code == .authInvalid && (error as? AdPlatformError)?.fieldPath == path
            }
        }
    }

    @Test("an answer replaces the access token, and the refresh token only when the platform rotates it")
    func answers() throws {
        let kept = try Self.grant.credentials(
            from: PlatformHTTPResponse(
                status: 200, body: Data(#"{"access_token":"ya29.new","expires_in":3599,"token_type":"Bearer"}"#.utf8)),
            replacing: Self.credentials, receivedAt: Date(timeIntervalSince1970: 0))
        #expect(kept.accessToken == "ya29.new")
        #expect(kept.refreshToken == Self.credentials.refreshToken)
        #expect(kept.developerToken == "dev" && kept.clientSecret == Self.credentials.clientSecret)
        let rotated = try Self.grant.credentials(
            from: PlatformHTTPResponse(status: 200, body: Data(#"{"access_token":"n","refresh_token":"r2"}"#.utf8)),
            replacing: Self.credentials, receivedAt: Date(timeIntervalSince1970: 0))
        #expect(rotated.refreshToken == "r2")
    }

    @Test("refusals are authInvalid, 429 rateLimited, 5xx transient, and no access_token malformedResponse")
    func errors() {
        let cases: [(Int, String, AdPlatformError.Code)] = [
            (400, #"{"error":"invalid_grant","error_description":"Token has been expired or revoked."}"#, .authInvalid),
            (401, #"{"error":"invalid_client"}"#, .authInvalid),
            (429, "", .rateLimited),
            (503, "<html>unavailable</html>", .transient),
            (200, #"{"token_type":"Bearer"}"#, .malformedResponse),
        ]
        for (status, body, code) in cases {
            #expect {
                _ = try Self.grant.credentials(
                    from: PlatformHTTPResponse(status: status, body: Data(body.utf8)), replacing: Self.credentials,
                    receivedAt: Date(timeIntervalSince1970: 0))
            } throws: { error in
                guard let error = error as? AdPlatformError else { return false }
                return error.code == code && error.platform == .google
                    && (status != 400 || error.message.contains("invalid_grant: Token has been expired"))
            }
        }
    }
}
