/// A landing-pages folder that was named but cannot be served.
public struct LandingPagesError: Error, Sendable, CustomStringConvertible {
    /// Where the folder was named: `--landing-pages` or `ADOPS_LANDING_PAGES`.
    public var source: String
    /// What is wrong, with the path that was looked at.
    public var message: String

    /// Creates an error about the folder named by `source`.
    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    /// `SOURCE: MESSAGE`.
    public var description: String { "\(source): \(message)" }
}
