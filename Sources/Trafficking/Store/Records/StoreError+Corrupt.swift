extension StoreError {
    /// A row that cannot be read back, naming the table, the row and the column so someone can find it with SQL.
    static func corrupt(table: String, row: String, column: String, _ reason: String) -> StoreError {
        StoreError(.corrupt, "\(table) row \(row): column \(column) \(reason)")
    }
}
