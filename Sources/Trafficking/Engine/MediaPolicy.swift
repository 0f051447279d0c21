import Foundation

/// Which media sources a submission may use. Files are read only where the submitter is local (the CLI, a ticket
/// folder); the REST API takes URLs, `data:` URIs and stored references, so a caller cannot make the server read
/// its disk.
public enum MediaPolicy: Sendable, Hashable {
    /// File paths are resolved against this directory (the ticket's folder) and stored with the job.
    case filesRelativeTo(URL)
    /// No file paths.
    case noFiles
}
