/// One field (column) of an Airtable table: id, name, type, and the type's options.
public struct AirtableField: Sendable, Codable, Hashable {
    /// The field types the emulator knows, by Airtable's names.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// One line of text.
        case singleLineText
        /// Long text.
        case multilineText
        /// One option among the field's choices.
        case singleSelect
        /// Any number of options among the field's choices.
        case multipleSelects
        /// A decimal or integer number.
        case number
        /// A checkbox: `true`, or empty.
        case checkbox
        /// A URL, as text.
        case url
        /// A date and time, written back as ISO 8601 UTC with milliseconds.
        case dateTime

        /// Whether values are options among choices.
        var isSelect: Bool { self == .singleSelect || self == .multipleSelects }
    }

    /// A select option.
    public struct Choice: Sendable, Codable, Hashable {
        /// `sel` + 14 letters and digits.
        public var id: String
        /// The option's text, which is what records carry.
        public var name: String
        /// Airtable's colour name, e.g. `blueLight2`.
        public var color: String

        /// Creates a choice.
        public init(id: String, name: String, color: String) {
            self.id = id
            self.name = name
            self.color = color
        }
    }

    /// `fld` + 14 letters and digits.
    public var id: String
    /// The name clients write and read values by.
    public var name: String
    /// The type.
    public var type: Kind
    /// The options of a select field, in order (which is also how a select field sorts).
    public var choices: [Choice]
    /// Decimal places of a number field (0–8), as the schema reports it.
    public var precision: Int

    /// Creates a field.
    public init(id: String, name: String, type: Kind, choices: [Choice] = [], precision: Int = 0) {
        self.id = id
        self.name = name
        self.type = type
        self.choices = choices
        self.precision = precision
    }

    /// Colours given to new options in turn, from Airtable's palette.
    static let palette = [
        "blueLight2", "cyanLight2", "tealLight2", "greenLight2", "yellowLight2", "orangeLight2", "redLight2",
        "pinkLight2", "purpleLight2", "grayLight2",
    ]

    /// Adds an option with the next colour.
    mutating func addChoice(_ name: String, minter: inout AirtableIDMinter) {
        choices.append(
            Choice(id: minter.mint("sel"), name: name, color: Self.palette[choices.count % Self.palette.count]))
    }

    /// The field as `GET /v0/meta/bases/{baseId}/tables` describes it, with the options pyairtable's schema
    /// models require for each type.
    var schemaJSON: MockJSON {
        var members: [(String, MockJSON)] = [
            ("id", .string(id)), ("name", .string(name)), ("type", .string(type.rawValue)),
        ]
        switch type {
        case .singleSelect, .multipleSelects:
            let list = choices.map { choice in
                MockJSON.object([
                    ("id", .string(choice.id)), ("name", .string(choice.name)), ("color", .string(choice.color)),
                ])
            }
            members.append(("options", .object([("choices", .array(list))])))
        case .number:
            members.append(("options", .object([("precision", .int(precision))])))
        case .checkbox:
            members.append(("options", .object([("color", .string("greenBright")), ("icon", .string("check"))])))
        case .dateTime:
            members.append(
                (
                    "options",
                    .object([
                        ("timeZone", .string("utc")),
                        ("dateFormat", .object([("format", .string("YYYY-MM-DD")), ("name", .string("iso"))])),
                        ("timeFormat", .object([("format", .string("HH:mm")), ("name", .string("24hour"))])),
                    ])
                ))
        case .singleLineText, .multilineText, .url:
            break
        }
        return .object(members)
    }
}
