/// Mints Airtable ids (`app`, `tbl`, `fld`, `viw`, `sel`, `rec` or `itr` + 14 letters and digits) deterministically
/// from the world's seed, one counter per prefix, so record ids do not depend on how often a client listed.
struct AirtableIDMinter: Sendable {
    /// The world's seed.
    let seed: UInt64
    /// The world's id counters; the minter's live under `airtable.<prefix>`.
    var minted: [String: UInt64]

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// The next id with a prefix.
    mutating func mint(_ prefix: String) -> String {
        let key = "airtable.\(prefix)"
        let counter = (minted[key] ?? 0) + 1
        minted[key] = counter
        var generator = SplitMix64(seed: SplitMix64.hash(seed, key) &+ counter &* 0x9E37_79B9_7F4A_7C15)
        let alphabet = Self.alphabet
        return prefix + String((0..<14).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }

    /// Whether a text is an id with a prefix: the prefix, then exactly 14 letters and digits.
    static func isID(_ text: some StringProtocol, prefix: String) -> Bool {
        text.hasPrefix(prefix) && text.count == prefix.count + 14
            && text.dropFirst(prefix.count).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
