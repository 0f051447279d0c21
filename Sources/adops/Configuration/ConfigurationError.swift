/// A setting that is missing or malformed, naming the variable and what to do.
struct ConfigurationError: Error, CustomStringConvertible {
    /// The variable (or file and line).
    var variable: String
    /// What is wrong.
    var message: String

    var description: String { "\(variable): \(message)" }
}
