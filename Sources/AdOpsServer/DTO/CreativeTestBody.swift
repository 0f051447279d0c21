import Foundation
import Trafficking

/// The body of `POST /api/v1/campaigns/{id}/creative-tests`: `{}` for a dry run on click-through rate since the
/// flight began, or `{"metric": "cvr", "mode": "apply", "days": 14}`. A field is left out to take its default;
/// `null` is a 400, as the OpenAPI document allows no nulls here.
struct CreativeTestBody: Decodable, Sendable {
    /// `ctr` or `cvr`, as given; ``CreativeTestRoutes`` checks it and supplies the default (`ctr`).
    var metric: String?
    /// `dry_run` or `apply`, as given; checked as for the optimiser (default `dry_run`).
    var mode: String?
    /// The last days through today to read; from the flight's first day when absent.
    var days: Int?

    private enum CodingKeys: String, CodingKey {
        case metric, mode, days
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metric = try container.contains(.metric) ? container.decode(String.self, forKey: .metric) : nil
        mode = try container.contains(.mode) ? container.decode(String.self, forKey: .mode) : nil
        days = try container.contains(.days) ? container.decode(Int.self, forKey: .days) : nil
    }
}
