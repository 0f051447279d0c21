/// The JSON the studio's script sends: the form's fields by name (one value or several), and the platforms to
/// check besides the chosen accounts'.
struct StudioJSONDraft: Decodable, Sendable {
    /// One field's value or values.
    struct Values: Decodable, Sendable {
        /// The values, in order.
        var values: [String]

        /// Reads `"text"` or `["a", "b"]`.
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                values = [one]
            } else {
                values = try container.decode([String].self)
            }
        }
    }

    /// The fields.
    var fields: [String: Values]
    /// The platforms named.
    var platforms: [String]?
}
