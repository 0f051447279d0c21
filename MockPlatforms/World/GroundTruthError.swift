/// Why the world refused a ground-truth change: the field at fault and what is wrong with it. The control plane
/// answers it as a 400 naming the field.
public struct GroundTruthError: Error, Sendable, Hashable {
    /// The request field at fault, e.g. `entityId` or `date`.
    public var field: String
    /// What is wrong, in a sentence.
    public var message: String

    /// An error about a field.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
