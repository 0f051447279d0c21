import Foundation

/// The Airtable part of the control plane, under `/_mock/airtable/…`:
/// - `GET /_mock/airtable`: every base, table (with its schema) and record;
/// - `PUT /_mock/airtable/bases/{baseId}/tables/{tableName}` with `{"fields":[{"name","type","options"}…]}`:
///   creates or replaces a table (and the base, if new);
/// - `DELETE /_mock/airtable/bases/{baseId}`: removes a base;
/// - `GET`/`PUT /_mock/airtable/settings` with `{"requestsPerSecond":5,"lockoutSeconds":30}`.
struct AirtableControl {
    let mock: MockPlatforms

    /// The served Airtable emulator, whose rate window the settings configure.
    private var emulator: AirtableEmulator? {
        mock.emulators.lazy.compactMap { $0 as? AirtableEmulator }.first
    }

    /// Answers a route under `/_mock/airtable`; `route` starts with `airtable`.
    func handle(_ request: MockRequest, route: [String]) -> MockResponse {
        let path = route.map { $0.removingPercentEncoding ?? $0 }
        switch (request.method, path.count) {
        case ("GET", 1):
            return dump()
        case ("GET", 2) where path[1] == "settings":
            return settingsAnswer()
        case ("PUT", 2) where path[1] == "settings", ("POST", 2) where path[1] == "settings":
            return configure(request)
        case ("PUT", 5) where path[1] == "bases" && path[3] == "tables",
            ("POST", 5) where path[1] == "bases" && path[3] == "tables":
            return setUpTable(request, base: path[2], name: path[4])
        case ("DELETE", 3) where path[1] == "bases":
            let existed = mock.world.withState { $0.airtable?.baseIndex(path[2]) != nil }
            guard existed else { return ControlPlane.problem(404, "baseId", "no Airtable base '\(path[2])'") }
            mock.world.resetAirtable(base: path[2])
            return .json(.object([("deleted", .string(path[2]))]))
        default:
            return ControlPlane.problem(
                404, "path", "no control-plane route \(request.method) \(request.path); see docs/mock-platforms.md")
        }
    }

    /// Clears Airtable after a `/_mock/reset`: `everything` restores the rate-limit settings (the world reset
    /// already dropped the bases); otherwise one base, or all bases when `base` is `nil`.
    func reset(base: String?, everything: Bool) {
        if everything {
            emulator?.rateWindow.reset()
        } else {
            mock.world.resetAirtable(base: base)
        }
    }

    // MARK: - Routes

    private func dump() -> MockResponse {
        let bases = mock.world.withState { $0.airtable?.bases ?? [] }
        let list = bases.map { base in
            MockJSON.object([
                ("id", .string(base.id)), ("name", .string(base.name)),
                (
                    "tables",
                    .array(
                        base.tables.map { table in
                            table.schemaJSON().setting("records", .array(table.records.map { table.json($0) }))
                        })
                ),
            ])
        }
        var members: [(String, MockJSON)] = [("bases", .array(list))]
        if let emulator { members.append(("settings", Self.json(emulator.rateWindow.settings))) }
        return .json(.object(members))
    }

    private func settingsAnswer() -> MockResponse {
        guard let emulator else { return ControlPlane.problem(404, "platform", "the Airtable emulator is not served") }
        return .json(Self.json(emulator.rateWindow.settings))
    }

    private func configure(_ request: MockRequest) -> MockResponse {
        guard let emulator else { return ControlPlane.problem(404, "platform", "the Airtable emulator is not served") }
        guard let body = request.json, body.members != nil else {
            return ControlPlane.problem(400, "body", "expected {\"requestsPerSecond\":5,\"lockoutSeconds\":30}")
        }
        var settings = emulator.rateWindow.settings
        if let value = body["requestsPerSecond"] {
            guard let count = value.int64, count >= 1, count <= 1_000_000 else {
                return ControlPlane.problem(400, "requestsPerSecond", "expected a whole number of requests ≥ 1")
            }
            settings.requestsPerSecond = Int(count)
        }
        if let value = body["lockoutSeconds"] {
            guard let seconds = value.decimal.map({ NSDecimalNumber(decimal: $0).doubleValue }), seconds >= 0,
                seconds <= 86_400
            else { return ControlPlane.problem(400, "lockoutSeconds", "expected seconds between 0 and 86400") }
            settings.lockoutSeconds = seconds
        }
        emulator.rateWindow.configure(settings)
        return .json(Self.json(settings))
    }

