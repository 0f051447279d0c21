import AdPlatformKit
import Foundation

/// A run's records (``JobRunRecords``) turned into rows before the write transaction, so the JSON encoding is done
/// by the calling task, in parallel, rather than inside the one writer every job waits for.
struct EncodedRecords: Sendable {
    /// A finished step, its entities and media already JSON.
    struct Completion: Sendable {
        var key: String
        var entitiesJSON: String
        var mediaJSON: String?
        /// The primary entity's id, or the media's.
        var externalID: String?
        /// The kind a step never recorded as started is inserted with.
        var kindIfNew: String
        /// The campaign's id, when this is the campaign step.
        var campaignID: String?
    }

    var calls: [APICallRow]
    var completions: [Completion]
    var log: [ExecutionLogRow]

    /// Encodes `records`.
    init(_ records: JobRunRecords) throws {
        calls = records.calls.map(APICallRow.init)
        log = records.log.map(ExecutionLogRow.init)
        completions = try records.completions.map { completion in
            let kind =
                completion.entities.last?.kind
                ?? (completion.media == nil ? EntityKind(rawValue: Self.kindPrefix(of: completion.key)) : .media)
            return Completion(
                key: completion.key,
                entitiesJSON: try StoreJSON.encode(completion.entities),
                mediaJSON: try completion.media.map { try StoreJSON.encode($0) },
                externalID: completion.entities.last?.id ?? completion.media?.id,
                kindIfNew: kind.rawValue,
                campaignID: completion.key == TraffickingPlan.campaignStep
                    ? completion.entities.last(where: { $0.kind == .campaign })?.id : nil)
        }
    }

    /// `adGroup` for `adGroup/families`: step keys start with the kind of what they create.
    private static func kindPrefix(of key: String) -> String {
        String(key.split(separator: "/", maxSplits: 1).first ?? Substring(key))
    }
}
