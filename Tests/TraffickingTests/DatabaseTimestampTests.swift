import Foundation
import GRDB
import Testing

@testable import Trafficking

@Suite("Database timestamps")
struct DatabaseTimestampTests {
    /// Instants from 2000 to 2100, where the store's times are. (Before 1970, GRDB's formatter can round a
    /// fraction just past half a millisecond the other way; the store never writes such dates.)
    @Test("the store's date text equals GRDB's own, for this century's dates and millisecond edges")
    func matchesGRDB() throws {
        // A fixed sequence (SplitMix64), so a failure reproduces.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var dates = [
            Date(timeIntervalSince1970: 1_800_000_000), Date(timeIntervalSince1970: 1_800_000_000.0005),
            Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
            Date(timeIntervalSince1970: 1_709_164_799.9999),  // just before 2024-02-29
            Date(timeIntervalSince1970: 4_102_444_799.999),  // 2099-12-31 23:59:59.999
        ]
        for _ in 0..<20_000 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            let unit = Double((mixed ^ (mixed >> 31)) >> 11) / Double(1 << 53)
            dates.append(Date(timeIntervalSince1970: 946_684_800 + unit * 3_155_760_000))
        }
        for date in dates {
            let grdb = String.fromDatabaseValue(date.databaseValue)
            #expect(DatabaseTimestamp.text(date) == grdb, "\(date.timeIntervalSince1970)")
        }
    }

    @Test("dates the text cannot say are clamped to years 0001 and 9999 instead of trapping")
    func clampsOutOfRange() {
        #expect(DatabaseTimestamp.text(.distantFuture) == "4001-01-01 00:00:00.000")
        #expect(DatabaseTimestamp.text(Date(timeIntervalSince1970: 1e300)) == "9999-12-31 23:59:59.999")
        #expect(DatabaseTimestamp.text(Date(timeIntervalSince1970: -1e300)) == "0001-01-01 00:00:00.000")
        #expect(DatabaseTimestamp.text(Date(timeIntervalSince1970: .nan)) == "1970-01-01 00:00:00.000")
    }
}
