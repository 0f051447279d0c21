import Foundation

/// The `fields` a Graph read asks for: `id,name,creative{id,name},insights.date_preset(last_7d){spend}`.
///
/// Top-level names are checked against the node type's fields (Graph answers an unknown one with "Tried accessing
/// nonexisting field"); a `{…}` expansion is kept so referenced objects (`campaign{name}`) can be rendered with it.
struct MetaFieldSelection: Sendable {
    /// One requested field.
    struct Field: Sendable {
        /// The field name.
        var name: String
        /// The `{…}` expansion's contents, if any.
        var nested: String?
    }

    /// The fields, in the order asked, without duplicates.
    var fields: [Field]

    /// The selection a call's `fields` parameter makes for a kind; `defaults` when it has none.
    init(_ params: MetaParams, kind: String, defaults: [String]) throws(MetaError) {
        let text: String?
        switch params["fields"] {
        case .array(let items)?: text = items.compactMap(\.text).joined(separator: ",")
        case let value?: text = value.text
        case nil: text = nil
        }
        try self.init(text: text, kind: kind, defaults: defaults)
    }

    /// The selection `text` makes; `defaults` when it is absent or empty.
    init(text: String?, kind: String, defaults: [String]) throws(MetaError) {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            fields = defaults.map { Field(name: $0, nested: nil) }
            return
        }
        let known = MetaVocabulary.fields(kind)
        var seen: Set<String> = []
        var parsed: [Field] = []
        for piece in Self.split(text) {
            let (name, nested) = Self.nameAndExpansion(piece)
            guard !name.isEmpty else { continue }
            guard name == "id" || known.contains(name) else { throw MetaEmulator.nonexistingField(name, kind: kind) }
            if seen.insert(name).inserted { parsed.append(Field(name: name, nested: nested)) }
        }
        fields = parsed.isEmpty ? defaults.map { Field(name: $0, nested: nil) } : parsed
    }

    /// The plain field names.
    var names: [String] { fields.map(\.name) }

    /// Splits at commas outside braces and parentheses.
    static func split(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "{", "(": depth += 1
            case "}", ")": depth = max(0, depth - 1)
            case "," where depth == 0:
                pieces.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// `creative{id,name}` → (`creative`, `id,name`); `insights.limit(5)` → (`insights`, nil).
    static func nameAndExpansion(_ piece: String) -> (String, String?) {
        let end = piece.firstIndex { $0 == "{" || $0 == "." || $0 == "(" } ?? piece.endIndex
        let name = String(piece[..<end]).trimmingCharacters(in: .whitespaces)
        guard let open = piece.firstIndex(of: "{"), let close = piece.lastIndex(of: "}"), open < close else {
            return (name, nil)
        }
        return (name, String(piece[piece.index(after: open)..<close]))
    }
}
