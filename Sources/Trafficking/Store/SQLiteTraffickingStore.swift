import AdPlatformKit
import Foundation
import GRDB

/// The ``TraffickingStore`` on SQLite, through GRDB.
///
/// ``open(path:cipher:clock:)`` opens a file in WAL mode that several processes (an `adops serve` and an
/// `adops worker`) share; ``inMemory(cipher:clock:)`` is for tests. Every method that writes is one write, atomic
/// on its own: it returns once the transaction holding it has committed. Writes from concurrent callers share
/// transactions (group commit, see ``GroupCommitter``), so ``transactionCount`` can be lower than ``writeCount``.
/// Write transactions are IMMEDIATE, so a read that decides a write (claiming jobs) cannot interleave with another
/// process's write.
///
/// Dates are stored with millisecond precision; the values methods return are read back from the database, so
/// they equal what later reads return.
public final class SQLiteTraffickingStore: TraffickingStore {
    /// The database.
    let writer: any DatabaseWriter
    /// Seals and opens account credentials.
    let cipher: CredentialCipher
    /// The current time, for `created_at`, `updated_at` and the like.
    /// The time of day rows are stamped with; the engine, the worker and the intake on this store read it too.
    public let clock: WallClock
    /// Wakes this process's idle workers when an action is stored.
    public let workSignal: WorkSignal? = WorkSignal()
    /// Wakes this process's rule schedulers when metrics land or rules change.
    public let automationSignal: WorkSignal? = WorkSignal()
    private let committer: GroupCommitter
    /// Requests decoded from `payload_json`, so a ticket's jobs decode theirs once.
    let requests = DecodedRequestCache()

    /// How long a write waits for another process's write to finish before failing with SQLITE_BUSY.
    static let busyTimeout: TimeInterval = 5

    private init(writer: any DatabaseWriter, cipher: CredentialCipher, clock: WallClock) throws {
        self.writer = writer
        self.cipher = cipher
        self.clock = clock
        committer = GroupCommitter(writer: writer)
        try TraffickingMigrations.migrator.migrate(writer)
    }

    /// Opens (creating if needed, with its parent directories) the database file at `path`, in WAL mode with
    /// `synchronous = NORMAL`, foreign keys on and a 5-second busy timeout, and brings its schema up to date.
    public static func open(
        path: String, cipher: CredentialCipher, clock: WallClock
    ) throws -> SQLiteTraffickingStore {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "adops.trafficking"
        configuration.prepareDatabase { db in
            // WAL makes NORMAL durable against application crashes; only an OS crash can lose the last commits.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // No `mmap_size`: this file grows with every job, and SQLite remaps a growing file in every connection
            // on its next read (an munmap and mmap of the whole file). Measured with `adops benchmark`, reading
            // with `pread` costs 5–10% less CPU per job.
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        return try SQLiteTraffickingStore(writer: pool, cipher: cipher, clock: clock)
    }

    /// A store in memory, gone when released; for tests.
    public static func inMemory(
        cipher: CredentialCipher, clock: WallClock
    ) throws -> SQLiteTraffickingStore {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "adops.trafficking.memory"
        let queue = try DatabaseQueue(configuration: configuration)
        return try SQLiteTraffickingStore(writer: queue, cipher: cipher, clock: clock)
    }

    /// The number of write transactions this store has committed since it was opened (migrations excluded).
    public var transactionCount: Int { committer.commitCount }

    /// The number of writes (calls of writing methods that succeeded) since the store was opened.
    public var writeCount: Int { committer.writeCount }

    /// Runs one write, atomically, and returns once it has committed. Every writing method goes through here.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await committer.write(updates)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw StoreError(.notFound, "the account or job the change refers to does not exist")
        } catch {
            throw Self.describingUndecodableRows(error)
        }
    }

    /// Runs a read.
    func read<T: Sendable>(_ value: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(value)
        } catch {
            throw Self.describingUndecodableRows(error)
        }
    }

    /// GRDB's error for a column it cannot decode (a date column holding text that is not a date, say) as a
    /// ``StoreError`` `corrupt`; its description names the column, the SQL and the row. Other errors pass through.
    static func describingUndecodableRows(_ error: any Error) -> any Error {
        switch error {
        case let error as RowDecodingError:
            StoreError(.corrupt, "a stored row cannot be read: \(error)")
        case let error as DecodingError:
            StoreError(.corrupt, "a stored row cannot be read: \(TraffickingRequestDecoder.describe(error))")
        default:
            error
        }
    }
}
