import Foundation

/// One `:mutate` request's operations, applied as the API does: every operation is checked against the world and
/// against the operations before it (temporary ids included), changes are staged, and nothing reaches the world
/// until ``commit()``, so an atomic request that fails stores nothing.
struct GoogleAdsMutation {
    /// One operation, already decoded against the schema.
    struct Operation: Sendable {
        /// The resource.
        var resource: GoogleAdsResource
        /// `create`, canonical JSON.
        var create: MockJSON?
        /// `update`, canonical JSON.
        var update: MockJSON?
        /// `remove`, a resource name.
        var remove: String?
        /// `updateMask`, comma-separated camelCase paths.
        var updateMask: String?
        /// Where the operation sits in the request: `operations[0]`, or `mutate_operations[0].campaign_operation`.
        var location: [GoogleAdsError.PathElement]
    }

    /// What a successful operation produced.
    struct Outcome: Sendable {
        /// The resource name.
        var resourceName: String
        /// The world id of the entity, for `MUTABLE_RESOURCE` answers.
        var entityID: String
        /// Whether it was a remove (answered with the name only).
        var removed: Bool
    }

    /// A failed check: errors to report for the operation.
    struct Failure: Error {
        var errors: [GoogleAdsError]

        init(_ errors: [GoogleAdsError]) { self.errors = errors }

        init(_ error: GoogleAdsError) { self.errors = [error] }
    }

    /// The world.
    let world: MockWorld
    /// The customer in the path.
    let customerID: String
    /// Whether to check without storing (and without minting real ids).
    let validateOnly: Bool
    /// Whether negative ids in resource names are temporary ids (only `googleAds:mutate` resolves them).
    let allowsTemporaryIDs: Bool
    /// The virtual now, read once so every change in the request happens at the same instant.
    let now: Date

    /// Entities created or changed, by world id.
    private(set) var staged: [String: MockEntity] = [:]
    /// Staged ids in the order they were first touched.
    private var stagedOrder: [String] = []
    /// Ids that did not exist in the world before this request.
    private var createdIDs: Set<String> = []
    /// Temporary ids (`campaigns/-1`) to world ids.
    private var temporaryIDs: [String: String] = [:]
    /// Temporary ids whose create failed.
    private var failedTemporaryIDs: Set<String> = []
    /// Existing resources already updated or removed in this request.
    private var mutatedNames: Set<String> = []
    private var placeholderCounter: Int64 = 0

    /// Starts a request.
    init(world: MockWorld, customerID: String, validateOnly: Bool, allowsTemporaryIDs: Bool) {
        self.world = world
        self.customerID = customerID
        self.validateOnly = validateOnly
        self.allowsTemporaryIDs = allowsTemporaryIDs
        self.now = world.now
    }

    // MARK: - Applying

    /// Checks and stages one operation.
    mutating func apply(_ operation: Operation) -> Result<Outcome, Failure> {
        var temporaryKey: String?
        do throws(Failure) {
            if let body = operation.create {
                let location = operation.location + [GoogleAdsError.PathElement("create")]
                temporaryKey = try temporaryID(in: body, resource: operation.resource, location: location)
                let outcome = try create(operation.resource, body, location: location)
                if let temporaryKey { temporaryIDs[temporaryKey] = outcome.entityID }
                return .success(outcome)
            }
            if let body = operation.update {
                return .success(
                    try update(operation.resource, body, mask: operation.updateMask, at: operation.location))
            }
            if let name = operation.remove {
                return .success(
                    try remove(
                        operation.resource, name, location: operation.location + [GoogleAdsError.PathElement("remove")])
                )
            }
            return .failure(Failure(GoogleAdsError("requestError", "OPERATION_REQUIRED", location: operation.location)))
        } catch {
            if let temporaryKey { failedTemporaryIDs.insert(temporaryKey) }
            return .failure(error)
        }
    }

    /// Writes every staged change to the world (not for validate-only requests).
    func commit() {
        guard !validateOnly else { return }
        for id in stagedOrder {
            guard let entity = staged[id] else { continue }
            if createdIDs.contains(id) {
                world.insert(entity)
            } else {
                world.update("google", id) { stored, _ in stored = entity }
            }
        }
    }

    /// An entity as this request sees it: staged, else stored.
    func entity(_ id: String) -> MockEntity? {
        if let staged = staged[id] { return staged }
        guard let stored = world.entity("google", id), stored.accountID == customerID else { return nil }
        return stored
    }

