/// A ticket that could not be read or accepted: which one, which field, and why. Other tickets still run.
public struct TicketProblem: Sendable, Hashable, CustomStringConvertible {
    /// The ticket.
    public var reference: TicketReference
    /// The field path inside the ticket, e.g. `request.budget.amount`.
    public var fieldPath: String?
    /// What is wrong.
    public var message: String

    /// Creates a problem.
    public init(reference: TicketReference, fieldPath: String?, message: String) {
        self.reference = reference
        self.fieldPath = fieldPath
        self.message = message
    }

    /// `source:id: field: message`.
    public var description: String { "\(reference): \(fieldPath.map { "\($0): " } ?? "")\(message)" }
}
