import Foundation
import MockPlatforms
import Testing

/// Google's name and budget checks find stored entities through the world's index, but one request sees its own
/// staged changes over them: a staged rename, move or removal wins over the stored value, and an entity created
/// earlier in the request counts.
@Suite("Google Ads staged lookups")
struct GoogleStagedLookupTests {
    typealias Client = GoogleTestClient

    /// One operation of a `googleAds:mutate` body, e.g. `campaignOperation: {create: {…}}`.
    static func operation(_ key: String, _ members: [(String, MockJSON)]) -> MockJSON {
        .object([(key, .object(members))])
    }

    /// An update of some fields, with its mask.
    static func update(_ resourceName: String, _ fields: [(String, MockJSON)], mask: String) -> [(String, MockJSON)] {
        [("update", .object([("resourceName", .string(resourceName))] + fields)), ("updateMask", .string(mask))]
    }

    /// A search campaign on a budget.
    static func campaign(_ name: String, budget: String, resourceName: String? = nil) -> [(String, MockJSON)] {
        var members: [(String, MockJSON)] = [
            ("name", .string(name)), ("advertisingChannelType", .string("SEARCH")),
            ("campaignBudget", .string(budget)),
        ]
        if let resourceName { members.insert(("resourceName", .string(resourceName)), at: 0) }
        return [("create", .object(members))]
    }

    static func mutate(_ client: Client, _ operations: [MockJSON]) async throws -> Client.Reply {
        try await client.call("googleAds:mutate", .object([("mutateOperations", .array(operations))]))
    }

    @Test("a staged rename frees the old name and takes the new one within the request, and both stick")
    func stagedRenames() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let names = try await GoogleEmulatorTests.createHierarchy(client, name: "Staged A")
            let campaign = names[1]
            let budget = names[0]

            let swap = try await Self.mutate(
                client,
                [
                    Self.operation(
                        "campaignOperation", Self.update(campaign, [("name", .string("Staged B"))], mask: "name")),
                    Self.operation("campaignOperation", Self.campaign("Staged A", budget: budget)),
                ])
            #expect(swap.status == 200, "\(swap.json.serialized)")
            let world = running.mock.world
            #expect(world.entity("google", GoogleEmulatorTests.id(campaign))?.name == "Staged B")

            let taken = try await Self.mutate(
                client,
                [
                    Self.operation(
                        "campaignOperation", Self.update(campaign, [("name", .string("Staged C"))], mask: "name")),
                    Self.operation("campaignOperation", Self.campaign("Staged C", budget: budget)),
                ])
            #expect(taken.codes == ["campaignError.DUPLICATE_CAMPAIGN_NAME"])
            #expect(taken.fieldPath == "mutate_operations[1].campaign_operation.create.name")

            for stored in ["Staged A", "Staged B"] {
                let again = try await client.call(
                    "campaigns:mutate",
                    Client.operations([.object(Self.campaign(stored, budget: budget))]))
                #expect(again.codes == ["campaignError.DUPLICATE_CAMPAIGN_NAME"], "\(stored)")
            }
            let sameRequest = try await Self.mutate(
                client,
                [
                    Self.operation("campaignOperation", Self.campaign("Staged D", budget: budget)),
                    Self.operation("campaignOperation", Self.campaign("Staged D", budget: budget)),
                ])
            #expect(sameRequest.codes == ["campaignError.DUPLICATE_CAMPAIGN_NAME"])
            #expect(sameRequest.fieldPath == "mutate_operations[1].campaign_operation.create.name")
            let freed = try await client.call(
                "campaigns:mutate", Client.operations([.object(Self.campaign("Staged C", budget: budget))]))
            #expect(freed.status == 200, "\(freed.json.serialized)")
        }
    }

    @Test("a staged budget move or removal wins over the stored campaign; a campaign created earlier counts")
    func stagedBudgetUse() async throws {
        try await MockPlatforms.withRunning { running in
            let client = Client(baseURL: running.baseURL)
            let names = try await GoogleEmulatorTests.createHierarchy(client, name: "Moving budget")
            let firstBudget = names[0]
            let campaign = names[1]
            let created = try await client.call(
                "campaignBudgets:mutate",
                Client.operations([
                    Client.create([
                        ("name", .string("Own budget")), ("amountMicros", .string("20000000")),
                        ("explicitlyShared", .bool(false)),
                    ])
                ]))
            let ownBudget = try #require(created.results.first?["resourceName"]?.string)

            // The campaign leaves the first budget in the same request that removes it.
            let move = try await Self.mutate(
                client,
                [
                    Self.operation(
                        "campaignOperation",
                        Self.update(campaign, [("campaignBudget", .string(ownBudget))], mask: "campaign_budget")),
                    Self.operation("campaignBudgetOperation", [("remove", .string(firstBudget))]),
                ])
            #expect(move.status == 200, "\(move.json.serialized)")

            let shared = try await client.call(
                "campaigns:mutate", Client.operations([.object(Self.campaign("Second user", budget: ownBudget))]))
            #expect(
                shared.codes == [
                    "campaignBudgetError.CANNOT_USE_IMPLICITLY_SHARED_CAMPAIGN_BUDGET_WITH_MULTIPLE_CAMPAIGNS"
                ])

            // Once the request removes the campaign using it, the budget is free for another.
            let handOver = try await Self.mutate(
                client,
                [
                    Self.operation("campaignOperation", [("remove", .string(campaign))]),
                    Self.operation("campaignOperation", Self.campaign("Second user", budget: ownBudget)),
                ])
            #expect(handOver.status == 200, "\(handOver.json.serialized)")
            let secondID = GoogleEmulatorTests.id(
                handOver.json["mutateOperationResponses"]?.array?.last?["campaignResult"]?["resourceName"]?.string
                    ?? "")

            // A budget change reaches every campaign on it, the removed one included.
            let raise = try await client.call(
                "campaignBudgets:mutate",
                Client.operations([
                    .object(Self.update(ownBudget, [("amountMicros", .string("30000000"))], mask: "amount_micros"))
                ]))
            #expect(raise.status == 200, "\(raise.json.serialized)")
            let world = running.mock.world
            #expect(world.entity("google", secondID)?.dailyBudgetMicros == 30_000_000)
            #expect(world.entity("google", GoogleEmulatorTests.id(campaign))?.dailyBudgetMicros == 30_000_000)

            // A campaign created earlier in the request already uses the new, unshared budget.
            let fresh = try await Self.mutate(
                client,
                [
                    Self.operation(
                        "campaignBudgetOperation",
                        [
                            (
                                "create",
                                .object([
                                    ("resourceName", .string(Client.name("campaignBudgets", "-1"))),
                                    ("name", .string("Fresh")), ("amountMicros", .string("10000000")),
                                    ("explicitlyShared", .bool(false)),
                                ])
                            )
                        ]),
                    Self.operation(
                        "campaignOperation",
                        Self.campaign("Fresh one", budget: Client.name("campaignBudgets", "-1"))),
                    Self.operation(
                        "campaignOperation",
                        Self.campaign("Fresh two", budget: Client.name("campaignBudgets", "-1"))),
                ])
            #expect(
                fresh.codes == [
                    "campaignBudgetError.CANNOT_USE_IMPLICITLY_SHARED_CAMPAIGN_BUDGET_WITH_MULTIPLE_CAMPAIGNS"
                ])
            #expect(fresh.fieldPath == "mutate_operations[2].campaign_operation.create.campaign_budget")
        }
    }
}
