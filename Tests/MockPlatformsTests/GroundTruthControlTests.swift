import AdPlatformKit
import Foundation
import Testing

@testable import MockPlatforms

/// The control plane's ground-truth routes, answered in-process: `/_mock/truth` sets, reads and ends an entity's
/// performance, `/_mock/conversions` adds late conversions, and bad input is a 400 naming the field that changes
/// nothing.
@Suite("Ground truth control plane")
struct GroundTruthControlTests {
    /// Midnight UTC, 2026-12-01; the virtual clock starts at noon two days later.
    static let start = Date(timeIntervalSince1970: 1_796_083_200)

    /// An emulator whose world holds a Meta campaign `c` → ad set `s` (100.00 a day) → ads `ad1`, `ad2`, and a
    /// creative `cr`, created at `start`.
    static func emulator() throws -> MockPlatforms {
        let mock = try MockPlatforms(
            configuration: MockPlatformsConfiguration(port: 0, seed: 7, clock: .fixed(at: start)))
        let world = mock.world
        func add(_ kind: String, _ id: String, parent: String?, role: MockEntity.Role, budget: Int64? = nil) {
            var entity = MockEntity(
                platform: "meta", kind: kind, id: id, accountID: "act_1", parentID: parent, name: id,
                fields: .object([]), createdAt: start, role: role, active: role != .passive)
            entity.dailyBudgetMicros = budget
            world.insert(entity)
        }
        add("campaign", "c", parent: nil, role: .container)
        add("adset", "s", parent: "c", role: .container, budget: 100_000_000)
        add("ad", "ad1", parent: "s", role: .leaf)
        add("ad", "ad2", parent: "s", role: .leaf)
        add("adcreative", "cr", parent: nil, role: .passive)
        world.setClock(start.addingTimeInterval(2.5 * 86_400))
        return mock
    }

    /// One answer: the status and the body as JSON.
    struct Answer {
        var status: Int
        var json: MockJSON
        /// `error.field` of a control-plane error.
        var field: String? { json["error"]?["field"]?.string }
    }

    /// Sends a control-plane request in-process; `path` may carry a query string.
    static func send(_ mock: MockPlatforms, _ method: String, _ path: String, body: String? = nil) async -> Answer {
        let parts = path.split(separator: "?", maxSplits: 1)
        let request = MockRequest(
            method: method, path: String(parts.first ?? ""), queryString: parts.count > 1 ? parts[1] : nil,
            headers: ["content-type": "application/json"], body: Data((body ?? "").utf8), receivedAt: mock.world.now)
        let response = await mock.respond(to: request, context: nil)
        return Answer(status: response.status, json: MockJSON.parse(response.body) ?? .null)
    }

