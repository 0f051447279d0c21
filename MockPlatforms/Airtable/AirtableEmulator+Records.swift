import Foundation

extension AirtableEmulator {
    // MARK: - Reading

    /// Lists records: the first page filters, sorts and caps the table, and keeps the matching ids as an iterator
    /// when more remain; later pages walk that iterator, so paging is stable while records are added or changed
    /// (deleted ones are skipped). The `offset` is `itr…/rec…`: the iterator and the next page's first record.
    func list(
        _ query: AirtableListQuery, base: String, table reference: String, world: MockWorld
    ) throws(AirtableError) -> MockResponse {
        try world.changeAirtable { state, minter, _ throws(AirtableError) in
            let (baseIndex, tableIndex) = try Self.locate(state, base: base, table: reference)
            let table = state.bases[baseIndex].tables[tableIndex]
            if let view = query.view, view != table.viewID, view != AirtableTable.viewName {
                throw .viewNotFound(view)
            }
            let only = try Self.fieldIDs(query.fields, in: table)
            var ids: [String]
            var start = 0
            var iteratorID: String?
            if let offset = query.offset {
                let parts = offset.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2, let iterator = state.iterators[parts[0]], iterator.tableID == table.id,
                    let position = iterator.recordIDs.firstIndex(of: parts[1])
                else { throw .iteratorNotAvailable }
                ids = iterator.recordIDs
                start = position
                iteratorID = parts[0]
            } else {
                ids = try Self.matching(table, query)
            }
            let end = min(ids.count, start + query.pageSize)
            let positions = Dictionary(table.records.enumerated().map { ($1.id, $0) }) { first, _ in first }
            let page = ids[start..<end].compactMap { positions[$0] }.map { position in
                table.json(
                    table.records[position], only: only, byFieldID: query.byFieldID, commentCount: query.commentCount)
            }
            var members: [(String, MockJSON)] = [("records", .array(page))]
            if end < ids.count {
                let id = iteratorID ?? minter.mint("itr")
                if iteratorID == nil { state.remember(AirtableIterator(tableID: table.id, recordIDs: ids), id: id) }
                members.append(("offset", .string("\(id)/\(ids[end])")))
            }
            return .json(.object(members))
        }
    }

    /// `GET …/{recordId}`. Like Airtable, it finds a record anywhere in the base, whichever table the path names
    /// (pyairtable issue #375), once that table exists.
    func read(
        _ recordID: String, request: MockRequest, base: String, table reference: String, world: MockWorld
    ) throws(AirtableError) -> MockResponse {
        if let format = request.queryValue("cellFormat"), format != "json" {
            throw .invalidRequest("the emulator answers cellFormat \"json\" only")
        }
        let byFieldID = ["true", "1"].contains(request.queryValue("returnFieldsByFieldId") ?? "")
        return try world.readAirtable { state throws(AirtableError) in
            let (baseIndex, tableIndex) = try Self.locate(state, base: base, table: reference)
            let tables = state.bases[baseIndex].tables
            for table in [tables[tableIndex]] + tables {
                if let index = table.recordIndex(recordID) {
                    return .json(table.json(table.records[index], byFieldID: byFieldID))
                }
            }
            throw .recordNotFound
        }
    }

    // MARK: - Writing

    /// `POST /v0/{baseId}/{table}`: `{"records":[{"fields":{…}}, …]}` (1–10) answers `{"records":[…]}`;
    /// `{"fields":{…}}` answers the one record. All records are checked before any is created.
    func create(
        _ request: MockRequest, base: String, table reference: String, world: MockWorld
    ) throws(AirtableError) -> MockResponse {
        let body = try Self.object(request)
        let typecast = try Self.flag(body, "typecast")
        let byFieldID = try Self.flag(body, "returnFieldsByFieldId")
        var writes: [[(String, MockJSON)]] = []
        let single = body["records"] == nil
        if let records = body["records"] {
            guard let list = records.array, (1...10).contains(list.count) else { throw .invalidCreateRecords }
            for entry in list {
                guard let fields = entry["fields"]?.members else { throw .invalidCreateRecords }
                writes.append(fields)
            }
        } else {
            guard let fields = body["fields"] else { throw .missingFields }
            guard let members = fields.members else { throw .invalidRequest("\"fields\" must be an object") }
            writes.append(members)
        }
        return try world.changeAirtable { state, minter, now throws(AirtableError) in
            let (baseIndex, tableIndex) = try Self.locate(state, base: base, table: reference)
            var table = state.bases[baseIndex].tables[tableIndex]
            var created: [AirtableRecord] = []
            for fields in writes {
                let cells = try table.cells(fields, typecast: typecast, minter: &minter)
                var record = AirtableRecord(id: minter.mint("rec"), createdTime: now)
                record.apply(cells, replacing: false)
                created.append(record)
            }
            table.records += created
            state.bases[baseIndex].tables[tableIndex] = table
            let list = created.map { table.json($0, byFieldID: byFieldID) }
            return .json(single ? (list.first ?? .null) : .object([("records", .array(list))]))
        }
    }

