import Foundation
import SnapchatAds
import Testing

@Suite("Snapchat token URL")
struct TokenURLTests {
    @Test("production refreshes at Snap's accounts host; any other base URL (the emulator) on the same host")
    func tokenURL() throws {
        #expect(
            SnapchatAdsConfiguration().tokenURL.absoluteString
                == "https://accounts.snapchat.com/login/oauth2/access_token")
        let local = try #require(URL(string: "http://127.0.0.1:4010"))
        #expect(
            SnapchatAdsConfiguration(baseURL: local).tokenURL.absoluteString
                == "http://127.0.0.1:4010/login/oauth2/access_token")
        let explicit = try #require(URL(string: "http://127.0.0.1:9/t"))
        #expect(SnapchatAdsConfiguration(baseURL: local, tokenURL: explicit).tokenURL == explicit)
    }
}
