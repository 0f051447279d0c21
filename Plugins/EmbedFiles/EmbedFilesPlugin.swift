import Foundation
import PackagePlugin

/// Builds files of the package into a target's code, so that the `adops` binary carries them wherever it is copied:
/// a SwiftPM resource bundle stays behind in `.build/`.
///
/// Each target that uses the plugin names, below, the folder it embeds and the type that holds it. The folder is
/// listed on every build, so a file added to it is embedded without touching the manifest.
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    /// The folder (relative to the package root) and the generated type, per target.
    static let embeddings: [String: (folder: String, type: String)] = [
        "MockPlatforms": ("LandingPages", "EmbeddedLandingPages"),
        "AdOpsSamples": ("docs/examples", "EmbeddedExamples"),
        "AdOpsConsole": ("Sources/AdOpsConsole/Web", "EmbeddedConsoleFiles"),
    ]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let embedding = Self.embeddings[target.name] else {
            Diagnostics.error("EmbedFiles: no folder is configured for target \(target.name)")
            return []
        }
        let root = context.package.directoryURL.appending(path: embedding.folder)
        let files = try Self.files(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "\(embedding.type).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(embedding.folder) into \(target.name)",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: [embedding.type, embedding.folder, root.path(), output.path()] + files.map { $0.path() },
                inputFiles: files, outputFiles: [output])
        ]
    }

    /// Every regular file under `root`, skipping hidden files and folders, in a stable order.
    static func files(under root: URL) throws -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator
        where (try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(url)
        }
        return files.sorted { $0.path() < $1.path() }
    }
}