    /// `PATCH` (merge) or `PUT` (replace) on the table: `{"records":[{"id","fields"}, …]}` (1–10), or an upsert
    /// with `performUpsert.fieldsToMergeOn`. All records are checked before any changes.
    func updateMany(
        _ request: MockRequest, base: String, table reference: String, world: MockWorld
    ) throws(AirtableError) -> MockResponse {
        let body = try Self.object(request)
        let typecast = try Self.flag(body, "typecast")
        let byFieldID = try Self.flag(body, "returnFieldsByFieldId")
        let replacing = request.method == "PUT"
        guard let list = body["records"]?.array, (1...10).contains(list.count) else { throw .invalidUpdateRecords }
        var writes: [(id: String?, fields: [(String, MockJSON)])] = []
        let upsert = body["performUpsert"]
        for entry in list {
            guard let fields = entry["fields"]?.members, upsert != nil || entry["id"]?.string != nil else {
                throw .invalidUpdateRecords
            }
            writes.append((entry["id"]?.string, fields))
        }
        var mergeOn: [String] = []
        if let upsert {
            guard let names = upsert["fieldsToMergeOn"]?.array, (1...3).contains(names.count),
                names.allSatisfy({ $0.string != nil })
            else { throw .invalidRequest("performUpsert.fieldsToMergeOn must list 1 to 3 field names or ids") }
            mergeOn = names.compactMap(\.string)
        }
        return try world.changeAirtable { state, minter, now throws(AirtableError) in
            let (baseIndex, tableIndex) = try Self.locate(state, base: base, table: reference)
            var table = state.bases[baseIndex].tables[tableIndex]
            var mergeFieldIDs: [String] = []
            for name in mergeOn {
                guard let index = table.fieldIndex(name) else { throw .unknownField(name) }
                mergeFieldIDs.append(table.fields[index].id)
            }
            var answered: [AirtableRecord] = []
            var createdIDs: [String] = []
            var updatedIDs: [String] = []
            for write in writes {
                let cells = try table.cells(write.fields, typecast: typecast, minter: &minter)
                var position: Int?
                if let id = write.id {
                    guard let index = table.recordIndex(id) else { throw .recordNotFound }
                    position = index
                } else {
                    position = try Self.upsertTarget(table, cells: cells, mergeOn: mergeFieldIDs)
                }
                if let position {
                    table.records[position].apply(cells, replacing: replacing)
                    answered.append(table.records[position])
                    updatedIDs.append(table.records[position].id)
                } else {
                    var record = AirtableRecord(id: minter.mint("rec"), createdTime: now)
                    record.apply(cells, replacing: false)
                    table.records.append(record)
                    answered.append(record)
                    createdIDs.append(record.id)
                }
            }
            state.bases[baseIndex].tables[tableIndex] = table
            var members: [(String, MockJSON)] = [
                ("records", .array(answered.map { table.json($0, byFieldID: byFieldID) }))
            ]
            if upsert != nil {
                members.append(("createdRecords", .array(createdIDs.map(MockJSON.string))))
                members.append(("updatedRecords", .array(updatedIDs.map(MockJSON.string))))
            }
            return .json(.object(members))
        }
    }

    /// `PATCH` or `PUT` on `…/{recordId}` with `{"fields":{…}}`: answers the record.
    func updateOne(
        _ recordID: String, request: MockRequest, base: String, table reference: String, world: MockWorld
    ) throws(AirtableError) -> MockResponse {
        let body = try Self.object(request)
        let typecast = try Self.flag(body, "typecast")
        let byFieldID = try Self.flag(body, "returnFieldsByFieldId")
        guard let fields = body["fields"] else { throw .missingFields }
        guard let members = fields.members else { throw .invalidRequest("\"fields\" must be an object") }
        return try world.changeAirtable { state, minter, _ throws(AirtableError) in
            let (baseIndex, tableIndex) = try Self.locate(state, base: base, table: reference)
            var table = state.bases[baseIndex].tables[tableIndex]
            guard let position = table.recordIndex(recordID) else { throw .recordNotFound }
            let cells = try table.cells(members, typecast: typecast, minter: &minter)
            table.records[position].apply(cells, replacing: request.method == "PUT")
            state.bases[baseIndex].tables[tableIndex] = table
            return .json(table.json(table.records[position], byFieldID: byFieldID))
        }
    }

    /// `DELETE /v0/{baseId}/{table}?records[]=rec…` (1–10): all or nothing.
    func deleteMany(
        _ request: MockRequest, base: String, table reference: String, world: MockWorld
    ) throws(AirtableError) -> MockResponse {
        let ids = request.query.filter { $0.0 == "records[]" || $0.0 == "records" }.map(\.1)
        guard (1...10).contains(ids.count) else { throw .invalidDeleteRecords }
        return try world.changeAirtable { state, _, _ throws(AirtableError) in
            let (baseIndex, tableIndex) = try Self.locate(state, base: base, table: reference)
            for id in ids where state.bases[baseIndex].tables[tableIndex].recordIndex(id) == nil {
                throw .recordNotFound
            }
            let doomed = Set(ids)
            state.bases[baseIndex].tables[tableIndex].records.removeAll { doomed.contains($0.id) }
            let list = ids.map { MockJSON.object([("id", .string($0)), ("deleted", .bool(true))]) }
            return .json(.object([("records", .array(list))]))
        }
    }

