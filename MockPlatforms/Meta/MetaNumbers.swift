/// Meta's money and ratio conventions, written without `String(format:)` or formatters so the hot paths stay
/// allocation-light.
///
/// Every account is in USD (offset 100: a budget of `1000` means $10.00); see ``MetaEmulator`` for why.
enum MetaNumbers {
    /// Minor units per major unit for the emulated currency (USD).
    static let offset: Int64 = 100
    /// Micros per minor unit: 1,000,000 micros per dollar, 100 cents per dollar.
    static let microsPerMinor: Int64 = 1_000_000 / offset

    /// A budget in minor units as micros, for the world's delivery.
    static func micros(minor: Int64) -> Int64 { minor.multipliedReportingOverflow(by: microsPerMinor).partialValue }

    /// Micros as a decimal string of major units with trailing zeros trimmed, as insights report spend:
    /// `12340000` → `"12.34"`, `5339500000` → `"5339.5"`, `0` → `"0"`.
    static func major(micros: Int64) -> String {
        decimal(micros / microsPerMinor, scale: 2)
    }

    /// `$1.00` for people-facing messages.
    static func dollars(minor: Int64) -> String {
        let cents = minor % 100
        return "$\(minor / 100)." + (cents < 10 ? "0\(cents)" : "\(cents)")
    }

    /// A ratio with up to six decimals, trailing zeros trimmed, as insights report `cpm`, `ctr`, `cpc`.
    static func ratio(_ value: Double) -> String {
        // Beyond ±9×10^12 the scaled value would not fit in Int64; no real ratio gets there.
        guard value.isFinite, abs(value) < 9e12 else { return "0" }
        return decimal(Int64((value * 1_000_000).rounded()), scale: 6)
    }

    /// An integer scaled by 10^scale as a trimmed decimal string.
    static func decimal(_ scaled: Int64, scale: Int) -> String {
        var divisor: Int64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let negative = scaled < 0
        let magnitude = scaled.magnitude
        let whole = magnitude / UInt64(divisor)
        var fraction = magnitude % UInt64(divisor)
        var text = (negative ? "-" : "") + String(whole)
        guard fraction > 0 else { return text }
        var digits = scale
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        return text
    }
}
