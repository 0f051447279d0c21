import Foundation

/// When a campaign runs. Times are instants; platforms that take local or UTC strings get them converted.
public struct Schedule: Sendable, Hashable, Codable {
    /// The first instant of delivery.
    public var start: Date
    /// The last instant of delivery; required for lifetime budgets.
    public var end: Date?

    /// Creates a schedule.
    public init(start: Date, end: Date? = nil) {
        self.start = start
        self.end = end
    }
}
