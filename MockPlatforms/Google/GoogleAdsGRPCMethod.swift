/// One gRPC method of the Google Ads API that the emulator answers, and the REST call it is served by.
///
/// The official `google-ads` library speaks gRPC only. Each method here is the gRPC twin of a REST route, as the
/// `google.api.http` annotations of the service protos pair them, so both faces share one implementation, one
/// world, one journal and the same fault rules and rate limits.
public struct GoogleAdsGRPCMethod: Sendable, Hashable {
    /// The fully qualified service name: `google.ads.googleads.v26.services.CampaignService`.
    public let service: String
    /// The method name: `MutateCampaigns`.
    public let method: String
    /// The API version: `v26`.
    public let version: String
    /// Whether the server answers with a stream of messages (`GoogleAdsService/SearchStream`).
    public let isServerStreaming: Bool
    /// The last segment of the REST path: `campaigns:mutate`, or `customers:listAccessibleCustomers`.
    let restCall: String
    /// The request message's schema name.
    let requestMessage: String
    /// The response message's schema name.
    let responseMessage: String

    /// `/google.ads.googleads.v26.services.CampaignService/MutateCampaigns`, as the HTTP/2 path names it.
    public var path: String { "/\(service)/\(method)" }

    /// Every method the emulator answers, in every version it serves (v17–v26, as the REST face).
    public static let all: [GoogleAdsGRPCMethod] = GoogleAdsRoute.supportedVersions.flatMap { number in
        methods(version: "v\(number)")
    }

    /// The methods of one version.
    static func methods(version: String) -> [GoogleAdsGRPCMethod] {
        func make(
            _ service: String, _ method: String, _ restCall: String, _ request: String, _ response: String,
            streaming: Bool = false
        ) -> GoogleAdsGRPCMethod {
            GoogleAdsGRPCMethod(
                service: "google.ads.googleads.\(version).services.\(service)", method: method, version: version,
                isServerStreaming: streaming, restCall: restCall, requestMessage: "services.\(request)",
                responseMessage: "services.\(response)")
        }
        let mutates = GoogleAdsResource.allCases.filter { $0 != .customer }.map { resource in
            let type = resource.rawValue.prefix(1).uppercased() + resource.rawValue.dropFirst()
            let plural = resource.collection.prefix(1).uppercased() + resource.collection.dropFirst()
            return make(
                "\(type)Service", "Mutate\(plural)", "\(resource.collection):mutate", "Mutate\(plural)Request",
                "Mutate\(plural)Response")
        }
        return mutates + [
            make("GoogleAdsService", "Mutate", "googleAds:mutate", "MutateGoogleAdsRequest", "MutateGoogleAdsResponse"),
            make("GoogleAdsService", "Search", "googleAds:search", "SearchGoogleAdsRequest", "SearchGoogleAdsResponse"),
            make(
                "GoogleAdsService", "SearchStream", "googleAds:searchStream", "SearchGoogleAdsStreamRequest",
                "SearchGoogleAdsStreamResponse", streaming: true),
            make(
                "CustomerService", "ListAccessibleCustomers", "customers:listAccessibleCustomers",
                "ListAccessibleCustomersRequest", "ListAccessibleCustomersResponse"),
        ]
    }
}