    /// Entities of a resource in this customer as this request sees them, removed ones included, that pass
    /// `include`: the stored ones in creation order, each in its staged form where this request changed it, then
    /// the ones this request created, in the order it created them. The same answer as filtering a scan of every
    /// entity of the resource, without the scan.
    ///
    /// `indexed` are the stored entities an index lookup found for what `include` asks (a name, a field value):
    /// every stored entity that passes `include` as stored must be among them. A staged change can move an entity
    /// into or out of what the index says, so the stored entities this request changed are judged again in their
    /// staged form.
    func entities(
        _ resource: GoogleAdsResource, indexed: [MockEntity], where include: (MockEntity) -> Bool
    ) -> [MockEntity] {
        let changed = stagedOrder.filter { !createdIDs.contains($0) && staged[$0]?.kind == resource.rowKey }
        // Merging in the changed ones needs the world's creation order; without any, the index's order is it.
        let stored = changed.isEmpty ? indexed : world.entities("google", ids: indexed.map(\.id) + changed)
        var result = stored.map { staged[$0.id] ?? $0 }.filter(include)
        for id in stagedOrder where createdIDs.contains(id) {
            if let entity = staged[id], entity.kind == resource.rowKey, include(entity) { result.append(entity) }
        }
        return result
    }

    /// Entities of a resource in this customer whose ``MockEntity/name`` is `name` as stored, removed ones
    /// included: the index candidates for a check of the `name` field, which every resource keeps equal to it.
    func stored(_ resource: GoogleAdsResource, named name: String) -> [MockEntity] {
        world.entities("google", kind: resource.rowKey, account: customerID, named: name, includeDeleted: true)
    }

    /// Campaigns as this request sees them whose `campaignBudget` is `budget`, removed ones included, that pass
    /// `include`, in the order of ``entities(_:indexed:where:)``.
    func campaigns(
        usingBudget budget: String?, where include: (MockEntity) -> Bool = { _ in true }
    ) -> [MockEntity] {
        let kind = GoogleAdsResource.campaign.rowKey
        // The index holds values, not their absence: a budget without a resource name (only a hand-written state
        // has one) is matched by scanning every campaign.
        let indexed =
            budget.map {
                world.entities(
                    "google", kind: kind, account: customerID, field: "campaignBudget", equals: $0,
                    includeDeleted: true)
            } ?? world.entities("google", kind: kind, account: customerID, includeDeleted: true)
        return entities(.campaign, indexed: indexed) { $0.fields["campaignBudget"]?.string == budget && include($0) }
    }

    /// Stages a new or changed entity.
    mutating func stage(_ entity: MockEntity, isNew: Bool) {
        if staged[entity.id] == nil { stagedOrder.append(entity.id) }
        if isNew { createdIDs.insert(entity.id) }
        staged[entity.id] = entity
    }

    /// A new id: minted from the world, or a placeholder for validate-only requests so nothing is consumed.
    mutating func newID() -> String {
        guard !validateOnly else {
            placeholderCounter += 1
            return String(9_000_000_000_000 + placeholderCounter)
        }
        return world.mintID(.google)
    }

    // MARK: - Resource names

    /// The parts of a resource name `customers/{cid}/{collection}/{id}`.
    struct Name {
        /// The customer.
        var customerID: String
        /// The id part, `22` or `33~44`.
        var idPart: String
        /// The numeric parts of the id.
        var ids: [Int64]
    }

