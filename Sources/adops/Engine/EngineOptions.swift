import ArgumentParser

/// The options every engine command shares: which database to open and where the credential key comes from.
struct EngineOptions: ParsableArguments {
    /// `--db`: the SQLite file; `nil` falls back to `ADOPS_DB`, then `.adops/adops.sqlite`.
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The SQLite database (default: ADOPS_DB, else .adops/adops.sqlite).", valueName: "path"))
    var database: String?

    /// `--key-file`: a file holding the key that encrypts ad-account credentials.
    @Option(
        help: ArgumentHelp(
            "A file holding the 256-bit key that encrypts credentials (default: ADOPS_SECRET_KEY, else "
                + "ADOPS_SECRET_KEY_FILE).",
            valueName: "path"))
    var keyFile: String?

    /// Opens the store, the platform modules and the engine, with settings read from the environment and `.env`.
    func open(settings: AdOpsSettings? = nil) throws -> EngineContext {
        try EngineContext.open(database: database, keyFile: keyFile, settings: settings)
    }
}
