/// SplitMix64: a tiny, well-mixed hash and generator, so everything the world invents (ids, delivery, fault
/// dice) follows from the seed alone.
public struct SplitMix64: Sendable, Codable, Hashable {
    /// The generator's state.
    public var state: UInt64

    /// Creates a generator.
    public init(seed: UInt64) { state = seed }

    /// The next value.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform value in `0..<1`.
    public mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Mixes a value into a well-distributed one.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stable hash of a seed and some strings (FNV-1a, then mixed).
    public static func hash(_ seed: UInt64, _ parts: String...) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for part in parts {
            for byte in part.utf8 {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01B3
            }
            value ^= 0xFF
            value &*= 0x0000_0100_0000_01B3
        }
        return mix(value)
    }
}