    /// Creates or replaces a table. Replacing keeps the table's id, its records, and the ids and values of
    /// fields whose name and type are unchanged; cells of removed fields and removed options are dropped.
    private func setUpTable(_ request: MockRequest, base: String, name: String) -> MockResponse {
        guard AirtableIDMinter.isID(base, prefix: "app") else {
            return ControlPlane.problem(400, "baseId", "expected an Airtable base id: app + 14 letters and digits")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            return ControlPlane.problem(400, "tableName", "expected a table name")
        }
        guard let body = request.json, let list = body["fields"]?.array, !list.isEmpty else {
            return ControlPlane.problem(
                400, "fields",
                #"expected {"fields":[{"name":"Status","type":"singleSelect","#
                    + #""options":{"choices":[{"name":"Ready"}]}}]}"#)
        }
        let specs: [FieldSpec]
        switch FieldSpec.parse(list) {
        case .success(let parsed): specs = parsed
        case .failure(let problem): return ControlPlane.problem(400, "fields", problem.message)
        }
        let baseName = body["baseName"]?.string
        let outcome = try? mock.world.changeAirtable { state, minter, _ throws(AirtableError) in
            let baseIndex: Int
            if let index = state.baseIndex(base) {
                baseIndex = index
            } else {
                state.bases.append(AirtableBase(id: base, name: baseName))
                baseIndex = state.bases.count - 1
            }
            if let baseName { state.bases[baseIndex].name = baseName }
            var tables = state.bases[baseIndex].tables
            if let index = tables.firstIndex(where: { $0.name == name }) {
                tables[index] = Self.replace(tables[index], with: specs, minter: &minter)
                state.forgetIterators(table: tables[index].id)
                state.bases[baseIndex].tables = tables
                return (tables[index], false)
            }
            let fields = specs.map { $0.field(existing: nil, minter: &minter) }
            let table = AirtableTable(id: minter.mint("tbl"), name: name, viewID: minter.mint("viw"), fields: fields)
            state.bases[baseIndex].tables.append(table)
            return (table, true)
        }
        guard let outcome else { return ControlPlane.problem(500, "", "could not set up the table") }
        let (table, created) = outcome
        return .json(
            .object([
                ("id", .string(table.id)), ("name", .string(table.name)), ("baseId", .string(base)),
                ("created", .bool(created)), ("table", table.schemaJSON()),
            ]), status: created ? 201 : 200)
    }

    private static func replace(
        _ old: AirtableTable, with specs: [FieldSpec], minter: inout AirtableIDMinter
    ) -> AirtableTable {
        var table = old
        table.fields = specs.map { spec in
            spec.field(existing: old.fields.first { $0.name == spec.name && $0.type == spec.type }, minter: &minter)
        }
        table.primaryFieldID = table.fields.first?.id ?? ""
        let kept = Dictionary(table.fields.map { ($0.id, $0) }) { first, _ in first }
        for index in table.records.indices {
            var values: [String: MockJSON] = [:]
            for (fieldID, value) in table.records[index].values {
                guard let field = kept[fieldID] else { continue }
                if field.type.isSelect {
                    let names = Set(field.choices.map(\.name))
                    let options = (value.array ?? [value]).filter { names.contains($0.string ?? "") }
                    if options.isEmpty { continue }
                    values[fieldID] = field.type == .singleSelect ? options[0] : .array(options)
                } else {
                    values[fieldID] = value
                }
            }
            table.records[index].values = values
        }
        return table
    }

    private static func json(_ settings: AirtableRateWindow.Settings) -> MockJSON {
        .object([
            ("requestsPerSecond", .int(settings.requestsPerSecond)),
            ("lockoutSeconds", .double(settings.lockoutSeconds)),
        ])
    }
}

extension AirtableControl {
    /// A field as the table set-up body describes it.
    struct FieldSpec {
        /// Why a set-up body was refused.
        struct Problem: Error {
            var message: String
        }

        var name: String
        var type: AirtableField.Kind
        var choices: [(name: String, color: String?)]
        var precision: Int

        /// Reads and checks the `fields` list: names present and unique (ignoring case), types known, choices
        /// only on select fields and unique, precision 0–8 on numbers.
        static func parse(_ list: [MockJSON]) -> Result<[FieldSpec], Problem> {
            var specs: [FieldSpec] = []
            var names = Set<String>()
            for (position, entry) in list.enumerated() {
                guard let name = entry["name"]?.string, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                    return .failure(Problem(message: "field \(position) needs a \"name\""))
                }
                guard names.insert(name.lowercased()).inserted else {
                    return .failure(Problem(message: "two fields are named \"\(name)\""))
                }
                guard let typeName = entry["type"]?.string, let type = AirtableField.Kind(rawValue: typeName) else {
                    let known = AirtableField.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                    return .failure(Problem(message: "field \"\(name)\" needs a \"type\": one of \(known)"))
                }
                var spec = FieldSpec(name: name, type: type, choices: [], precision: 0)
                let options = entry["options"]
                if let list = options?["choices"]?.array {
                    guard type.isSelect else {
                        return .failure(
                            Problem(message: "field \"\(name)\" is not a select field, so it has no choices"))
                    }
                    var seen = Set<String>()
                    for choice in list {
                        guard let choiceName = choice.string ?? choice["name"]?.string, !choiceName.isEmpty,
                            seen.insert(choiceName).inserted
                        else {
                            return .failure(
                                Problem(message: "the choices of \"\(name)\" need distinct, non-empty names"))
                        }
                        spec.choices.append((choiceName, choice["color"]?.string))
                    }
                }
                if let precision = options?["precision"] {
                    guard type == .number, let digits = precision.int64, (0...8).contains(digits) else {
                        return .failure(Problem(message: "\"precision\" is 0–8, on number fields only"))
                    }
                    spec.precision = Int(digits)
                }
                specs.append(spec)
            }
            return .success(specs)
        }

        /// The field, keeping the id (and choice ids) of an existing field it replaces.
        func field(existing: AirtableField?, minter: inout AirtableIDMinter) -> AirtableField {
            var field = AirtableField(
                id: existing?.id ?? minter.mint("fld"), name: name, type: type, precision: precision)
            for (choiceName, color) in choices {
                if let old = existing?.choices.first(where: { $0.name == choiceName }) {
                    field.choices.append(
                        AirtableField.Choice(id: old.id, name: choiceName, color: color ?? old.color))
                } else {
                    field.addChoice(choiceName, minter: &minter)
                    if let color { field.choices[field.choices.count - 1].color = color }
                }
            }
            return field
        }
    }
}
