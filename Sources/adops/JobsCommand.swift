import ArgumentParser
import Foundation
import Trafficking

/// `adops jobs`: the campaign jobs in the queue and their history.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List, inspect and retry campaign jobs.",
        subcommands: [List.self, Show.self, Retry.self]
    )

    /// The job a command-line id names, or a usage error saying what an id looks like.
    static func jobID(_ text: String) throws -> UUID {
        try IDArgument.uuid(text, kind: "job", listCommand: "adops jobs list")
    }

    /// The status a `--status` value names, or a usage error listing the valid ones.
    static func status(_ text: String) throws -> JobStatus {
        guard let status = JobStatus(rawValue: text.uppercased()) else {
            throw CommandFailure.usage(
                "--status: '\(text)' is not a job status; use one of "
                    + JobStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return status
    }

    /// A date as tables print it: ISO 8601 in UTC, e.g. `2026-12-01T09:30:00Z`; `-` when absent.
    static func format(_ date: Date?) -> String {
        date?.ISO8601Format() ?? "-"
    }
}
