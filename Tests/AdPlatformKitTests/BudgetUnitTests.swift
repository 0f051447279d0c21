import AdPlatformKit
import Foundation
import Testing

@Suite("Budget units")
struct BudgetUnitTests {
    static let metaOffsets = BudgetUnit.offset(standard: 100, exceptions: ["JPY": 1, "TWD": 1, "HUF": 1])

    @Test(
        "Meta offsets: minor units times offset over the currency's factor",
        arguments: [
            ("USD", "10.00", Int64(1000)), ("EUR", "0.99", 99), ("JPY", "1500", 1500), ("TWD", "300", 300),
            ("HUF", "2500.00", 2500),
        ])
    func metaOffset(code: String, amount: String, expected: Int64) throws {
        let currency = try #require(Currency(code: code))
        let money = try Money(decimal: amount, currency: currency)
        #expect(try Self.metaOffsets.platformValue(for: money) == .integer(expected))
        #expect(try Self.metaOffsets.money(fromPlatformValue: .string(String(expected)), currency: currency) == money)
    }

    @Test("an amount finer than Meta's offset is an error, not a rounding")
    func metaOffsetInexact() throws {
        let twd = try #require(Currency(code: "TWD"))
        #expect(throws: MoneyError.self) {
            try Self.metaOffsets.platformValue(for: Money(decimal: "300.50", currency: twd))
        }
    }

    @Test("TikTok takes exact major-unit decimals")
    func majorUnits() throws {
        let value = try BudgetUnit.majorUnits.platformValue(for: Money(decimal: "50.10", currency: .usd))
        #expect(value == .decimal(try #require(Decimal(string: "50.1"))))
        #expect(value.encodedString() == "50.1")
        #expect(try BudgetUnit.majorUnits.money(fromPlatformValue: .double(20), currency: .usd).minorUnits == 2000)
    }

    @Test("Snapchat and Google take micros")
    func micros() throws {
        #expect(try BudgetUnit.micros.platformValue(for: Money(decimal: "5", currency: .usd)) == .integer(5_000_000))
        #expect(
            try BudgetUnit.micros.platformValue(for: Money(decimal: "500", currency: .jpy)) == .integer(500_000_000))
        #expect(try BudgetUnit.micros.money(fromPlatformValue: "1230000", currency: .usd).minorUnits == 123)
    }
}
