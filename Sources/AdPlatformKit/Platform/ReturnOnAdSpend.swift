import Foundation

/// A return on ad spend: conversion value per unit of spend, in basis points, so `2.5` (250%) is `25_000`.
///
/// Never floating point here. Each platform's unit is reached exactly at its boundary: Meta's
/// `roas_average_floor` is this same scale (1.0 is 10,000), Snap's `roas_value_micro` is micros, TikTok's
/// `roas_bid` a decimal, Google's `target_roas` a double.
public struct ReturnOnAdSpend: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Basis points of spend: 10,000 means conversion value equal to spend.
    public var basisPoints: Int64

    /// Creates a ROAS from basis points (`25_000` is 2.5).
    public init(basisPoints: Int64) {
        self.basisPoints = basisPoints
    }

    /// Parses a decimal ratio such as `"2.5"` exactly; throws when it is not a plain decimal number or has more
    /// than four decimal places.
    public init(decimal text: String) throws(MoneyError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard parts.count <= 2, !(whole + fraction).isEmpty,
            (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber })
        else {
            throw MoneyError(.notADecimal, "'\(text)' is not a decimal ratio such as 2.5")
        }
        guard fraction.count <= 4 else {
            throw MoneyError(.tooPrecise, "'\(text)' has \(fraction.count) decimal places; a ROAS allows 4")
        }
        let digits = (whole.isEmpty ? "0" : whole) + fraction + String(repeating: "0", count: 4 - fraction.count)
        guard let value = Int64(digits) else { throw MoneyError(.overflow, "'\(text)' is too large") }
        self.init(basisPoints: value)
    }

    /// The ratio as a plain decimal without trailing zeros: `"2.5"`, `"3"`.
    public var decimalString: String {
        let whole = basisPoints / 10_000
        let fraction = basisPoints % 10_000
        guard fraction != 0 else { return String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// The ratio as an exact decimal: `2.5`.
    public var ratio: Decimal { Decimal(basisPoints) / 10_000 }

    /// `2.5`.
    public var description: String { decimalString }

    /// Orders by value.
    public static func < (lhs: ReturnOnAdSpend, rhs: ReturnOnAdSpend) -> Bool { lhs.basisPoints < rhs.basisPoints }

    /// Decodes `"2.5"` or `2.5`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let string = try? container.decode(String.self) {
            text = string
        } else {
            text = "\(try container.decode(Decimal.self))"
        }
        do {
            try self.init(decimal: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes `"2.5"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalString)
    }
}
