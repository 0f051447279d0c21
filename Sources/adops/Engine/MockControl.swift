import AdPlatformKit
import Foundation

/// A few calls to the emulators' control plane (`/_mock/`), for the demo: clicks, the clock, pixel events.
struct MockControl {
    let baseURL: URL
    let transport: any HTTPTransport

    /// A click on an ad: the landing URL with the platform's click id, as the platform's redirect would give it.
    func click(platform: PlatformID, adID: String) async throws -> (clickID: String, url: String) {
        let answer = try await send(
            .post, "/_mock/clicks", body: .object(["platform": .string(platform.rawValue), "adId": .string(adID)]))
        guard let clickID = answer.objectValue?["clickId"]?.stringValue,
            let url = answer.objectValue?["url"]?.stringValue
        else {
            throw ConfigurationError(variable: "/_mock/clicks", message: "answer without clickId and url")
        }
        return (clickID, url)
    }

    /// Loads a landing page as a browser would (by path, so no `*.localhost` name resolution is needed).
    func visit(_ landingURL: String) async throws -> Int {
        guard let landing = URLComponents(string: landingURL) else { return 0 }
        let site = landing.host?.hasPrefix("hulu") == true ? "hulu" : "disneyplus"
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)
        components?.path = "/landing/\(site)/"
        components?.percentEncodedQuery = landing.percentEncodedQuery
        guard let url = components?.url else { return 0 }
        return try await transport.send(PlatformHTTPRequest(method: .get, url: url)).status
    }

    /// Sends a pixel event as the landing page's shared loader does, with every click id and UTM parameter the
    /// landing URL carries.
    func pixelEvent(platform: PlatformID, event: String, landingURL: String, value: Decimal? = nil) async throws {
        let query = URLComponents(string: landingURL)?.queryItems ?? []
        var params: [String: JSONValue] = [:]
        for item in query { if let value = item.value { params[item.name] = .string(value) } }
        var body: [String: JSONValue] = [
            "platform": .string(platform.rawValue), "event": .string(event), "page": .string(landingURL),
            "params": .object(params),
        ]
        if let value { body["value"] = .decimal(value) }
        _ = try await send(.post, "/_mock/pixel/events", body: .object(body))
    }

    /// Sets the virtual clock; it never moves backwards.
    func setClock(_ date: Date) async throws {
        _ = try await send(.post, "/_mock/clock", body: .object(["now": .string(date.formatted(.iso8601))]))
    }

    /// Moves the virtual clock forward.
    func advanceClock(_ duration: String) async throws {
        _ = try await send(.post, "/_mock/clock", body: .object(["advance": .string(duration)]))
    }

    /// Adds a fault rule, given as the control plane's JSON (`POST /_mock/faults`); the control plane's refusal,
    /// naming the field, becomes a configuration error about `option`.
    func addFault(_ rule: String, option: String) async throws {
        do {
            _ = try await send(.post, "/_mock/faults", body: try JSONValue(parsing: Data(rule.utf8)))
        } catch let error as ConfigurationError {
            throw ConfigurationError(variable: option, message: "\(rule): \(error.message)")
        } catch {
            throw ConfigurationError(variable: option, message: "\(rule) is not JSON: \(error)")
        }
    }

    /// Sets an entity's ground truth from today (`PUT /_mock/truth`): `parts` are the truth's members
    /// (`clickThroughRate`, `valuePerConversion`, …, money in major units). Returns the CPM factor of each ad under
    /// the entity, by the ad's id, as the emulator delivers it today.
    func setTruth(
        platform: PlatformID, entityID: String, _ parts: [String: JSONValue]
    ) async throws -> [String: Double] {
        var body = parts
        body["platform"] = .string(platform.rawValue)
        body["entityId"] = .string(entityID)
        let answer = try await send(.put, "/_mock/truth", body: .object(body))
        var factors: [String: Double] = [:]
        for ad in answer.objectValue?["ads"]?.arrayValue ?? [] {
            guard let id = ad.objectValue?["adId"]?.stringValue, let factor = ad.objectValue?["cpmFactor"]?.doubleValue
            else { continue }
            factors[id] = factor
        }
        return factors
    }

    /// The virtual now.
    func now() async throws -> Date {
        let answer = try await send(.get, "/_mock/clock", body: nil)
        guard let text = answer.objectValue?["now"]?.stringValue, let date = try? Date(text, strategy: .iso8601) else {
            throw ConfigurationError(variable: "/_mock/clock", message: "answer without an ISO-8601 now")
        }
        return date
    }

    private func send(_ method: HTTPMethod, _ path: String, body: JSONValue?) async throws -> JSONValue {
        guard let url = URL(string: baseURL.absoluteString + path) else {
            throw ConfigurationError(variable: path, message: "cannot form the control-plane URL")
        }
        let response = try await transport.send(
            PlatformHTTPRequest(
                method: method, url: url, headers: body == nil ? [:] : ["content-type": "application/json"],
                body: body?.encodedData()))
        guard response.isSuccess else {
            throw ConfigurationError(
                variable: path,
                message: "answered \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        }
        return try JSONValue(parsing: response.body)
    }
}
