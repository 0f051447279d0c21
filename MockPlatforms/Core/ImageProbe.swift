import Foundation

/// Reads an image's format and pixel size from its header: TikTok's upload checks with it (it rejects files that
/// are not images with 40908), and the uploads the emulators serve back take their `Content-Type` from it. Knows
/// PNG, JPEG and GIF, the formats TikTok takes for ad images.
enum ImageProbe {
    /// What the header says.
    struct Info {
        /// `png`, `jpeg` or `gif`.
        var format: String
        /// Width in pixels.
        var width: Int
        /// Height in pixels.
        var height: Int
    }

    /// The image's format and size, or `nil` when it is not a PNG, JPEG or GIF.
    static func inspect(_ data: Data) -> Info? {
        let bytes = [UInt8](data)
        if bytes.count >= 24, bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return Info(format: "png", width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4))
        }
        if bytes.count >= 10,
            bytes[0..<6].elementsEqual(Array("GIF87a".utf8))
                || bytes[0..<6].elementsEqual(Array("GIF89a".utf8))
        {
            return Info(
                format: "gif", width: Int(bytes[6]) | Int(bytes[7]) << 8, height: Int(bytes[8]) | Int(bytes[9]) << 8)
        }
        if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 { return jpeg(bytes) }
        return nil
    }

    /// Walks JPEG segments to the first start-of-frame marker, which carries the size.
    private static func jpeg(_ bytes: [UInt8]) -> Info? {
        var index = 2
        while index + 3 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF {
                index += 1
                continue
            }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                index += 2
                continue
            }
            let length = bigEndian(bytes, index + 2, 2)
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard index + 8 < bytes.count else { return nil }
                return Info(
                    format: "jpeg", width: bigEndian(bytes, index + 7, 2), height: bigEndian(bytes, index + 5, 2))
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        var value = 0
        for index in offset..<offset + count { value = value << 8 | Int(bytes[index]) }
        return value
    }
}
