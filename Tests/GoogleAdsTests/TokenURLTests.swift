import Foundation
import GoogleAds
import Testing

@Suite("Google token URL")
struct TokenURLTests {
    @Test("production refreshes at oauth2.googleapis.com; any other base URL (the emulator) at /token on it")
    func tokenURL() throws {
        #expect(GoogleAdsConfiguration().tokenURL.absoluteString == "https://oauth2.googleapis.com/token")
        let local = try #require(URL(string: "http://127.0.0.1:4010"))
        #expect(GoogleAdsConfiguration(baseURL: local).tokenURL.absoluteString == "http://127.0.0.1:4010/token")
    }
}