    @Test("PUT sets an entity's truth; GET shows it with what each ad delivers with; DELETE ends it from a day")
    func roundTrip() async throws {
        let mock = try Self.emulator()
        let put = await Self.send(
            mock, "PUT", "/_mock/truth",
            body: #"""
                {"platform":"meta","entityId":"s","clickThroughRate":0.02,"conversionRate":0.1,
                 "valuePerConversion":40.5,"cpm":10,"pacing":1,"saturationSpend":150,"from":"2026-12-02"}
                """#)
        #expect(put.status == 200, "\(put.json.serialized)")
        #expect(
            put.json["versions"]
                == .array([
                    .object([
                        ("from", .string("2026-12-02")), ("clickThroughRate", .number("0.02")),
                        ("conversionRate", .number("0.1")), ("valuePerConversion", .number("40.5")),
                        ("cpm", .number("10")), ("pacing", .number("1")), ("saturationSpend", .number("150")),
                    ])
                ]))
        let ads = put.json["ads"]?.array ?? []
        #expect(ads.compactMap { $0["adId"]?.string } == ["ad1", "ad2"])
        #expect(ads.first?["date"]?.string == "2026-12-03")
        #expect(ads.first?["valuePerConversion"] == .number("40.5"))
        #expect(ads.first?["saturationEntityId"]?.string == "s")
        #expect(ads.first?["sources"]?["cpm"]?.string == "s")
        #expect(ads.first?["cpmFactor"] == .number("1") && ads.first?["audience"] != nil)

        let before = await Self.send(mock, "GET", "/_mock/truth?platform=meta&entityId=ad1&date=2026-12-01")
        #expect(before.status == 200)
        #expect(before.json["versions"] == .array([]))
        #expect(before.json["ads"]?.array?.first?["sources"]?["cpm"]?.string == "seed")
        #expect(before.json["ads"]?.array?.first?["pacing"] == .null)

        let list = await Self.send(mock, "GET", "/_mock/truth?platform=meta")
        #expect(list.json["truths"]?.array?.compactMap { $0["entityId"]?.string } == ["s"])

        let cleared = await Self.send(mock, "DELETE", "/_mock/truth?platform=meta&entityId=s&from=2026-12-03")
        #expect(cleared.status == 200)
        #expect(cleared.json["versions"]?.array?.count == 2)
        #expect(cleared.json["ads"]?.array?.first?["sources"]?["cpm"]?.string == "seed")
        let kept = await Self.send(mock, "GET", "/_mock/truth?platform=meta&entityId=s&date=2026-12-02")
        #expect(kept.json["ads"]?.array?.first?["cpm"] == .number("10"))
    }

    @Test("POST /_mock/conversions adds to a past day, split among the ads; GET lists them; reports count them")
    func lateConversions() async throws {
        let mock = try Self.emulator()
        let world = mock.world
        let day = Self.start.addingTimeInterval(86_400)
        let before = world.delivery("meta", entityID: "s", from: day, to: day.addingTimeInterval(86_400))
        let added = await Self.send(
            mock, "POST", "/_mock/conversions",
            body: #"{"platform":"meta","entityId":"s","date":"2026-12-02","count":3,"value":90}"#)
        #expect(added.status == 201, "\(added.json.serialized)")
        #expect(
            added.json["added"]?.array?.map { [$0["adId"]?.string, $0["count"]?.text, $0["value"]?.text] }
                == [["ad1", "2", "60"], ["ad2", "1", "30"]])
        let listed = await Self.send(mock, "GET", "/_mock/conversions?platform=meta&entityId=ad2")
        #expect(listed.json["conversions"]?.array?.count == 1)
        #expect(listed.json["conversions"]?.array?.first?["date"]?.string == "2026-12-02")
        let after = world.delivery("meta", entityID: "s", from: day, to: day.addingTimeInterval(86_400))
        #expect(after.conversions == before.conversions + 3)
        #expect(after.revenueMicros == before.revenueMicros + 90_000_000)
    }

    @Test(
        "bad input is a 400 naming the field, and changes nothing",
        arguments: [
            ("PUT", "/_mock/truth", #"{"platform":"meta","entityId":"s","clickThroughRate":1.5}"#, "clickThroughRate"),
            ("PUT", "/_mock/truth", #"{"platform":"meta","entityId":"s","conversionRate":-0.1}"#, "conversionRate"),
            ("PUT", "/_mock/truth", #"{"platform":"meta","entityId":"s","pacing":"1"}"#, "pacing"),
            ("PUT", "/_mock/truth", #"{"platform":"meta","entityId":"s","cpm":0}"#, "cpm"),
            (
                "PUT", "/_mock/truth", #"{"platform":"meta","entityId":"s","valuePerConversion":-1}"#,
                "valuePerConversion"
            ),
            (
                "PUT", "/_mock/truth", #"{"platform":"meta","entityId":"s","saturationSpend":0.0000001}"#,
                "saturationSpend"
            ),
            ("PUT", "/_mock/truth", #"{"platform":"meta","entityId":"s","ctr":0.1}"#, "ctr"),
            ("PUT", "/_mock/truth", #"{"platform":"meta","entityId":"ghost","cpm":5}"#, "entityId"),
            ("PUT", "/_mock/truth", #"{"platform":"meta","entityId":"cr","cpm":5}"#, "entityId"),
            ("PUT", "/_mock/truth", #"{"platform":"myspace","entityId":"s","cpm":5}"#, "platform"),
            ("PUT", "/_mock/truth", #"{"entityId":"s","cpm":5}"#, "platform"),
            ("PUT", "/_mock/truth", #"{"platform":"meta","cpm":5}"#, "entityId"),
            ("PUT", "/_mock/truth", #"{"platform":"meta","entityId":"s","from":"2026-13-01"}"#, "from"),
            ("PUT", "/_mock/truth", #"{"platform":"meta","entityId":"s","from":"2026-02-30"}"#, "from"),
            ("PUT", "/_mock/truth", "not json", "body"),
            ("GET", "/_mock/truth?platform=meta&entityId=ghost", "", "entityId"),
            ("GET", "/_mock/truth?entityId=s", "", "platform"),
            ("GET", "/_mock/truth?platform=meta&entityId=s&date=2026-1-1", "", "date"),
            ("DELETE", "/_mock/truth?platform=meta", "", "entityId"),
            ("DELETE", "/_mock/truth?platform=meta&entityId=s&from=soon", "", "from"),
            (
                "POST", "/_mock/conversions", #"{"platform":"meta","entityId":"s","date":"2026-12-04","count":1}"#,
                "date"
            ),
            (
                "POST", "/_mock/conversions", #"{"platform":"meta","entityId":"s","date":"2026-11-30","count":1}"#,
                "date"
            ),
            ("POST", "/_mock/conversions", #"{"platform":"meta","entityId":"s","count":1}"#, "date"),
            ("POST", "/_mock/conversions", #"{"platform":"meta","entityId":"s","date":"yesterday","count":1}"#, "date"),
            (
                "POST", "/_mock/conversions", #"{"platform":"meta","entityId":"s","date":"2026-12-02","count":0}"#,
                "count"
            ),
            (
                "POST", "/_mock/conversions", #"{"platform":"meta","entityId":"s","date":"2026-12-02","count":1.5}"#,
                "count"
            ),
            (
                "POST", "/_mock/conversions", #"{"platform":"meta","entityId":"s","date":"2026-12-02","count":"3"}"#,
                "count"
            ),
            (
                "POST", "/_mock/conversions",
                #"{"platform":"meta","entityId":"s","date":"2026-12-02","count":1,"value":-3}"#, "value"
            ),
            (
                "POST", "/_mock/conversions",
                #"{"platform":"meta","entityId":"s","date":"2026-12-02","count":1,"revenue":3}"#, "revenue"
            ),
            (
                "POST", "/_mock/conversions", #"{"platform":"meta","entityId":"cr","date":"2026-12-02","count":1}"#,
                "entityId"
            ),
            ("GET", "/_mock/conversions?platform=meta&entityId=ghost", "", "entityId"),
            ("PUT", "/_mock/truth", #"{"platform":"meta","entityId":"s","cpm":1e400}"#, "cpm"),
            (
                "PUT", "/_mock/truth", #"{"platform":"meta","entityId":"s","valuePerConversion":1e30}"#,
                "valuePerConversion"
            ),
            ("PUT", "/_mock/truth", #"{"platform":"meta","entityId":["s"],"cpm":5}"#, "entityId"),
            (
                "POST", "/_mock/conversions", #"{"platform":"meta","entityId":"s","date":"2026-12-02","count":1e30}"#,
                "count"
            ),
        ])
    func badInput(method: String, path: String, body: String, field: String) async throws {
        let mock = try Self.emulator()
        let answer = await Self.send(mock, method, path, body: body)
        #expect(answer.status == 400, "\(answer.json.serialized)")
        #expect(answer.field == field, "\(answer.json.serialized)")
        #expect(mock.world.allPerformance().isEmpty)
        #expect(mock.world.lateConversions().isEmpty)
    }

    @Test("other methods on the ground-truth routes are refused, naming the method")
    func methods() async throws {
        let mock = try Self.emulator()
        let answer = await Self.send(mock, "PATCH", "/_mock/truth", body: "{}")
        #expect(answer.status == 405 && answer.field == "method")
    }
}
