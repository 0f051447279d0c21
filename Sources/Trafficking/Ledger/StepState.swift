/// A ledger step's state. A step is `started` before its platform call and `done` right after it; a step left
/// `started` by a crash is looked up on the platform by its marker before anything is created again.
public enum StepState: String, Sendable, Hashable, Codable {
    /// The call was (or may have been) made; its result is unknown.
    case started
    /// The call succeeded and its entities are recorded.
    case done
}
