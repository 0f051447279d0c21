import AdPlatformKit
import Foundation
import Trafficking

/// Where sample tickets and their media come from: the copy of `docs/examples/` built into the binary, or a folder
/// given on the command line (`adops demo --examples DIR`, `adops benchmark --ticket FILE`).
///
/// A sample is made ready to send by ``request(_:landingPort:flightStart:)``: its media are inlined as `data:` URIs
/// (a ticket in Airtable or the API cannot carry files), its landing URLs point at the emulators' port, and its
/// flight is moved to a given start, keeping its length, so that a sample keeps its meaning on any date.
public struct SampleLibrary: Sendable {
    /// The files, by path relative to the library's root.
    private let source: Source

    private enum Source: Sendable {
        case builtIn
        case directory(URL)
    }

    /// The sample tickets and media built into the binary, from `docs/examples/`.
    public static let builtIn = SampleLibrary(source: .builtIn)

    /// Samples read from `directory`; media paths in a ticket are relative to it.
    public static func directory(_ directory: URL) -> SampleLibrary {
        SampleLibrary(source: .directory(directory.standardizedFileURL))
    }

    /// The Disney+ and Hulu tickets the demo files.
    public static let demoTickets = ["disneyplus-signup.json", "hulu-promo.json"]

    /// Where the samples are read, for messages: `built-in docs/examples` or a folder's path.
    public var location: String {
        switch source {
        case .builtIn: "the built-in docs/examples"
        case .directory(let url): url.path
        }
    }

    /// The names of the ticket files (`*.json`) in the library, sorted.
    public var ticketNames: [String] {
        switch source {
        case .builtIn:
            return EmbeddedExamples.base64.keys.filter { $0.hasSuffix(".json") && !$0.contains("/") }.sorted()
        case .directory(let url):
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted()
        }
    }

    /// The bytes of one file, by path relative to the library's root.
    public func file(_ path: String) throws -> Data {
        switch source {
        case .builtIn:
            guard let text = EmbeddedExamples.base64[path], let data = Data(base64Encoded: text) else {
                throw SampleError(path: path, message: "is not among the built-in samples (\(Self.builtInList))")
            }
            return data
        case .directory(let url):
            let file = url.appendingPathComponent(path)
            do {
                return try Data(contentsOf: file)
            } catch {
                throw SampleError(path: file.path, message: "cannot be read (\(Self.reason(error)))")
            }
        }
    }

    /// A sample ticket decoded as it is written, with its media paths and dates untouched.
    public func rawRequest(_ name: String) throws -> TraffickingRequest {
        let data = try file(name)
        do {
            return try TraffickingRequestDecoder().decode(data)
        } catch {
            throw SampleError(path: path(of: name), message: "is not a valid request: \(error)")
        }
    }

    /// A sample ticket ready to send: media inlined, landing URLs on `landingPort` (the samples are written for
    /// the emulators' default port 4010) and, when `flightStart` is given, the flight moved to start then.
    public func request(
        _ name: String, landingPort: Int? = nil, flightStart: Date? = nil
    ) throws
        -> TraffickingRequest
    {
        var request = try rawRequest(name)
        if let flightStart { request.schedule = request.schedule.shifted(toStartAt: flightStart) }
        for index in request.creatives.indices {
            if let landingPort {
                request.creatives[index].landingURL = request.creatives[index].landingURL
                    .replacingOccurrences(of: ".localhost:4010/", with: ".localhost:\(landingPort)/")
            }
            for mediaIndex in request.creatives[index].media.indices {
                let source = request.creatives[index].media[mediaIndex].source
                guard !source.hasPrefix("data:"), !source.hasPrefix("http://"), !source.hasPrefix("https://") else {
                    continue
                }
                let bytes: Data
                do {
                    bytes = try file(source)
                } catch let error as SampleError {
                    throw SampleError(
                        path: path(of: name), message: "creatives[\(index)].media[\(mediaIndex)]: \(error)")
                }
                request.creatives[index].media[mediaIndex].source =
                    "data:\(StoredMedia.contentType(forFileName: source));base64,\(bytes.base64EncodedString())"
            }
        }
        return request
    }

    /// Reads and prepares every named ticket, so that a bad sample is reported before anything is started.
    public func check(_ names: [String]) throws {
        for name in names { _ = try request(name) }
    }

    private func path(of name: String) -> String {
        switch source {
        case .builtIn: "docs/examples/\(name) (built in)"
        case .directory(let url): url.appendingPathComponent(name).path
        }
    }

    private static var builtInList: String {
        EmbeddedExamples.base64.keys.sorted().joined(separator: ", ")
    }

    private static func reason(_ error: any Error) -> String {
        let cocoa = error as NSError
        if cocoa.domain == NSCocoaErrorDomain, cocoa.code == NSFileReadNoSuchFileError { return "no such file" }
        return cocoa.localizedDescription
    }
}
