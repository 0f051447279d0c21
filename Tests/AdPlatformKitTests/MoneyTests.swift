import AdPlatformKit
import Foundation
import Testing

@Suite("Money")
struct MoneyTests {
    @Test(
        "decimal text parses to exact minor units",
        arguments: [
            ("10.50", "USD", Int64(1050)), ("0.01", "USD", 1), ("150", "USD", 15_000), ("1000", "JPY", 1000),
            ("12.34", "EUR", 1234), ("1.234", "KWD", 1234), ("-3.10", "USD", -310), ("0.5", "USD", 50),
            ("99999999.99", "USD", 9_999_999_999),
        ])
    func parsesDecimal(text: String, code: String, minor: Int64) throws {
        let currency = try #require(Currency(code: code))
        #expect(try Money(decimal: text, currency: currency).minorUnits == minor)
    }

    @Test(
        "text that is not exact or not a number is rejected",
        arguments: [("10.505", "USD"), ("1.5", "JPY"), ("ten", "USD"), ("", "USD"), ("1.2.3", "USD"), ("1e3", "USD")])
    func rejectsInexact(text: String, code: String) throws {
        let currency = try #require(Currency(code: code))
        #expect(throws: MoneyError.self) { try Money(decimal: text, currency: currency) }
    }

    @Test(
        "micros convert both ways without drift",
        arguments: [
            ("USD", Int64(1050), Int64(10_500_000)), ("EUR", 1, 10_000), ("JPY", 1000, 1_000_000_000),
            ("KWD", 1234, 1_234_000), ("CLF", 12345, 1_234_500),
        ])
    func microsRoundTrip(code: String, minor: Int64, micros: Int64) throws {
        let currency = try #require(Currency(code: code))
        let money = Money(minorUnits: minor, currency: currency)
        #expect(try money.micros() == micros)
        #expect(try Money(micros: micros, currency: currency) == money)
    }

    @Test("micros finer than the minor unit are rejected, not rounded")
    func microsTooFine() {
        #expect(throws: MoneyError.self) { try Money(micros: 1_234_567, currency: .usd) }
        #expect(throws: MoneyError.self) { try Money(micros: 500_000, currency: .jpy) }
    }

    @Test("reported spend rounds half to even")
    func reportedRounding() {
        #expect(Money.rounding(micros: 1_234_567, currency: .usd).minorUnits == 123)
        #expect(Money.rounding(micros: 1_235_000, currency: .usd).minorUnits == 124)
        #expect(Money.rounding(micros: 1_245_000, currency: .usd).minorUnits == 124)
        #expect(Money.rounding(decimal: "5339.5", currency: .usd)?.minorUnits == 533_950)
        #expect(Money.rounding(decimal: "1.005", currency: .usd)?.minorUnits == 100)
        #expect(Money.rounding(decimal: "abc", currency: .usd) == nil)
    }

    @Test("adding a cent a million times has no drift")
    func noDriftOverManyAdditions() throws {
        var total = Money(minorUnits: 0, currency: .usd)
        for _ in 0..<1_000_000 { total.minorUnits += try Money(decimal: "0.01", currency: .usd).minorUnits }
        #expect(total.decimalString == "10000.00")
        #expect(try total.micros() == 10_000_000_000)
    }

    @Test(
        "decimal strings use the currency's digits",
        arguments: [("USD", Int64(5), "0.05"), ("JPY", 5, "5"), ("KWD", -1500, "-1.500")])
    func decimalString(code: String, minor: Int64, text: String) throws {
        let currency = try #require(Currency(code: code))
        #expect(Money(minorUnits: minor, currency: currency).decimalString == text)
    }

    @Test("splitting keeps every minor unit")
    func split() {
        let shares = Money(minorUnits: 1000, currency: .usd).split(into: 3)
        #expect(shares.map(\.minorUnits) == [334, 333, 333])
        #expect(shares.reduce(0) { $0 + $1.minorUnits } == 1000)
    }

    @Test("JSON uses a decimal string and a code")
    func codable() throws {
        let decoded = try JSONDecoder().decode(Money.self, from: Data(#"{"amount":"12.30","currency":"eur"}"#.utf8))
        #expect(decoded == Money(minorUnits: 1230, currency: .eur))
        let number = try JSONDecoder().decode(Money.self, from: Data(#"{"amount":12,"currency":"USD"}"#.utf8))
        #expect(number.minorUnits == 1200)
        let encoded = String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self)
        #expect(encoded.contains(#""amount":"12.30""#))
    }

    @Test("unknown currency codes are rejected")
    func unknownCurrency() {
        #expect(Currency(code: "USX") == nil)
        #expect(Currency(code: "usd") == .usd)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Money.self, from: Data(#"{"amount":"1","currency":"XYZ"}"#.utf8))
        }
    }
}
