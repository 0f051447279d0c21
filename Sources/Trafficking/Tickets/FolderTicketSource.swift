import AdPlatformKit
import Foundation
import Synchronization

/// Tickets from a folder of files: each `*.json`, `*.yaml` or `*.yml` file (not in subfolders, not hidden) is a
/// ticket whose id is its file name, and its state is written next to it as `<file name>.result.json`.
///
/// A ticket file is a plain TraffickingRequest, or a wrapper that also says where it runs:
///
/// ```json
/// {"ticket": {"title": "Spring", "platforms": ["meta", "google"], "accounts": ["act_1001"]}, "request": {…}}
/// ```
///
/// YAML files have the same structure. A ticket is offered until a result file records the SHA-256 of its current
/// content; editing a ticket (say, fixing a rejected one) offers it again. Media paths resolve against the folder.
/// Result files are written atomically, and each write is safe to repeat.
public final class FolderTicketSource: TicketSource {
    /// `folder`, stored in each job's ticket reference.
    public let name = "folder"
    /// The folder.
    public let directory: URL
    /// The platform ids a ticket may name; `nil` accepts any id and leaves the check to the engine.
    public let knownPlatforms: Set<PlatformID>?
    private let clock: WallClock
    /// The digest of each ticket as last read, so the state written for it describes what was read even if the
    /// file changes before the write (the change is then offered again).
    private let readDigests = Mutex<[String: String]>([:])

    /// The suffix of result files.
    public static let resultSuffix = ".result.json"
    /// The extensions of ticket files.
    public static let ticketExtensions: Set<String> = ["json", "yaml", "yml"]

    /// Creates a source over a folder; `clock` stamps result files.
    public init(
        directory: URL, knownPlatforms: Set<PlatformID>? = nil, clock: WallClock
    ) {
        self.directory = directory.standardizedFileURL
        self.knownPlatforms = knownPlatforms
        self.clock = clock
    }

    /// The result file of a ticket.
    public func resultURL(for ticketID: String) -> URL {
        directory.appendingPathComponent(ticketID + Self.resultSuffix)
    }

    // MARK: - TicketSource

    /// Every ticket file without a result for its current content: readable ones as tickets, the others as problems
    /// naming the file and the field or position. Throws ``FolderTicketSourceError`` when the folder cannot be read.
    public func readyTickets() async throws -> TicketBatch {
        var batch = TicketBatch()
        for fileName in try ticketFileNames() {
            let reference = TicketReference(source: name, id: fileName)
            let data: Data
            do {
                data = try Data(contentsOf: directory.appendingPathComponent(fileName))
            } catch {
                batch.problems.append(
                    TicketProblem(
                        reference: reference, fieldPath: nil, message: "cannot be read: \(error.localizedDescription)"))
                continue
            }
            let digest = ContentDigest.sha256Hex(data)
            // A missing or unreadable result counts as none: offering an accepted ticket again is harmless, since
            // the intake finds its jobs and only marks it accepted again.
            if let result = try? readResult(fileName), result.ticketDigest == digest { continue }
            readDigests.withLock { $0[fileName] = digest }
            switch parse(data, fileName: fileName) {
            case .ticket(let ticket): batch.tickets.append(ticket)
            case .problem(let problem): batch.problems.append(problem)
            }
        }
        return batch
    }

    /// Writes `PROCESSING` with the job ids. When the jobs are all over and written back already (the ticket was
    /// offered again after its outcome was written), the final result stays, or is rebuilt from the jobs, instead.
    public func markAccepted(_ ticket: TicketReference, jobs: [CampaignJob]) async throws {
        let fileName = try checkedFileName(ticket)
        let digest = ticketDigest(fileName)
        let jobIDs = jobs.map(\.id)
        if !jobs.isEmpty, jobs.allSatisfy({ $0.status.isTerminal && $0.writtenBackAt != nil }) {
            if var result = try? readResult(fileName), result.status.isFinal,
                Set(result.results?.map(\.jobID) ?? result.jobs ?? []) == Set(jobIDs)
            {
                result.ticketDigest = digest
                try writeResult(result, for: fileName)
                return
            }
            let results = jobs.map { job in
                TicketOutcome.PlatformResult(
                    platform: job.platform, accountID: job.accountID.uuidString, jobID: job.id, status: job.status,
                    externalIDs: job.platformCampaignID.map { ["campaign": [$0]] } ?? [:], error: job.error?.description
                )
            }
            try writeResult(
                ResultFile(
                    status: Self.status(of: TicketOutcome(results: results)), ticket: fileName, jobs: jobIDs,
                    results: results, ticketDigest: digest, writtenAt: clock.now),
                for: fileName)
            return
        }
        try writeResult(
            ResultFile(status: .processing, ticket: fileName, jobs: jobIDs, ticketDigest: digest, writtenAt: clock.now),
            for: fileName)
    }

