import Foundation

/// Where the engine commands write: results on standard output, errors and progress-for-people on standard error,
/// each line written whole and at once so it interleaves cleanly with log lines.
enum Terminal {
    /// Writes a line to standard output.
    static func output(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes a line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes a value as pretty, key-sorted JSON with ISO-8601 dates to standard output.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        output(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
