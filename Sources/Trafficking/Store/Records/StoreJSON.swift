import AdPlatformKit
import Foundation

/// The JSON columns' coding: plain `JSONEncoder`/`JSONDecoder` (dates as seconds, so values round-trip exactly),
/// with sorted keys so equal values are stored as equal text.
enum StoreJSON {
    /// Encodes a value as JSON text.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Decodes a JSON column, throwing ``StoreError`` `corrupt` naming the row, the column and the field at fault.
    static func decode<T: Decodable>(
        _ type: T.Type, from text: String, table: String, row: String, column: String
    ) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch let error as DecodingError {
            let problem = TraffickingRequestDecoder.describe(error)
            throw StoreError.corrupt(table: table, row: row, column: column, "is not a valid \(type): \(problem)")
        } catch {
            throw StoreError.corrupt(table: table, row: row, column: column, "is not a valid \(type): \(error)")
        }
    }
}
