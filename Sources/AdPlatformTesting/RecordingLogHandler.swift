import Logging
import Synchronization

/// A swift-log handler that keeps every record in memory, so a test can assert what was logged, for example that a
/// clean stop logs nothing at `warning` or above.
///
/// ```swift
/// let log = RecordingLogHandler.Records()
/// let logger = Logger(label: "test") { RecordingLogHandler(label: $0, records: log) }
/// …
/// #expect(log.atOrAbove(.warning).isEmpty)
/// ```
public struct RecordingLogHandler: LogHandler {
    /// One logged message.
    public struct Record: Sendable, CustomStringConvertible {
        /// The logger's label.
        public var label: String
        /// The level it was logged at.
        public var level: Logger.Level
        /// The message.
        public var message: String
        /// The module that logged it, e.g. `HummingbirdCore`.
        public var source: String

        /// `level label: [source] message`, as `StreamLogHandler` prints it.
        public var description: String { "\(level) \(label): [\(source)] \(message)" }
    }

    /// The records shared by every handler made with it, safe to read from any task.
    public final class Records: Sendable {
        private let records = Mutex<[Record]>([])

        /// Creates an empty store.
        public init() {}

        /// Everything logged so far, oldest first.
        public var all: [Record] { records.withLock { $0 } }

        /// The records at `level` or more severe.
        public func atOrAbove(_ level: Logger.Level) -> [Record] { all.filter { $0.level >= level } }

        func append(_ record: Record) { records.withLock { $0.append(record) } }
    }

    /// Where records go.
    public let records: Records
    /// The logger's label.
    public let label: String
    /// The lowest level kept; `trace` keeps everything.
    public var logLevel: Logger.Level = .trace
    /// The handler's metadata.
    public var metadata: Logger.Metadata = [:]

    /// Creates a handler that appends to `records`.
    public init(label: String, records: Records) {
        self.label = label
        self.records = records
    }

    /// The handler's metadata value for a key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Records one message.
    public func log(event: LogEvent) {
        records.append(Record(label: label, level: event.level, message: "\(event.message)", source: event.source))
    }
}
