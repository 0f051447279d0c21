import Testing

@testable import MockPlatforms

@Suite("HTTP whitespace and request ids")
struct HTTPWhitespaceTests {
    @Test(
        "spaces and tabs are trimmed from both ends, and nothing else",
        arguments: [
            ("  Bearer abc \t", "Bearer abc"), ("\tx", "x"), ("x", "x"), ("", ""), (" \t ", ""),
            ("a b", "a b"), ("\nx\n", "\nx\n"), (" é ", "é"),
        ])
    func trims(input: String, expected: String) {
        #expect(String(input.trimmingHTTPWhitespace) == expected)
        #expect(String(Substring(input).trimmingHTTPWhitespace) == expected)
    }

    @Test("Google request ids are 22 URL-safe base64 characters and differ")
    func requestIDs() {
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let ids = (0..<1_000).map { _ in GoogleAdsEmulator.newRequestID() }
        #expect(ids.allSatisfy { $0.count == 22 && $0.allSatisfy(alphabet.contains) })
        #expect(Set(ids).count == ids.count)
        // Every position varies, so no sextet is stuck at zero.
        for position in 0..<22 {
            #expect(Set(ids.map { Array($0)[position] }).count > 1, "position \(position)")
        }
    }
}
