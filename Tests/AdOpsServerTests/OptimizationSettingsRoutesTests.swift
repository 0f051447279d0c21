import AdOpsServer
import AdPlatformKit
import Foundation
import Hummingbird
import Testing
import Trafficking

/// `GET` and `PUT /api/v1/campaigns/{id}/optimization`: a campaign's automatic optimisation and budget bounds.
@Suite struct OptimizationSettingsRoutesTests {
    @Test("reads the defaults; a PUT changes the fields it sends, null removes a bound, and the optimiser obeys")
    func readAndChange() async throws {
        let harness = try ActionRoutesTests.Harness()
        let campaign = try await OptimizationRoutesTests.deliveringCampaign(in: harness)
        let path = "/api/v1/campaigns/\(campaign.id.uuidString)/optimization"
        try await harness.run { client in
            let initial = try await client.send(.get, path)
            #expect(initial.status == .ok, "\(initial.text)")
            #expect(initial.object["campaign_id"] as? String == campaign.id.uuidString)
            #expect(initial.object["auto_optimize"] as? Bool == true)
            #expect(initial.object["budget_minimum"] == nil && initial.object["budget_maximum"] == nil)

            // A ceiling of 220 holds the ROAS-3 campaign's +20% (240) at 220.
            let bounded = try await client.send(
                .put, path, json: ["budget_minimum": "50.00", "budget_maximum": 220])
            #expect(bounded.status == .ok, "\(bounded.text)")
            #expect((bounded.object["budget_minimum"] as? [String: Any])?["amount"] as? String == "50.00")
            #expect((bounded.object["budget_maximum"] as? [String: Any])?["amount"] as? String == "220.00")
            #expect((bounded.object["budget_maximum"] as? [String: Any])?["currency"] as? String == "USD")
            #expect(bounded.object["auto_optimize"] as? Bool == true, "a field left out is left as it is")
            let dry = try await client.send(.post, "/api/v1/optimizations", json: [String: Any]())
            let decision = try #require((dry.object["decisions"] as? [[String: Any]])?.first, "\(dry.text)")
            let after = (decision["new_value"] as? [String: Any])?["budget"] as? [String: Any]
            #expect(after?["amount"] as? String == "220.00", "\(dry.text)")

            let off = try await client.send(.put, path, json: ["auto_optimize": false, "budget_maximum": NSNull()])
            #expect(off.status == .ok, "\(off.text)")
            #expect(off.object["auto_optimize"] as? Bool == false)
            #expect(off.object["budget_maximum"] == nil, "null removed the ceiling: \(off.text)")
            #expect((off.object["budget_minimum"] as? [String: Any])?["amount"] as? String == "50.00")
            let skipped = try await client.send(.post, "/api/v1/optimizations", json: [String: Any]())
            #expect((skipped.object["decisions"] as? [Any])?.isEmpty == true, "\(skipped.text)")
            let reason = (skipped.object["skipped"] as? [[String: Any]])?.first?["reason"] as? String
            #expect(reason == "automatic optimisation is off for this campaign", "\(skipped.text)")
            let read = try await client.send(.get, path)
            #expect(read.text == off.text)
        }
    }

    @Test("a rule broken is a 422 naming every field at fault; malformed input a 400; an unknown campaign a 404")
    func refusals() async throws {
        let harness = try ActionRoutesTests.Harness()
        let campaign = try await OptimizationRoutesTests.deliveringCampaign(in: harness)
        let path = "/api/v1/campaigns/\(campaign.id.uuidString)/optimization"
        try await harness.run { client in
            let crossed = try await client.send(.put, path, json: ["budget_minimum": "300", "budget_maximum": "100"])
            #expect(crossed.isProblem(.unprocessableContent), "\(crossed.text)")
            #expect(crossed.violationFields == ["budget_minimum"], "\(crossed.text)")
            let both = try await client.send(.put, path, json: ["budget_minimum": "-1", "budget_maximum": "1.001"])
            #expect(both.isProblem(.unprocessableContent), "\(both.text)")
            #expect(Set(both.violationFields) == ["budget_minimum", "budget_maximum"], "\(both.text)")
            let negative = try await client.send(.put, path, json: ["budget_minimum": "-1"])
            #expect(negative.isProblem(.unprocessableContent) && negative.violationFields == ["budget_minimum"])
            _ = try await client.send(.put, path, json: ["budget_maximum": "100"])
            let aboveCeiling = try await client.send(.put, path, json: ["budget_minimum": "150"])
            #expect(aboveCeiling.violationFields == ["budget_minimum"], "\(aboveCeiling.text)")

            for (body, field) in [
                (["auto_optimize": NSNull()] as [String: Any], "auto_optimize"),
                (["auto_optimize": "yes"], "auto_optimize"),
                (["budget_minimum": "ten"], "budget_minimum"), (["budget_maximum": [1]], "budget_maximum"),
            ] {
                let reply = try await client.send(.put, path, json: body)
                #expect(reply.isProblem(.badRequest) && reply.violationFields == [field], "\(body): \(reply.text)")
            }
            let stored = try await client.send(.get, path)
            #expect((stored.object["budget_maximum"] as? [String: Any])?["amount"] as? String == "100.00")
            #expect(stored.object["budget_minimum"] == nil, "refusals changed nothing: \(stored.text)")

            for method in [HTTPRequest.Method.get, .put] {
                let unknown = try await client.send(
                    method, "/api/v1/campaigns/\(UUID().uuidString)/optimization", json: [String: Any]())
                #expect(unknown.isProblem(.notFound) && unknown.violationFields == ["id"], "\(unknown.text)")
                let malformed = try await client.send(
                    method, "/api/v1/campaigns/nope/optimization", json: [String: Any]())
                #expect(malformed.isProblem(.badRequest), "\(malformed.text)")
            }
        }
    }
}
