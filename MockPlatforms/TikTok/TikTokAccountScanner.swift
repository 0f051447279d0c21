import Foundation

/// Finds `advertiser_id` in a request body without parsing it, for rate-limit accounting and the journal, which
/// need the account before the emulator parses the body. A JSON body is scanned for `"advertiser_id"` and the
/// string or number after the colon; a multipart body for the part named `advertiser_id`.
enum TikTokAccountScanner {
    private static let jsonKey = Array("\"advertiser_id\"".utf8)
    private static let partKey = Array("name=\"advertiser_id\"".utf8)

    /// The advertiser id, or `nil` when the body names none.
    static func advertiserID(in body: Data, multipart: Bool) -> String? {
        body.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            return multipart ? partValue(bytes) : jsonValue(bytes)
        }
    }

    private static func find(_ key: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = key.first, bytes.count >= key.count else { return nil }
        var index = start
        let last = bytes.count - key.count
        outer: while index <= last {
            if bytes[index] == first {
                for offset in 1..<key.count where bytes[index + offset] != key[offset] {
                    index += 1
                    continue outer
                }
                return index + key.count
            }
            index += 1
        }
        return nil
    }

    private static func jsonValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard var index = find(jsonKey, in: bytes) else { return nil }
        func skipSpace() {
            while index < bytes.count,
                bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
                    || bytes[index] == 0x0D
            {
                index += 1
            }
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        skipSpace()
        guard index < bytes.count else { return nil }
        let quoted = bytes[index] == UInt8(ascii: "\"")
        if quoted { index += 1 }
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - start < 32 { index += 1 }
        guard index > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private static func partValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let afterName = find(partKey, in: bytes),
            var index = find(Array("\r\n\r\n".utf8), in: bytes, from: afterName)
        else { return nil }
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - start < 32 { index += 1 }
        guard index > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }
}
