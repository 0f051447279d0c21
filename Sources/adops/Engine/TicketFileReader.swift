import AdPlatformKit
import Foundation
import Trafficking

/// Reads one ticket file (a TraffickingRequest, or a `ticket` + `request` wrapper, in JSON or YAML) exactly as a
/// ticket folder would, so `adops traffic` and `adops serve --tickets` accept the same files with the same
/// messages.
///
/// `FolderTicketSource` reads whole folders, and a folder may hold other tickets and result files that would make
/// it skip this one; so the file is copied alone into a private temporary folder and read there.
struct TicketFileReader {
    /// The file, as given on the command line.
    let path: String
    /// The time of day, as the folder source stamps it.
    let clock: WallClock

    /// The ticket, or a usage error naming the file, the field and why.
    func read() async throws -> Ticket {
        let source = URL(fileURLWithPath: path)
        let fileName = source.lastPathComponent
        let suffix = source.pathExtension.lowercased()
        guard FolderTicketSource.ticketExtensions.contains(suffix) else {
            throw CommandFailure.usage("\(path): a ticket file ends in .json, .yaml or .yml")
        }
        let data: Data
        do {
            data = try Data(contentsOf: source)
        } catch {
            throw CommandFailure.usage("\(path): cannot read the file (\(error.localizedDescription))")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adops-ticket-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // A leading dot would hide the file from the folder source; the name only matters for messages.
            let copyName = fileName.hasPrefix(".") ? "ticket.\(suffix)" : fileName
            try data.write(to: folder.appendingPathComponent(copyName))
        } catch {
            throw CommandFailure.failed("cannot stage \(path) for reading: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let batch = try await FolderTicketSource(directory: folder, clock: clock).readyTickets()
        if let problem = batch.problems.first {
            throw CommandFailure.usage("\(path): " + (problem.fieldPath.map { "\($0): " } ?? "") + problem.message)
        }
        guard let ticket = batch.tickets.first else {
            throw CommandFailure.usage("\(path): holds no ticket")
        }
        return ticket
    }
}
