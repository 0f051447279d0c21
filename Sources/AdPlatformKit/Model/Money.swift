import Foundation

/// An amount of money as integer minor units of an ISO-4217 currency. Never floating point.
///
/// `Money(minorUnits: 1050, currency: .usd)` is $10.50. Conversions to platform units (micros, major units,
/// Meta's offsets) are exact or they throw: an amount is never silently rounded.
public struct Money: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The amount in the currency's minor unit (cents for USD, yen for JPY).
    public var minorUnits: Int64
    /// The currency the amount is in.
    public var currency: Currency

    /// Creates an amount from minor units.
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Parses a decimal string such as `"10.50"` exactly. Throws when it has more fraction digits than the
    /// currency allows (`"10.505"` USD) or is not a plain decimal number.
    public init(decimal text: String, currency: Currency) throws(MoneyError) {
        var digits = text.trimmingCharacters(in: .whitespaces)
        var negative = false
        if digits.hasPrefix("-") {
            negative = true
            digits.removeFirst()
        } else if digits.hasPrefix("+") {
            digits.removeFirst()
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty || parts.count == 2,
            (whole + (parts.count == 2 ? parts[1] : "")).allSatisfy({ $0.isASCII && $0.isNumber }),
            !(whole + (parts.count == 2 ? parts[1] : "")).isEmpty
        else {
            throw MoneyError(.notADecimal, "'\(text)' is not a decimal amount such as 10.50")
        }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= currency.minorUnitDigits else {
            throw MoneyError(
                .tooPrecise,
                "'\(text)' has \(fraction.count) decimal places; \(currency.code) allows \(currency.minorUnitDigits)")
        }
        let padded = String(whole) + fraction + String(repeating: "0", count: currency.minorUnitDigits - fraction.count)
        guard let value = Int64(padded.isEmpty ? "0" : padded) else {
            throw MoneyError(.overflow, "'\(text)' is too large")
        }
        self.init(minorUnits: negative ? -value : value, currency: currency)
    }

    /// Creates an amount from micros (one millionth of a major unit). Throws when the micros are finer than the
    /// currency's minor unit, e.g. 1,234,567 micros of USD.
    public init(micros: Int64, currency: Currency) throws(MoneyError) {
        let factor = Money.microsPerMinorUnit(currency)
        guard micros % factor == 0 else {
            throw MoneyError(
                .tooPrecise, "\(micros) micros is finer than one minor unit of \(currency.code) (\(factor) micros)")
        }
        self.init(minorUnits: micros / factor, currency: currency)
    }

    /// Creates an amount from micros reported by a platform's metrics, rounding half to even to the minor unit.
    /// Only for reported figures such as spend; budgets use the exact initialiser.
    public static func rounding(micros: Int64, currency: Currency) -> Money {
        let factor = microsPerMinorUnit(currency)
        let quotient = micros / factor
        let remainder = micros % factor
        var result = quotient
        let twice = abs(remainder) * 2
        if twice > factor || (twice == factor && quotient % 2 != 0) {
            result += micros < 0 ? -1 : 1
        }
        return Money(minorUnits: result, currency: currency)
    }

    /// Parses a decimal amount reported by a platform (such as Meta's `"5339.5"` spend), rounding half to even
    /// to the minor unit. Returns `nil` when the text is not a decimal number.
    public static func rounding(decimal text: String, currency: Currency) -> Money? {
        // Most amounts already fit the currency ("12.34" USD): read exactly, without Foundation's Decimal, which
        // costs more than a whole report row otherwise does.
        if let exact = try? Money(decimal: text, currency: currency) { return exact }
        guard let value = Decimal(string: text, locale: posixLocale), !value.isNaN else {
            return nil
        }
        var scaled = value * Decimal(currency.minorUnitsPerMajorUnit)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .bankers)
        guard let minor = Int64(exactly: NSDecimalNumber(decimal: rounded).int64Value),
            Decimal(minor) == rounded
        else { return nil }
        return Money(minorUnits: minor, currency: currency)
    }

    /// Decimal text is read the same way in any locale.
    static let posixLocale = Locale(identifier: "en_US_POSIX")

    /// The amount in micros (one millionth of a major unit). Throws on overflow.
    public func micros() throws(MoneyError) -> Int64 {
        let (value, overflow) = minorUnits.multipliedReportingOverflow(by: Money.microsPerMinorUnit(currency))
        guard !overflow else { throw MoneyError(.overflow, "\(self) does not fit in 64-bit micros") }
        return value
    }

    /// The amount in major units as an exact decimal, e.g. `10.5` for $10.50.
    public var majorUnits: Decimal {
        Decimal(minorUnits) / Decimal(currency.minorUnitsPerMajorUnit)
    }

    /// The amount as a plain decimal string with the currency's digits, e.g. `"10.50"`, `"1000"` for JPY.
    public var decimalString: String {
        let factor = currency.minorUnitsPerMajorUnit
        let magnitude = minorUnits.magnitude
        let whole = magnitude / UInt64(factor)
        let sign = minorUnits < 0 ? "-" : ""
        guard currency.minorUnitDigits > 0 else { return "\(sign)\(whole)" }
        let fraction = String(magnitude % UInt64(factor))
        let padded = String(repeating: "0", count: currency.minorUnitDigits - fraction.count) + fraction
        return "\(sign)\(whole).\(padded)"
    }

    /// The amount with its code, e.g. `10.50 USD`.
    public var description: String { "\(decimalString) \(currency.code)" }

    /// Orders amounts of the same currency; amounts of different currencies order by code first.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        if lhs.currency != rhs.currency { return lhs.currency.code < rhs.currency.code }
        return lhs.minorUnits < rhs.minorUnits
    }

    /// Splits the amount into `parts` shares whose sum is exactly the amount; earlier shares take the remainder.
    public func split(into parts: Int) -> [Money] {
        guard parts > 0 else { return [] }
        let share = minorUnits / Int64(parts)
        let remainder = Int(minorUnits % Int64(parts))
        return (0..<parts).map { index in
            Money(minorUnits: share + (index < remainder ? 1 : 0), currency: currency)
        }
    }

    static func microsPerMinorUnit(_ currency: Currency) -> Int64 {
        var factor: Int64 = 1
        for _ in 0..<(6 - min(currency.minorUnitDigits, 6)) { factor *= 10 }
        return factor
    }
}

