import AdPlatformKit
import Foundation

/// A trafficking ticket read from a source: the request, and where it should run.
public struct Ticket: Sendable, Hashable {
    /// Where it came from; outcomes are written back there.
    public var reference: TicketReference
    /// A title for people, e.g. the file name or the Airtable record's name.
    public var title: String
    /// The request.
    public var request: TraffickingRequest
    /// The platforms it should run on; `nil` means every platform that has an active ad account.
    public var platforms: [PlatformID]?
    /// Specific ad accounts, by our id or the platform's account id; empty means the first active account of each
    /// platform.
    public var accounts: [String]
    /// How its media sources may be read (a ticket folder allows files relative to itself).
    public var media: MediaPolicy

    /// Creates a ticket.
    public init(
        reference: TicketReference, title: String, request: TraffickingRequest, platforms: [PlatformID]? = nil,
        accounts: [String] = [], media: MediaPolicy = .noFiles
    ) {
        self.reference = reference
        self.title = title
        self.request = request
        self.platforms = platforms
        self.accounts = accounts
        self.media = media
    }
}
