/// What "archive" means on a platform, as data, so no one maps it to an irreversible deletion by accident.
public struct ArchiveMapping: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the platform carries an archive.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The platform has an archived state of its own (Meta `ARCHIVED`).
        case archivedState
        /// The platform has no archived state; archiving sets its removal status, which keeps the entity and its
        /// reporting readable but cannot be undone (Google `REMOVED`). Declared only where that is so.
        case removal
        /// The platform cannot archive; the action is refused.
        case unsupported
    }

    /// How the platform carries an archive.
    public var kind: Kind
    /// The platform's status value archiving sets, e.g. `ARCHIVED`; `nil` when unsupported.
    public var platformValue: String?
    /// Whether an archived entity can deliver again. No platform so far allows it.
    public var reversible: Bool
    /// Why, for people reading the capability table and for refusals.
    public var explanation: String

    /// Creates a mapping.
    public init(kind: Kind, platformValue: String?, reversible: Bool, explanation: String) {
        self.kind = kind
        self.platformValue = platformValue
        self.reversible = reversible
        self.explanation = explanation
    }

    /// The platform's own archived state.
    public static func archivedState(_ value: String, reversible: Bool, explanation: String) -> ArchiveMapping {
        ArchiveMapping(kind: .archivedState, platformValue: value, reversible: reversible, explanation: explanation)
    }

    /// The platform's removal status stands in for an archive; it is never reversible.
    public static func removal(_ value: String, explanation: String) -> ArchiveMapping {
        ArchiveMapping(kind: .removal, platformValue: value, reversible: false, explanation: explanation)
    }

    /// The platform cannot archive.
    public static func unsupported(_ explanation: String) -> ArchiveMapping {
        ArchiveMapping(kind: .unsupported, platformValue: nil, reversible: false, explanation: explanation)
    }

    /// `ARCHIVED (archivedState, irreversible)`, or `unsupported`.
    public var description: String {
        guard let platformValue else { return kind.rawValue }
        return "\(platformValue) (\(kind.rawValue), \(reversible ? "reversible" : "irreversible"))"
    }
}