extension Money: Codable {
    private enum CodingKeys: String, CodingKey {
        case amount, currency, minorUnits
    }

    /// Decodes `{"amount": "10.50", "currency": "USD"}`; `amount` may also be a JSON number, or the amount may be
    /// given as `minorUnits`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(Currency.self, forKey: .currency)
        if let minor = try container.decodeIfPresent(Int64.self, forKey: .minorUnits) {
            self.init(minorUnits: minor, currency: currency)
            return
        }
        let text: String
        if let string = try? container.decode(String.self, forKey: .amount) {
            text = string
        } else if let number = try? container.decode(Decimal.self, forKey: .amount) {
            text = "\(number)"
        } else if let number = try? container.decode(Double.self, forKey: .amount) {
            // A JSON number beyond Decimal's range is either larger than any amount (6e274) or finer than any
            // currency's minor unit (1e-225): a well-formed amount that breaks a rule, said as Money itself would.
            let error =
                abs(number) >= 1
                ? MoneyError(.overflow, "\(number) is too large for an amount")
                : MoneyError(.tooPrecise, "\(number) is finer than one minor unit of \(currency.code)")
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: container.codingPath + [CodingKeys.amount], debugDescription: error.message,
                    underlyingError: error))
        } else if container.contains(.amount) {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container,
                debugDescription: "must be a decimal string such as \"10.50\", or a JSON number")
        } else {
            throw DecodingError.keyNotFound(
                CodingKeys.amount,
                .init(
                    codingPath: container.codingPath,
                    debugDescription: "an amount is required, as a decimal string such as \"10.50\""))
        }
        do {
            try self.init(decimal: text, currency: currency)
        } catch {
            // The MoneyError rides along, so a reader can tell a broken rule (too precise) from a malformed amount.
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: container.codingPath + [CodingKeys.amount], debugDescription: error.message,
                    underlyingError: error))
        }
    }

    /// Encodes `{"amount": "10.50", "currency": "USD"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(decimalString, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}
