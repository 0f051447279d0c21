/// A status change asked for after launch: the status half of a lifecycle action.
///
/// `activate` and `resume` both make an entity deliver; they differ only in what our records knew before (a
/// launch left paused for review, or a pause). `archive` is a state of its own where the platform has one (see
/// ``ArchiveMapping``); `remove` is the platform's deletion.
public enum StatusAction: String, Sendable, Hashable, ClosedSetDecodable {
    /// Start delivering an entity that has never delivered (launched paused for review).
    case activate
    /// Stop delivering.
    case pause
    /// Deliver again after a pause.
    case resume
    /// Stop delivering for good while keeping the entity and its reporting (see ``ArchiveMapping``).
    case archive
    /// Delete or remove the entity on the platform.
    case remove

    /// `status action`.
    public static let valueKind = "status action"

    /// The delivery status ``StatusChanging/setStatus(_:of:in:)`` sets for the action; `nil` for ``archive``, which
    /// goes through ``Archiving``.
    public var deliveryStatus: DeliveryStatus? {
        switch self {
        case .activate, .resume: .active
        case .pause: .paused
        case .remove: .removed
        case .archive: nil
        }
    }
}
