import AdPlatformKit
import Foundation
import Trafficking

/// The idea a creative variation tests (seed 003's three angles).
public enum CreativeAngle: String, Sendable, Hashable, Codable, CaseIterable {
    /// What the product does for the viewer.
    case benefit
    /// Others already use it, or the offer will not last.
    case socialProofOrUrgency
    /// The viewer's problem, and the product as its answer.
    case problemSolution
}
