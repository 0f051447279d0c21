import Trafficking

/// The answer to a webhook delivery: how many changes it carried, how many were replays, how many observations were
/// applied, and how many entities turned out to have drifted.
struct WebhookReceiptResource: Encodable, Sendable {
    /// Changes in the delivery.
    var received: Int
    /// Changes seen before, skipped.
    var duplicates: Int
    /// Observations applied.
    var applied: Int
    /// Drift recorded.
    var drifts: Int

    /// The resource of an intake report.
    init(_ report: WebhookIntakeReport) {
        received = report.received
        duplicates = report.duplicates
        applied = report.applied
        drifts = report.drifts.count
    }
}
