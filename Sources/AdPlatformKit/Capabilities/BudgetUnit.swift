import Foundation

/// The unit a platform's API takes budgets in, with exact conversion from ``Money``.
public enum BudgetUnit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Meta: the amount times a per-currency offset (100 for most, 1 for JPY, KRW, TWD, HUF, …). For currencies
    /// whose offset is smaller than their minor unit (TWD with offset 1), fractions are not representable.
    case offset(standard: Int64, exceptions: [String: Int64])
    /// TikTok: major units as a decimal number (`50.0` is 50 USD).
    case majorUnits
    /// Snapchat and Google: millionths of a major unit (`5000000` is 5 USD).
    case micros

    /// The value to send for an amount. Throws when it is not exactly representable.
    public func platformValue(for money: Money) throws(MoneyError) -> JSONValue {
        switch self {
        case .offset(let standard, let exceptions):
            let offset = exceptions[money.currency.code] ?? standard
            let (scaled, overflow) = money.minorUnits.multipliedReportingOverflow(by: offset)
            guard !overflow else { throw MoneyError(.overflow, "\(money) is too large") }
            let divisor = money.currency.minorUnitsPerMajorUnit
            guard scaled % divisor == 0 else {
                throw MoneyError(
                    .tooPrecise, "\(money) is not a whole multiple of 1/\(offset) \(money.currency.code)")
            }
            return .integer(scaled / divisor)
        case .majorUnits:
            return .decimal(money.majorUnits)
        case .micros:
            return .integer(try money.micros())
        }
    }

    /// Reads a platform's budget value back into ``Money``; throws when it is not a number or not exact.
    public func money(fromPlatformValue value: JSONValue, currency: Currency) throws(MoneyError) -> Money {
        switch self {
        case .offset(let standard, let exceptions):
            guard let units = value.int64Value else {
                throw MoneyError(.notADecimal, "'\(value.scalarText ?? "?")' is not a whole number")
            }
            let offset = exceptions[currency.code] ?? standard
            let (scaled, overflow) = units.multipliedReportingOverflow(by: currency.minorUnitsPerMajorUnit)
            guard !overflow else { throw MoneyError(.overflow, "\(units) is too large") }
            guard scaled % offset == 0 else {
                throw MoneyError(.tooPrecise, "\(units) is finer than one minor unit of \(currency.code)")
            }
            return Money(minorUnits: scaled / offset, currency: currency)
        case .majorUnits:
            guard let text = value.scalarText else { throw MoneyError(.notADecimal, "budget is not a number") }
            return try Money(decimal: text, currency: currency)
        case .micros:
            guard let micros = value.int64Value else {
                throw MoneyError(.notADecimal, "'\(value.scalarText ?? "?")' is not a whole number of micros")
            }
            return try Money(micros: micros, currency: currency)
        }
    }

    /// A short description for the capability table.
    public var description: String {
        switch self {
        case .offset(let standard, let exceptions):
            "minor units (offset \(standard); 1 for \(exceptions.filter { $0.value == 1 }.keys.sorted().prefix(3).joined(separator: ", "))…)"
        case .majorUnits: "major units (decimal)"
        case .micros: "micros (1,000,000 = 1 unit)"
        }
    }
}
