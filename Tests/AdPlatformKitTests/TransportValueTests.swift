import AdPlatformKit
import AdPlatformTesting
import Foundation
import Testing

@Suite("Transport values")
struct TransportValueTests {
    @Test("form encoding matches Python's urlencode and round-trips")
    func formEncoding() {
        let pairs = [("name", "Winter launch [ao-1]"), ("special_ad_categories", "[]"), ("token", "a+b/c=")]
        let encoded = FormURLEncoding.encode(pairs)
        #expect(encoded == "name=Winter+launch+%5Bao-1%5D&special_ad_categories=%5B%5D&token=a%2Bb%2Fc%3D")
        #expect(FormURLEncoding.decode(encoded).map { "\($0.name)=\($0.value)" } == pairs.map { "\($0.0)=\($0.1)" })
    }

    @Test("every ASCII byte and multi-byte UTF-8 is escaped as urlencode's quote_plus does")
    func formEscapingEveryByte() {
        let text = String(decoding: (1...0x7F).map { UInt8($0) }, as: UTF8.self) + "é€😀"
        var expected = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "): expected += "+"
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                expected += String(UnicodeScalar(byte))
            default: expected += String(format: "%%%02X", byte)
            }
        }
        #expect(FormURLEncoding.escape(text) == expected)
        #expect(FormURLEncoding.escape("é") == "%C3%A9")
        #expect(FormURLEncoding.decode("x=" + FormURLEncoding.escape(text)).first?.value == text)
    }

    @Test("URLs are joined without doubled slashes and query values are escaped")
    func urls() throws {
        let base = try #require(URL(string: "http://127.0.0.1:4010/"))
        let url = try #require(
            FormURLEncoding.url(base, path: "/v26.0/act_1/campaigns", query: [("access_token", "x y")]))
        #expect(url.absoluteString == "http://127.0.0.1:4010/v26.0/act_1/campaigns?access_token=x+y")
        let request = PlatformHTTPRequest(method: .get, url: url)
        #expect(request.queryValue("access_token") == "x y")
    }

    @Test("JSON values keep decimals exact and read int64 strings")
    func jsonValues() throws {
        let body: JSONValue = ["budget": .decimal(Decimal(string: "50.1") ?? 0), "ids": ["1", "2"], "ok": true]
        #expect(body.encodedString() == #"{"budget":50.1,"ids":["1","2"],"ok":true}"#)
        let parsed = try JSONValue(parsing: Data(#"{"id":"120210000000000001","n":3,"x":0.25,"a":[null]}"#.utf8))
        #expect(parsed["id"]?.int64Value == 120_210_000_000_000_001)
        #expect(parsed["n"]?.int64Value == 3)
        #expect(parsed["x"]?.doubleValue == 0.25)
        #expect(parsed["a"]?[0] == .null)
        #expect(parsed["missing"] == nil)
    }

    @Test("multipart bodies carry fields and files with the boundary")
    func multipart() {
        var form = MultipartFormData(boundary: "B")
        form.addField(name: "advertiser_id", value: "7")
        form.addFile(name: "image_file", fileName: "hero.png", contentType: "image/png", data: Data([1, 2, 3]))
        let text = String(decoding: form.data, as: UTF8.self)
        #expect(form.contentType == "multipart/form-data; boundary=B")
        #expect(text.hasPrefix("--B\r\nContent-Disposition: form-data; name=\"advertiser_id\"\r\n\r\n7\r\n"))
        #expect(text.contains("filename=\"hero.png\"\r\nContent-Type: image/png\r\n\r\n\u{1}\u{2}\u{3}\r\n--B--\r\n"))
    }

    @Test("digests match published test vectors")
    func digests() {
        #expect(ContentDigest.md5Hex(Data("abc".utf8)) == "900150983cd24fb0d6963f7d28e17f72")
        #expect(
            ContentDigest.sha256Hex(Data("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            ContentDigest.hmacSHA256Hex(key: "key", message: "The quick brown fox jumps over the lazy dog")
                == "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
    }

    @Test("header lookup ignores case and the scripted transport records requests")
    func scripted() async throws {
        var headers: HTTPHeaderFields = ["Access-Token": "t"]
        #expect(headers["access-token"] == "t")
        headers["ACCESS-TOKEN"] = nil
        #expect(headers["Access-Token"] == nil)
        let transport = ScriptedTransport()
        transport.enqueue(status: 201, json: "{}")
        let url = try #require(URL(string: "http://127.0.0.1/x"))
        let response = try await transport.send(PlatformHTTPRequest(method: .post, url: url))
        #expect(response.status == 201)
        #expect(transport.requests.count == 1)
        await #expect(throws: AdPlatformError.self) {
            try await transport.send(PlatformHTTPRequest(method: .get, url: url))
        }
    }

    @Test("credentials never print their secrets")
    func redaction() {
        let credentials = PlatformCredentials(accessToken: "SECRET-TOKEN", refreshToken: "SECRET-REFRESH")
        let account = AccountContext(accountID: "act_1", currency: .usd, credentials: credentials)
        #expect(!"\(account)".contains("SECRET"))
        #expect("\(credentials)".contains("refreshToken: <redacted>"))
    }
}
