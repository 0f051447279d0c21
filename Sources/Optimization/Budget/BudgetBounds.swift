import AdPlatformKit
import Foundation
import Trafficking

/// The least and most daily budget a campaign may be given by the optimiser and the allocator, on top of the
/// platform's own minimum. Either end may be open.
public struct BudgetBounds: Sendable, Hashable, Codable {
    /// The least daily budget, or `nil` for the platform's minimum alone.
    public var minimum: Money?
    /// The most daily budget, or `nil` for no ceiling.
    public var maximum: Money?

    /// Creates bounds.
    public init(minimum: Money? = nil, maximum: Money? = nil) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// No bounds beyond the platform's.
    public static let open = BudgetBounds()
}
