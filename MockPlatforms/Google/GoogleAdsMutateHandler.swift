import Foundation

/// Answers the `:mutate` methods: the seven resource services (`operations`, results in `results`) and
/// `googleAds:mutate` (`mutateOperations`, results in `mutateOperationResponses`, temporary ids resolved), with
/// `partialFailure`, `validateOnly` and `responseContentType`.
struct GoogleAdsMutateHandler: Sendable {
    /// The route called.
    var route: GoogleAdsRoute
    /// The customer.
    var customerID: String
    /// The request id answered with.
    var requestID: String

    /// The most operations one request may carry.
    static let maximumOperations = 10_000

    /// Answers a mutate request; `resource` is `nil` for `googleAds:mutate`.
    func respond(_ request: MockRequest, resource: GoogleAdsResource?, world: MockWorld) -> MockResponse {
        let decoder = GoogleAdsPayloadDecoder(version: route.version)
        let body: MockJSON
        do throws(GoogleAdsPayloadError) {
            body = try decoder.decodeBody(
                request.body, as: resource?.requestMessage ?? "services.MutateGoogleAdsRequest")
        } catch {
            return GoogleAdsErrorEnvelope.badPayload(error, requestID: requestID)
        }
        let listKey = resource == nil ? "mutateOperations" : "operations"
        let listProto = resource == nil ? "mutate_operations" : "operations"
        let elements = body[listKey]?.array ?? []
        guard !elements.isEmpty else {
            return failure([GoogleAdsError("fieldError", "REQUIRED", location: [GoogleAdsError.PathElement(listProto)])]
            )
        }
        guard elements.count <= Self.maximumOperations else {
            return failure([
                GoogleAdsError(
                    "requestError", "TOO_MANY_MUTATE_OPERATIONS",
                    trigger: GoogleAdsError.int64Trigger(Int64(elements.count)),
                    location: [GoogleAdsError.PathElement(listProto)])
            ])
        }
        var operations: [GoogleAdsMutation.Operation?] = []
        var preErrors: [Int: GoogleAdsError] = [:]
        for (index, element) in elements.enumerated() {
            var location = [GoogleAdsError.PathElement(listProto, index)]
            var target = resource
            var operation = element
            if resource == nil {
                guard let (key, inner) = element.members?.first else {
                    preErrors[index] = GoogleAdsError("requestError", "OPERATION_REQUIRED", location: location)
                    operations.append(nil)
                    continue
                }
                guard let served = GoogleAdsResource.operation(key) else {
                    return GoogleAdsErrorEnvelope.plain(
                        httpStatus: 501,
                        message: "The emulator does not implement MutateOperation.\(key); it serves "
                            + GoogleAdsResource.allCases.filter { $0 != .customer }.map(\.operationKey).joined(
                                separator: ", ") + ".", requestID: requestID)
                }
                target = served
                operation = inner
                location.append(GoogleAdsError.PathElement(served.operationProtoName))
            }
            guard let target else { continue }
            operations.append(
                GoogleAdsMutation.Operation(
                    resource: target, create: operation["create"], update: operation["update"],
                    remove: operation["remove"]?.string, updateMask: operation["updateMask"]?.string,
                    location: location))
        }
        let validateOnly = body["validateOnly"]?.bool ?? false
        let partialFailure = body["partialFailure"]?.bool ?? false
        let mutable = body["responseContentType"]?.string == "MUTABLE_RESOURCE"
        var mutation = GoogleAdsMutation(
            world: world, customerID: customerID, validateOnly: validateOnly, allowsTemporaryIDs: resource == nil)
        var outcomes: [GoogleAdsMutation.Outcome?] = []
        var errors: [GoogleAdsError] = []
        for (index, operation) in operations.enumerated() {
            guard let operation else {
                if let error = preErrors[index] { errors.append(error) }
                outcomes.append(nil)
                continue
            }
            switch mutation.apply(operation) {
            case .success(let outcome): outcomes.append(outcome)
            case .failure(let failure):
                errors += failure.errors
                outcomes.append(nil)
            }
        }
        if !errors.isEmpty, !partialFailure { return failure(errors) }
        mutation.commit()
        var members: [(String, MockJSON)] = []
        if !errors.isEmpty {
            members.append(("partialFailureError", partialFailureStatus(errors)))
        }
        if validateOnly { return .json(.object(members), headers: [("request-id", requestID)]) }
        var results: [MockJSON] = []
        for (index, outcome) in outcomes.enumerated() {
            guard let outcome else {
                results.append(.object([]))
                continue
            }
            let target = operations[index]?.resource ?? resource ?? .campaign
            var result: [(String, MockJSON)] = [("resourceName", .string(outcome.resourceName))]
            if mutable, !outcome.removed, let entity = mutation.staged[outcome.entityID] {
                result.append((target.rowKey, entity.fields))
            }
            results.append(resource == nil ? .object([(target.resultKey, .object(result))]) : .object(result))
        }
        members.append((resource == nil ? "mutateOperationResponses" : "results", .array(results)))
        return .json(.object(members), headers: [("request-id", requestID)])
    }

    /// A 400 carrying the errors.
    private func failure(_ errors: [GoogleAdsError]) -> MockResponse {
        GoogleAdsErrorEnvelope.response(httpStatus: 400, errors: errors, version: route.version, requestID: requestID)
    }

    /// The `google.rpc.Status` of a partial failure: code 3 and the failure in `details`.
    private func partialFailureStatus(_ errors: [GoogleAdsError]) -> MockJSON {
        let first = errors.first.map { "\($0.message), at \($0.dottedLocation)" } ?? ""
        let message = errors.count == 1 ? first : "Multiple errors in ‘details’. First error: \(first)"
        return .object([
            ("code", .int(3)), ("message", .string(message)),
            ("details", .array([GoogleAdsErrorEnvelope.failure(errors, version: route.version, requestID: requestID)])),
        ])
    }
}
