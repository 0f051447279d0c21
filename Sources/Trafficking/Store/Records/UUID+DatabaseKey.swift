import Foundation

extension UUID {
    /// How ids are stored: lower-case text, so people can paste them into SQL.
    var databaseKey: String { uuidString.lowercased() }

    /// Reads an id column, throwing ``StoreError`` `corrupt` when it does not hold a UUID.
    static func stored(_ text: String, table: String, row: String, column: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw StoreError.corrupt(table: table, row: row, column: column, "holds '\(text)', which is not a UUID")
        }
        return id
    }
}
