/// TikTok's response envelope, `{"code","message","request_id","data"}`, written in that member order.
enum TikTokEnvelope {
    /// A success (`code` 0, `message` "OK") at HTTP 200.
    static func success(_ data: MockJSON, requestID: String) -> MockResponse {
        .json(
            .object([("code", .int(0)), ("message", .string("OK")), ("request_id", .string(requestID)), ("data", data)])
        )
    }

    /// A failure with an empty `data` object, at HTTP 200 unless a fault asks for another status.
    static func failure(_ error: TikTokError, requestID: String, status: Int = 200) -> MockResponse {
        .json(
            .object([
                ("code", .int(error.code)), ("message", .string(error.message)), ("request_id", .string(requestID)),
                ("data", .object([])),
            ]), status: status)
    }
}
