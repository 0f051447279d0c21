/// The answer of `GET /healthz`: `ok`, and how many jobs are in each status (a cheap proof the store answers).
struct HealthResource: Encodable, Sendable {
    /// `ok`.
    var status: String
    /// Jobs per status, e.g. `{"PENDING": 2, "PROCESSING": 1, …}`.
    var jobs: [String: Int]
}
