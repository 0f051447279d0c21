import AdPlatformKit
import Foundation
import Testing

@testable import MetaAds

/// Meta's long-lived token exchange (reference §1.5): the request it sends and how it reads the answer.
@Suite("Meta token exchange")
struct MetaTokenExchangeTests {
    static let credentials = PlatformCredentials(
        accessToken: "EAAMshort+lived", clientID: "1234", clientSecret: "app secret/=")
    static let now = Date(timeIntervalSince1970: 1_900_000_000)

    @Test("the exchange is a GET of oauth/access_token with the four parameters, escaped, and no access_token")
    func request() throws {
        let request = try MetaRequestBuilder().exchangeToken(Self.credentials)
        #expect(request.method == .get)
        #expect(request.body == nil)
        let components = try #require(URLComponents(url: request.url, resolvingAgainstBaseURL: false))
        #expect(components.host == "graph.facebook.com")
        #expect(components.path == "/v26.0/oauth/access_token")
        // Form-encoded, as the SDK's `requests` sends a query: a space is `+`, a `+` is `%2B`.
        #expect(
            components.percentEncodedQuery
                == "grant_type=fb_exchange_token&client_id=1234&client_secret=app+secret%2F%3D"
                + "&fb_exchange_token=EAAMshort%2Blived")
    }

    @Test("without an app id or secret the exchange is authInvalid naming the field")
    func missingApp() {
        for (field, broken) in [
            ("credentials.clientID", PlatformCredentials(accessToken: "t", clientSecret: "s")),
            ("credentials.clientSecret", PlatformCredentials(accessToken: "t", clientID: "1", clientSecret: "")),
        ] {
            #expect {
                _ = try MetaRequestBuilder().exchangeToken(broken)
            } throws: { error in
                (error as? AdPlatformError)?.code == .authInvalid && (error as? AdPlatformError)?.fieldPath == field
            }
        }
    }

    @Test("the answer gives the new token, expiring expires_in (about 60 days) after receipt; the app is kept")
    func answer() throws {
        let parser = MetaResponseParser(operation: "refreshCredentials")
        let body = try parser.body(
            of: PlatformHTTPResponse(
                status: 200,
                body: Data(#"{"access_token":"EAAMlong","token_type":"bearer","expires_in":5183944}"#.utf8)))
        let exchanged = try parser.exchangedCredentials(in: body, replacing: Self.credentials, receivedAt: Self.now)
        #expect(exchanged.accessToken == "EAAMlong")
        #expect(exchanged.expiresAt == Self.now.addingTimeInterval(5_183_944))
        #expect(exchanged.clientID == "1234" && exchanged.clientSecret == "app secret/=")
        #expect(throws: AdPlatformError.self) {
            _ = try parser.exchangedCredentials(in: .object([:]), replacing: Self.credentials, receivedAt: Self.now)
        }
    }

    @Test("an expired token cannot be exchanged: Graph's code 190 is an auth error")
    func expired() throws {
        let parser = MetaResponseParser(operation: "refreshCredentials")
        let refusal = Data(
            #"{"error":{"message":"Error validating access token: Session has expired.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"x"}}"#
                .utf8)
        #expect {
            _ = try parser.body(of: PlatformHTTPResponse(status: 400, body: refusal))
        } throws: { error in
            let code = (error as? AdPlatformError)?.code
            return code == .authExpired || code == .authInvalid
        }
    }
}
