import AdPlatformKit
import AdPlatformTesting
import Foundation
import Testing

@Suite("The one clock")
struct WallClockTests {
    static let start = Date(timeIntervalSince1970: 1_939_291_200)  // 2031-06-15T12:00:00Z

    @Test("ADOPS_NOW starts the clock at that instant, and it runs on from there")
    func environment() throws {
        let clock = try WallClock.fromEnvironment(["ADOPS_NOW": "2031-06-15T12:00:00Z"])
        let first = clock.now
        #expect(first >= Self.start && first < Self.start.addingTimeInterval(60))
        #expect(clock.now >= first)
        let fractional = try WallClock.fromEnvironment(["ADOPS_NOW": "2031-06-15T14:00:00.250+02:00"])
        #expect(abs(fractional.now.timeIntervalSince(Self.start) - 0.25) < 60)
    }

    @Test("a malformed ADOPS_NOW is refused, naming the variable and the value", arguments: ["tomorrow", "2031-06-15"])
    func malformed(value: String) {
        #expect(
            throws: WallClockError(
                variable: "ADOPS_NOW", message: "'\(value)' is not an ISO-8601 instant such as 2031-06-15T12:00:00Z")
        ) {
            try WallClock.fromEnvironment(["ADOPS_NOW": value])
        }
    }

    @Test("no ADOPS_NOW, or an empty one, is the system clock")
    func unset() throws {
        // Two readings of the system clock a moment apart: compare them with each other, not with the date.
        let unset = try WallClock.fromEnvironment([:]).now
        let system = WallClock.system.now
        #expect(abs(system.timeIntervalSince(unset)) < 5)
        #expect(abs(try WallClock.fromEnvironment(["ADOPS_NOW": " "]).now.timeIntervalSince(system)) < 5)
    }

    @Test("a clock started on another clock follows it; a manual clock moves only forward, by hand")
    func starting() {
        let manual = ManualWallClock(start: Self.start, frozen: true)
        let later = WallClock.starting(at: Self.start.addingTimeInterval(3_600), base: manual.clock)
        #expect(later.now == Self.start.addingTimeInterval(3_600))
        manual.advance(by: .seconds(90))
        #expect(later.now == Self.start.addingTimeInterval(3_690))
        manual.advance(by: -30)
        #expect(manual.now == Self.start.addingTimeInterval(90))
    }

    @Test("a flight moved to a new start keeps its length; tomorrow is the next midnight UTC")
    func shifting() throws {
        let schedule = Schedule(
            start: Date(timeIntervalSince1970: 1_796_083_200), end: Date(timeIntervalSince1970: 1_801_439_999))
        let moved = schedule.shifted(toStartAt: Self.start)
        #expect(moved.start == Self.start)
        let length = try #require(moved.end).timeIntervalSince(moved.start)
        #expect(abs(length - (1_801_439_999 - 1_796_083_200)) < 0.001)
        #expect(Schedule(start: Self.start).shifted(toStartAt: Self.start.addingTimeInterval(5)).end == nil)
        #expect(Schedule.tomorrow(after: Self.start) == Date(timeIntervalSince1970: 1_939_334_400))  // 2031-06-16
        #expect(
            Schedule.tomorrow(after: Date(timeIntervalSince1970: 1_939_334_400))
                == Date(timeIntervalSince1970: 1_939_420_800))
    }
}