    /// `DELETE …/{recordId}`: answers `{"id","deleted":true}`, unwrapped, as Airtable does for one record.
    func deleteOne(
        _ recordID: String, base: String, table reference: String, world: MockWorld
    ) throws(AirtableError) -> MockResponse {
        try world.changeAirtable { state, _, _ throws(AirtableError) in
            let (baseIndex, tableIndex) = try Self.locate(state, base: base, table: reference)
            guard let position = state.bases[baseIndex].tables[tableIndex].recordIndex(recordID) else {
                throw .recordNotFound
            }
            state.bases[baseIndex].tables[tableIndex].records.remove(at: position)
            return .json(.object([("id", .string(recordID)), ("deleted", .bool(true))]))
        }
    }

    // MARK: - Helpers

    /// The base and table a path names: an unknown base is the bare `NOT_FOUND`, an unknown table
    /// `TABLE_NOT_FOUND`.
    static func locate(
        _ state: AirtableState, base: String, table: String
    ) throws(AirtableError) -> (Int, Int) {
        guard let baseIndex = state.baseIndex(base) else { throw .notFound }
        guard let tableIndex = state.bases[baseIndex].tableIndex(table) else {
            throw .tableNotFound(table, base: base)
        }
        return (baseIndex, tableIndex)
    }

    /// The record ids a first page starts from: filtered by the formula, sorted (ties keep creation order),
    /// capped by `maxRecords`.
    static func matching(_ table: AirtableTable, _ query: AirtableListQuery) throws(AirtableError) -> [String] {
        var positions = Array(table.records.indices)
        if !query.formula.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let formula: AirtableFormula
            do {
                formula = try AirtableFormulaParser.parse(query.formula)
            } catch {
                throw .invalidFormula(error.detail)
            }
            var unknown: [String] = []
            for name in formula.fieldNames where table.fieldIndex(name) == nil && !unknown.contains(name) {
                unknown.append(name)
            }
            if !unknown.isEmpty { throw .invalidFormula(AirtableFormulaError.unknownFields(unknown).detail) }
            positions = positions.filter { position in
                let record = table.records[position]
                return formula.evaluate(
                    field: { name in
                        guard let index = table.fieldIndex(name) else { return .blank }
                        let field = table.fields[index]
                        return field.formulaValue(record.values[field.id])
                    }, recordID: record.id
                ).isTruthy
            }
        }
        var keys: [(field: AirtableField, descending: Bool)] = []
        for key in query.sort {
            guard let index = table.fieldIndex(key.field) else { throw .unknownField(key.field) }
            keys.append((table.fields[index], key.descending))
        }
        if !keys.isEmpty {
            positions.sort { lhs, rhs in
                for key in keys {
                    let left = table.records[lhs].values[key.field.id]
                    let right = table.records[rhs].values[key.field.id]
                    if let first = key.field.ascending(left, right) { return first != key.descending }
                }
                return lhs < rhs
            }
        }
        if let maximum = query.maxRecords { positions = Array(positions.prefix(maximum)) }
        return positions.map { table.records[$0].id }
    }

    /// The field ids `fields[]` names; an unknown one is `UNKNOWN_FIELD_NAME`, as Airtable answers.
    static func fieldIDs(_ names: [String]?, in table: AirtableTable) throws(AirtableError) -> Set<String>? {
        guard let names else { return nil }
        var ids = Set<String>()
        for name in names {
            guard let index = table.fieldIndex(name) else { throw .unknownField(name) }
            ids.insert(table.fields[index].id)
        }
        return ids
    }

    /// The record an upsert updates: the one whose merge fields equal the written cells; `nil` creates one.
    private static func upsertTarget(
        _ table: AirtableTable, cells: [(String, MockJSON?)], mergeOn: [String]
    ) throws(AirtableError) -> Int? {
        var key: [String: MockJSON?] = [:]
        for fieldID in mergeOn {
            guard let cell = cells.last(where: { $0.0 == fieldID }) else {
                throw .invalidRequest("every upserted record must set the fields to merge on")
            }
            key[fieldID] = cell.1
        }
        let matches = table.records.indices.filter { position in
            key.allSatisfy { fieldID, value in table.records[position].values[fieldID] == value }
        }
        guard matches.count <= 1 else {
            throw .invalidRequest("more than one record matches the fields to merge on")
        }
        return matches.first
    }

    /// The body as a JSON object: 400 when it is not JSON, 422 when it is not an object.
    static func object(_ request: MockRequest) throws(AirtableError) -> MockJSON {
        let body = try Self.body(request)
        guard body.members != nil else { throw .invalidRequest("the body must be a JSON object") }
        return body
    }

    /// An optional Boolean member.
    static func flag(_ body: MockJSON, _ name: String) throws(AirtableError) -> Bool {
        guard let value = body[name], value != .null else { return false }
        guard let flag = value.bool else { throw .invalidRequest("\(name) must be a boolean") }
        return flag
    }
}
