/// Why a lifecycle action is refused before any call: the platform cannot do it, or the value is outside what the
/// platform takes. The message names the platform and the capability.
public struct LifecycleRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The platform, or this module, cannot do the action at that level.
        case unsupported
        /// The action is possible, but its value is not (an age outside the limits, an empty country list).
        case invalidValue
        /// The budget is below the platform's minimum.
        case budgetTooLow
    }

    /// The platform that cannot do it.
    public var platform: PlatformID
    /// The level asked for.
    public var level: EntityKind
    /// The capability, e.g. `bid.targetROAS`, `targeting.ageRange`, `status.archive`.
    public var capability: String
    /// The kind of refusal.
    public var reason: Reason
    /// The field of the action at fault, e.g. `bid`, `targeting.ageRange`, `budget.amount`.
    public var fieldPath: String
    /// A sentence naming the platform, the level and the capability, and why.
    public var message: String

    /// Creates a refusal.
    public init(
        platform: PlatformID, level: EntityKind, capability: String, reason: Reason, fieldPath: String,
        message: String
    ) {
        self.platform = platform
        self.level = level
        self.capability = capability
        self.reason = reason
        self.fieldPath = fieldPath
        self.message = message
    }

    /// The refusal as the error platform modules throw: `unsupported`, `invalidParameter` or `budgetTooLow`, with
    /// the field path.
    public func error(operation: String) -> AdPlatformError {
        let code: AdPlatformError.Code =
            switch reason {
            case .unsupported: .unsupported
            case .invalidValue: .invalidParameter
            case .budgetTooLow: .budgetTooLow
            }
        return AdPlatformError(
            code: code, message: message, platform: platform, operation: operation, fieldPath: fieldPath)
    }

    /// The message.
    public var description: String { message }
}