    /// Parses a resource name of a collection; `nil` when malformed.
    static func parseName(_ name: String, _ resource: GoogleAdsResource) -> Name? {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "customers", parts[2] == resource.collection,
            !parts[1].isEmpty, parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber)
        else { return nil }
        let pieces = parts[3].split(separator: "~", omittingEmptySubsequences: false)
        guard pieces.count == (resource.hasCompositeID ? 2 : 1) else { return nil }
        var ids: [Int64] = []
        for piece in pieces {
            guard let id = Int64(piece) else { return nil }
            ids.append(id)
        }
        return Name(customerID: String(parts[1]), idPart: String(parts[3]), ids: ids)
    }

    /// The world id a resource name refers to: the last id, or the whole `a~b` for criteria.
    static func worldID(_ name: Name, _ resource: GoogleAdsResource) -> String {
        resource == .adGroupAd ? String(name.ids.last ?? 0) : name.idPart
    }

    /// The temporary id a create's `resourceName` declares, checked for reuse.
    private func temporaryID(
        in body: MockJSON, resource: GoogleAdsResource, location: [GoogleAdsError.PathElement]
    )
        throws(Failure) -> String?
    {
        guard allowsTemporaryIDs, let text = body["resourceName"]?.string,
            let name = Self.parseName(text, resource), let id = name.ids.last, id < 0, name.ids.count == 1
        else { return nil }
        let key = "\(resource.collection)/\(id)"
        if temporaryIDs[key] != nil || failedTemporaryIDs.contains(key) {
            throw Failure(
                GoogleAdsError(
                    "newResourceCreationError", "DUPLICATE_TEMP_IDS", trigger: GoogleAdsError.stringTrigger(text),
                    location: location + [GoogleAdsError.PathElement("resource_name")]))
        }
        return key
    }

    /// The entity a resource name refers to, resolving temporary ids; errors point at `location`.
    func resolve(
        _ text: String, _ resource: GoogleAdsResource, location: [GoogleAdsError.PathElement]
    )
        throws(Failure) -> MockEntity
    {
        let trigger = GoogleAdsError.stringTrigger(text)
        guard let name = Self.parseName(text, resource) else {
            throw Failure(
                GoogleAdsError("requestError", "RESOURCE_NAME_MALFORMED", trigger: trigger, location: location))
        }
        let notFound = Failure(
            GoogleAdsError("mutateError", "RESOURCE_NOT_FOUND", trigger: trigger, location: location))
        guard name.customerID == customerID else { throw notFound }
        if let id = name.ids.last, id < 0, name.ids.count == 1 {
            let key = "\(resource.collection)/\(id)"
            if failedTemporaryIDs.contains(key) {
                throw Failure(
                    GoogleAdsError(
                        "newResourceCreationError", "TEMP_ID_RESOURCE_HAD_ERRORS", trigger: trigger,
                        location: location))
            }
            guard allowsTemporaryIDs, let worldID = temporaryIDs[key], let entity = entity(worldID) else {
                throw notFound
            }
            return entity
        }
        guard let entity = entity(Self.worldID(name, resource)), entity.kind == resource.rowKey,
            entity.fields["resourceName"]?.string.flatMap({ Self.parseName($0, resource) })?.idPart == name.idPart
        else { throw notFound }
        return entity
    }

    /// Resolves a parent reference that must not be removed.
    func resolveLiveParent(
        _ text: String, _ resource: GoogleAdsResource, location: [GoogleAdsError.PathElement]
    )
        throws(Failure) -> MockEntity
    {
        let parent = try resolve(text, resource, location: location)
        guard !parent.deleted else {
            throw Failure(
                GoogleAdsError(
                    "operationAccessDeniedError", "OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE",
                    trigger: GoogleAdsError.stringTrigger(text), location: location))
        }
        return parent
    }

    // MARK: - Remove

    private mutating func remove(
        _ resource: GoogleAdsResource, _ name: String, location: [GoogleAdsError.PathElement]
    )
        throws(Failure) -> Outcome
    {
        guard resource != .asset else {
            throw Failure(GoogleAdsError("requestError", "OPERATION_REQUIRED", location: location))
        }
        var entity = try resolve(name, resource, location: location)
        try markMutated(entity, location: location)
        guard !entity.deleted else {
            throw Failure(
                GoogleAdsError(
                    "operationAccessDeniedError", "OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE",
                    trigger: GoogleAdsError.stringTrigger(name), location: location))
        }
        let resourceName = entity.fields["resourceName"]?.string ?? name
        if resource == .campaignBudget {
            let inUse = !campaigns(usingBudget: resourceName, where: { !$0.deleted }).isEmpty
            if inUse {
                throw Failure(
                    GoogleAdsError(
                        "campaignBudgetError", "CAMPAIGN_BUDGET_IN_USE", trigger: GoogleAdsError.stringTrigger(name),
                        location: location))
            }
        }
        entity.fields = entity.fields.setting("status", .string("REMOVED"))
        entity.deleted = true
        entity.setActive(false, at: now)
        entity.updatedAt = now
        stage(entity, isNew: false)
        return Outcome(resourceName: resourceName, entityID: entity.id, removed: true)
    }

    /// Refuses a second update or remove of the same existing resource in one request.
    private mutating func markMutated(_ entity: MockEntity, location: [GoogleAdsError.PathElement]) throws(Failure) {
        guard !createdIDs.contains(entity.id) else { return }
        guard mutatedNames.insert(entity.id).inserted else {
            throw Failure(
                GoogleAdsError(
                    "mutateError", "ID_EXISTS_IN_MULTIPLE_MUTATES",
                    trigger: entity.fields["resourceName"]?.string.map(GoogleAdsError.stringTrigger),
                    location: location))
        }
    }

    // MARK: - Update

    /// Paths an update may not change, per resource (JSON names), with output-only fields.
    private static func immutablePaths(_ resource: GoogleAdsResource) -> Set<String> {
        var paths: Set<String> = ["resourceName", "id"]
        switch resource {
        case .campaign: paths.formUnion(["advertisingChannelType", "advertisingChannelSubType"])
        case .adGroup: paths.formUnion(["campaign"])
        case .adGroupAd: paths.formUnion(["adGroup", "ad"])
        case .campaignCriterion:
            paths.formUnion(["campaign", "criterionId", "type", "location", "keyword", "language"])
        case .adGroupCriterion: paths.formUnion(["adGroup", "criterionId", "type", "keyword"])
        case .asset: paths.formUnion(["type", "imageAsset", "textAsset", "youtubeVideoAsset"])
        case .campaignBudget, .customer: break
        }
        return paths
    }

    private mutating func update(
        _ resource: GoogleAdsResource, _ body: MockJSON, mask: String?, at operation: [GoogleAdsError.PathElement]
    ) throws(Failure) -> Outcome {
        let location = operation + [GoogleAdsError.PathElement("update")]
        guard let name = body["resourceName"]?.string, !name.isEmpty else {
            throw Failure(
                GoogleAdsError(
                    "requestError", "RESOURCE_NAME_MISSING",
                    location: location + [GoogleAdsError.PathElement("resource_name")]))
        }
        let original = try resolve(name, resource, location: location + [GoogleAdsError.PathElement("resource_name")])
        try markMutated(original, location: location)
        guard !original.deleted else {
            throw Failure(
                GoogleAdsError(
                    "operationAccessDeniedError", "OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE",
                    trigger: GoogleAdsError.stringTrigger(name), location: location))
        }
        let maskLocation = operation + [GoogleAdsError.PathElement("update_mask")]
        let paths = (mask ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        guard !paths.isEmpty else {
            throw Failure(GoogleAdsError("fieldMaskError", "FIELD_MASK_MISSING", location: maskLocation))
        }
        let schema = GoogleAdsSchema.v23
        var fields = original.fields
        var changed: Set<String> = []
        for path in paths {
            var message = resource.messageName
            var jsonPath: [String] = []
            var protoPath: [String] = []
            for component in path.split(separator: ".") {
                guard let field = schema.message(message)?.field(String(component)) else {
                    throw Failure(
                        GoogleAdsError(
                            "fieldMaskError", "FIELD_NOT_FOUND", trigger: GoogleAdsError.stringTrigger(path),
                            location: maskLocation))
                }
                jsonPath.append(field.jsonName)
                protoPath.append(field.protoName)
                if case .message(let next) = field.kind { message = next }
            }
            // The resource name only says which resource to update. The official examples build masks with
            // `protobuf_helpers.field_mask(None, resource)`, which lists it, and the API accepts that.
            guard let top = jsonPath.first, top != "resourceName" else { continue }
            if Self.immutablePaths(resource).contains(top) {
                throw Failure(
                    GoogleAdsError(
                        "requestError", "IMMUTABLE_FIELD",
                        message:
                            "Field '\(protoPath.joined(separator: "."))' cannot be modified by 'UPDATE' operation.",
                        location: location + protoPath.map { GoogleAdsError.PathElement($0) }))
            }
            changed.insert(top)
            var newValue: MockJSON? = body
            for key in jsonPath { newValue = newValue?[key] }
            fields = Self.replacing(at: jsonPath[...], in: fields, with: newValue)
        }
        return try finishUpdate(resource, original: original, fields: fields, changed: changed, location: location)
    }

    /// A copy of an object with the value at a path set, or removed when `nil`.
    static func replacing(at path: ArraySlice<String>, in object: MockJSON, with value: MockJSON?) -> MockJSON {
        guard let key = path.first, case .object(var members) = object else { return object }
        let index = members.firstIndex { $0.0 == key }
        if path.count == 1 {
            if let value {
                if let index { members[index].1 = value } else { members.append((key, value)) }
            } else if let index {
                members.remove(at: index)
            }
            return .object(members)
        }
        let child = index.map { members[$0].1 } ?? .object([])
        let replaced = replacing(at: path.dropFirst(), in: child, with: value)
        if let index { members[index].1 = replaced } else { members.append((key, replaced)) }
        return .object(members)
    }
}