    /// Writes `REJECTED` with the field and reason; the ticket is offered again once its file changes.
    public func reportProblem(_ problem: TicketProblem) async throws {
        let fileName = try checkedFileName(problem.reference)
        try writeResult(
            ResultFile(
                status: .rejected, ticket: fileName, field: problem.fieldPath, message: problem.message,
                ticketDigest: ticketDigest(fileName), writtenAt: clock.now),
            for: fileName)
    }

    /// Writes the outcome: overall status, each platform's ids and errors, the digest recorded on acceptance and
    /// the time.
    public func writeBack(_ ticket: TicketReference, outcome: TicketOutcome) async throws {
        let fileName = try checkedFileName(ticket)
        let accepted = try? readResult(fileName)
        try writeResult(
            ResultFile(
                status: Self.status(of: outcome), ticket: fileName, jobs: outcome.results.map(\.jobID),
                results: outcome.results, ticketDigest: accepted?.ticketDigest ?? ticketDigest(fileName),
                writtenAt: clock.now),
            for: fileName)
    }

    // MARK: - Files

    /// The ticket files, sorted by name.
    func ticketFileNames() throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw FolderTicketSourceError(path: directory.path, message: "no such ticket folder")
        }
        guard isDirectory.boolValue else {
            throw FolderTicketSourceError(path: directory.path, message: "is a file, not a ticket folder")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw FolderTicketSourceError(
                path: directory.path, message: "cannot list the ticket folder: \(error.localizedDescription)")
        }
        return names.filter { name in
            guard !name.hasPrefix("."), !name.hasSuffix(Self.resultSuffix),
                let dot = name.lastIndex(of: "."),
                Self.ticketExtensions.contains(name[name.index(after: dot)...].lowercased())
            else { return false }
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }

    /// The ticket's file name, refusing ids that are not a plain file name in the folder (`../x`, `a/b`, `.x`).
    private func checkedFileName(_ ticket: TicketReference) throws -> String {
        let id = ticket.id
        guard !id.isEmpty, !id.hasPrefix("."), !id.contains("/"), !id.contains("\\"), !id.contains("\0") else {
            throw FolderTicketSourceError(
                path: directory.path, message: "'\(id)' is not a ticket file name in this folder")
        }
        return id
    }

    /// The digest recorded when the ticket was read, else of the file as it is now, else `nil` (the file is gone).
    private func ticketDigest(_ fileName: String) -> String? {
        if let digest = readDigests.withLock({ $0[fileName] }) { return digest }
        return (try? Data(contentsOf: directory.appendingPathComponent(fileName))).map(ContentDigest.sha256Hex)
    }

    /// The ticket's result, or `nil` when it has none; throws when it has one that cannot be read.
    func readResult(_ fileName: String) throws -> ResultFile? {
        let url = resultURL(for: fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try ResultFile(data: Data(contentsOf: url))
    }

    private func writeResult(_ result: ResultFile, for fileName: String) throws {
        let url = resultURL(for: fileName)
        do {
            try result.encoded().write(to: url, options: .atomic)
        } catch {
            throw FolderTicketSourceError(
                path: url.path, message: "cannot write the result: \(error.localizedDescription)")
        }
    }

    private static func status(of outcome: TicketOutcome) -> ResultFile.Status {
        switch outcome.status {
        case .success: .success
        case .partialSuccess: .partialSuccess
        case .failed: .failed
        case .pending, .processing: .processing
        }
    }
}
