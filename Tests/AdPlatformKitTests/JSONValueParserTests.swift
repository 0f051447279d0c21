import Foundation
import Testing

@testable import AdPlatformKit

@Suite("JSONValue parsing")
struct JSONValueParserTests {
    /// Documents shaped like the platforms' answers, and the corners of JSON's grammar.
    static let corpus: [String] = [
        #"{"data":[{"id":"120200000000001","name":"Spring [ao-1a2b]","status":"PAUSED"}],"paging":{"cursors":{"after":"QVFI"}}}"#,
        #"{"code":0,"message":"OK","request_id":"2026112200000001","data":{"campaign_id":"1723035710000000007","budget":50.5}}"#,
        #"{"request_status":"SUCCESS","campaigns":[{"sub_request_status":"SUCCESS","campaign":{"id":"82ce0878","daily_budget_micros":5000000000}}]}"#,
        #"{"results":[{"resourceName":"customers/1/campaigns/2"}],"partialFailureError":null}"#,
        #"{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":1487390,"is_transient":false}}"#,
        #"[1, -1, 0, -0, 1.5, -2.25e-3, 1e3, 1.0, 1E+2, 9223372036854775807, -9223372036854775808, 9223372036854775808, 1.7976931348623157e308, 5e-324]"#,
        #"["", "a\"b", "\\", "\/", "\b\f\n\r\t", "\u00e9", "\u4e2d", "\ud83d\ude00", "é中😀", "tab\tin"]"#,
        #"{"a":1,"a":2}"#,
        #"  {"nested":{"deeper":[[[{"x":[true,false,null]}]]]}}  "#,
        "\"just a string\"", "42", "true", "null", "[]", "{}",
    ]

    @Test("gives what JSONDecoder gives for every document of the corpus")
    func matchesJSONDecoder() throws {
        for text in Self.corpus {
            let data = Data(text.utf8)
            let expected = try JSONDecoder().decode(JSONValue.self, from: data)
            #expect(try JSONValue(parsing: data) == expected, "\(text)")
        }
    }

    @Test("reads numbers as JSONDecoder does: whole Int64 values as integers, the rest as doubles")
    func numbers() throws {
        #expect(try JSONValue(parsing: Data("9223372036854775807".utf8)) == .integer(.max))
        #expect(try JSONValue(parsing: Data("9223372036854775808".utf8)) == .double(9_223_372_036_854_775_808))
        #expect(try JSONValue(parsing: Data("1e3".utf8)) == .integer(1000))
        #expect(try JSONValue(parsing: Data("0.1".utf8)) == .double(0.1))
        #expect(try JSONValue(parsing: Data("[1,2]".utf8))[1] == .integer(2))
    }

    @Test(
        "refuses what is not JSON with a DecodingError naming the byte",
        arguments: [
            "", " ", "{", "[1,]", "{\"a\":}", "{\"a\" 1}", "{a:1}", "[1 2]", "01", "1.", "-", "1e", ".5", "+1",
            "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud83d\"", "\"\\ude00\"", "\"a\u{01}b\"", "{} {}",
            "[1]x", "NaN", "'a'",
        ])
    func refuses(_ text: String) {
        #expect(throws: DecodingError.self, "\(text)") { try JSONValue(parsing: Data(text.utf8)) }
    }

    @Test("refuses nesting deeper than 512 levels instead of overflowing the stack")
    func depthLimit() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: DecodingError.self) { try JSONValue(parsing: Data(deep.utf8)) }
        let fine = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONValue(parsing: Data(fine.utf8)) }
    }
}
