import Foundation

/// An ISO-4217 currency: its three-letter code and how many digits its minor unit has.
///
/// Only codes in the ISO-4217 list are accepted, so a typo such as `"USX"` fails at the edge instead of
/// reaching a platform.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The ISO-4217 alphabetic code, upper case, e.g. `"USD"`.
    public let code: String
    /// Digits after the decimal point in the minor unit: 2 for USD, 0 for JPY, 3 for KWD.
    public let minorUnitDigits: Int

    /// Looks up a currency by its ISO-4217 code (case-insensitive); `nil` when the code is not a known currency.
    public init?(code: String) {
        let upper = code.uppercased()
        guard let digits = Currency.minorUnitDigitsByCode[upper] else { return nil }
        self.code = upper
        self.minorUnitDigits = digits
    }

    /// US dollar.
    public static let usd = Currency(uncheckedCode: "USD", digits: 2)
    /// Euro.
    public static let eur = Currency(uncheckedCode: "EUR", digits: 2)
    /// Japanese yen, which has no minor unit.
    public static let jpy = Currency(uncheckedCode: "JPY", digits: 0)

    /// The code, e.g. `USD`.
    public var description: String { code }

    /// Every currency this library knows, sorted by code.
    public static var all: [Currency] {
        minorUnitDigitsByCode.keys.sorted().map { Currency(uncheckedCode: $0, digits: minorUnitDigitsByCode[$0] ?? 2) }
    }

    private init(uncheckedCode: String, digits: Int) {
        self.code = uncheckedCode
        self.minorUnitDigits = digits
    }

    /// `10^minorUnitDigits`: how many minor units make one major unit.
    public var minorUnitsPerMajorUnit: Int64 {
        var factor: Int64 = 1
        for _ in 0..<minorUnitDigits { factor *= 10 }
        return factor
    }

    // ISO-4217 active codes and their minor-unit exponents (list of 2024). Codes not listed with 0, 3 or 4
    // use 2.
    private static let minorUnitDigitsByCode: [String: Int] = {
        let zero = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
        let three = "BHD IQD JOD KWD LYD OMR TND"
        let four = "CLF UYW"
        let two = """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD \
            CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP \
            GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL \
            MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN \
            QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD \
            TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG
            """
        var table: [String: Int] = [:]
        for (codes, digits) in [(two, 2), (zero, 0), (three, 3), (four, 4)] {
            for code in codes.split(separator: " ") { table[String(code)] = digits }
        }
        return table
    }()
}

extension Currency: Codable {
    /// Decodes a currency from its ISO-4217 code, failing with the coding path when the code is unknown.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let currency = Currency(code: code) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown currency '\(code)': expected an ISO-4217 code such as USD")
        }
        self = currency
    }

    /// Encodes the ISO-4217 code.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
