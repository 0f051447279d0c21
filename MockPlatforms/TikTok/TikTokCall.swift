import Foundation

/// One request being answered: the request, the world, and the virtual instant it is answered at (read once,
/// so every time written by one request agrees).
struct TikTokCall {
    /// The request.
    let request: MockRequest
    /// The shared state.
    let world: MockWorld
    /// The virtual now.
    let now: Date

    /// The query parameters.
    var query: TikTokParams { TikTokParams(pairs: request.query) }

    /// The JSON body's members. An empty body reads as `{}` (the SDK sends `{}` when it has no body), anything
    /// that is not a JSON object is a 40002.
    func body() throws(TikTokError) -> TikTokParams {
        if request.body.isEmpty { return TikTokParams(json: []) }
        guard let json = MockJSON.parse(request.body) else {
            throw TikTokError(code: 40002, message: "body: Invalid JSON. The request body could not be parsed.")
        }
        guard case .object(let members) = json else {
            throw TikTokError(code: 40002, message: "body: Invalid JSON. The request body must be a JSON object.")
        }
        return TikTokParams(json: members)
    }

    /// `YYYY-MM-DD HH:MM:SS` of now, for `create_time` and `modify_time`.
    var timestamp: String { TikTokTime.format(now) }
}
