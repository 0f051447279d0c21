extension AirtableEmulator {
    /// `GET /v0/meta/bases`: every base, with the creator's permission.
    func listBases(world: MockWorld) -> MockResponse {
        let bases = world.withState { $0.airtable?.bases ?? [] }
        let list = bases.map { base in
            MockJSON.object([
                ("id", .string(base.id)), ("name", .string(base.name)), ("permissionLevel", .string("create")),
            ])
        }
        return .json(.object([("bases", .array(list))]))
    }

    /// `GET /v0/meta/bases/{baseId}/tables`: the tables with their fields and view; `include[]=visibleFieldIds`
    /// adds the view's visible fields, as pyairtable asks for.
    func schema(base: String, request: MockRequest, world: MockWorld) throws(AirtableError) -> MockResponse {
        let visible = request.query.contains { ($0.0 == "include[]" || $0.0 == "include") && $0.1 == "visibleFieldIds" }
        let tables = try world.readAirtable { state throws(AirtableError) in
            guard let index = state.baseIndex(base) else { throw .notFound }
            return state.bases[index].tables
        }
        return .json(.object([("tables", .array(tables.map { $0.schemaJSON(visibleFieldIDs: visible) }))]))
    }
}
