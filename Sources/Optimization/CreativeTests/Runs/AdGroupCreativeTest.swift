import Foundation
import Trafficking

/// One ad group's part in a creative-test run: the tester's answer and the test as stored, with the pause
/// requested for each loser in apply mode, or why none was.
public struct AdGroupCreativeTest: Sendable, Hashable {
    /// The tester's answer: standings, comparisons, sample still needed.
    public var result: CreativeTestResult
    /// The test as stored (``CreativeTestStore``), its arms carrying the pauses' ids or refusals.
    public var record: CreativeTestRecord

    /// Creates a result line.
    public init(result: CreativeTestResult, record: CreativeTestRecord) {
        self.result = result
        self.record = record
    }
}
