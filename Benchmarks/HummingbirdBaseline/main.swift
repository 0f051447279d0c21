import Foundation
import Hummingbird
import Logging

// The calibration server of `scripts/benchmark_mock.py`: the cheapest routes Hummingbird can serve, on the same
// build settings and machine as `adops mock`, so the emulator's figures can be read as a ratio of what this
// machine allows rather than as absolute numbers from a faster one.
//
//     hummingbird-baseline [PORT]      (default 4710; 0 picks a free port)
//
// GET /health answers "ok". POST /create reads the whole body and answers a fixed JSON id, the shape of a
// platform create without any of its work.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count <= 1, let port = Int(arguments.first ?? "4710"), (0...65_535).contains(port) else {
    FileHandle.standardError.write(Data("usage: hummingbird-baseline [PORT], PORT 0–65535\n".utf8))
    exit(64)
}

let router = Router()
router.get("/health") { _, _ in "ok" }
router.post("/create") { request, _ -> Response in
    _ = try await request.body.collect(upTo: 1 << 20)
    return Response(
        status: .ok, headers: [.contentType: "application/json"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"id":"120200000000000001"}"#)))
}
// Warnings only: the listening line below is the one line a script waits for.
var logger = Logger(label: "hummingbird-baseline")
logger.logLevel = .warning
let app = Application(
    router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
    onServerRunning: { channel in
        let line = "hummingbird-baseline listening on http://127.0.0.1:\(channel.localAddress?.port ?? port)\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }, logger: logger)
try await app.runService()
