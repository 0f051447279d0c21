/// A sample ticket or medium that cannot be read or decoded; says which file and why.
public struct SampleError: Error, Sendable, CustomStringConvertible {
    /// The file: a path on disk, or a built-in sample's name.
    public var path: String
    /// What is wrong with it.
    public var message: String

    /// Creates an error about `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `PATH MESSAGE`, e.g. `/tmp/x/hulu-promo.json cannot be read (no such file)`.
    public var description: String { "\(path) \(message)" }
}
