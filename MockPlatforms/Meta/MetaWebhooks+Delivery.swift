import AdPlatformKit
import Crypto
import Foundation

extension MetaWebhooks {
    /// Batches the queued changes into deliveries, then makes one attempt at every delivery due at `now` (the
    /// virtual clock), all at once. Returns whether a delivery is still due at `now` (an immediate retry), so a
    /// caller loops until it is not.
    @discardableResult
    public func deliverDue(now: Date) async -> Bool {
        let due = withState { state in
            Self.batch(&state, now: now)
            var due: [MetaWebhookDelivery] = []
            for delivery in state.deliveries
            where delivery.state == .pending && !state.inFlight.contains(delivery.id)
                && (delivery.nextAttemptAt ?? now) <= now
            {
                state.inFlight.insert(delivery.id)
                due.append(delivery)
            }
            return due
        }
        guard !due.isEmpty else { return false }
        let transport = self.transport
        let attempts = await withTaskGroup(of: (Int, MetaWebhookDelivery.Attempt).self) { group in
            for delivery in due {
                group.addTask { (delivery.id, await Self.attempt(delivery, at: now, transport: transport)) }
            }
            var attempts: [Int: MetaWebhookDelivery.Attempt] = [:]
            for await (id, attempt) in group { attempts[id] = attempt }
            return attempts
        }
        return withState { state in
            for (id, attempt) in attempts {
                state.inFlight.remove(id)
                guard let index = state.deliveries.firstIndex(where: { $0.id == id }) else { continue }
                Self.settle(&state.deliveries[index], with: attempt)
            }
            Self.trim(&state)
            return state.deliveries.contains {
                $0.state == .pending && !state.inFlight.contains($0.id) && ($0.nextAttemptAt ?? now) <= now
            }
        }
    }

    /// Turns the queue into deliveries: per app and callback, in queue order, at most ``maximumBatch`` changes
    /// each, with one entry per ad account and its changes in order.
    static func batch(_ state: inout State, now: Date) {
        guard !state.queue.isEmpty else { return }
        var groups: [(key: String, changes: [QueuedChange])] = []
        for change in state.queue {
            let key = change.appID + " " + change.callbackURL
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].changes.append(change)
            } else {
                groups.append((key, [change]))
            }
        }
        state.queue = []
        for group in groups {
            guard let first = group.changes.first else { continue }
            let secret = state.secrets[first.appID] ?? ""
            var start = 0
            while start < group.changes.count {
                let chunk = Array(group.changes[start..<min(start + maximumBatch, group.changes.count)])
                let body = payload(chunk).serialized
                state.deliveries.append(
                    MetaWebhookDelivery(
                        id: state.nextDeliveryID, appID: first.appID, callbackURL: first.callbackURL, body: body,
                        signature: signature(of: Data(body.utf8), secret: secret), changeCount: chunk.count,
                        state: .pending, createdAt: now, nextAttemptAt: now, attempts: []))
                state.nextDeliveryID += 1
                start += maximumBatch
            }
        }
    }

    /// `{"object":"ad_account","entry":[{"id":…,"time":…,"changes":[{"field":…,"value":…}]}]}`: one entry per ad
    /// account, in the order first seen, stamped with the time of its latest change (Unix seconds).
    static func payload(_ changes: [QueuedChange]) -> MockJSON {
        var accounts: [String] = []
        var byAccount: [String: [QueuedChange]] = [:]
        for change in changes {
            if byAccount[change.accountID] == nil { accounts.append(change.accountID) }
            byAccount[change.accountID, default: []].append(change)
        }
        let entries: [MockJSON] = accounts.map { account in
            let changes = byAccount[account] ?? []
            let time = changes.map(\.time).max() ?? Date(timeIntervalSince1970: 0)
            return .object([
                ("id", .string(account)), ("time", .int(Int64(time.timeIntervalSince1970.rounded(.down)))),
                (
                    "changes",
                    .array(changes.map { .object([("field", .string($0.field)), ("value", $0.value)]) })
                ),
            ])
        }
        return .object([("object", .string("ad_account")), ("entry", .array(entries))])
    }

    /// `sha256=` and the lower-case hex HMAC-SHA256 of `body` under `secret`.
    public static func signature(of body: Data, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { MetaEmulator.hexByte($0) }.joined()
    }

    /// One POST of a delivery.
    static func attempt(
        _ delivery: MetaWebhookDelivery, at now: Date, transport: any HTTPTransport
    ) async -> MetaWebhookDelivery.Attempt {
        guard let url = loopbackURL(delivery.callbackURL) else {
            return .init(at: now, status: nil, error: "the callback is not on a loopback address")
        }
        var headers = HTTPHeaderFields()
        headers.append(name: "Content-Type", value: "application/json")
        headers.append(name: "X-Hub-Signature-256", value: delivery.signature)
        headers.append(name: "User-Agent", value: "facebookexternalua")
        do {
            let response = try await transport.send(
                PlatformHTTPRequest(method: .post, url: url, headers: headers, body: Data(delivery.body.utf8)))
            return .init(at: now, status: response.status, error: nil)
        } catch {
            return .init(at: now, status: nil, error: String(describing: error))
        }
    }

    /// Records an attempt: delivered on 2xx; otherwise the next try on the schedule, or dropped after the last.
    static func settle(_ delivery: inout MetaWebhookDelivery, with attempt: MetaWebhookDelivery.Attempt) {
        delivery.attempts.append(attempt)
        if let status = attempt.status, (200..<300).contains(status) {
            delivery.state = .delivered
            delivery.nextAttemptAt = nil
            return
        }
        let retries = delivery.attempts.count - 1
        guard retries < retryOffsets.count, let first = delivery.attempts.first?.at else {
            delivery.state = .dropped
            delivery.nextAttemptAt = nil
            return
        }
        delivery.nextAttemptAt = max(first.addingTimeInterval(retryOffsets[retries]), attempt.at)
    }

    /// Keeps pending deliveries and the latest ``deliveryCapacity`` finished ones.
    static func trim(_ state: inout State) {
        let finished = state.deliveries.filter { $0.state != .pending }.count
        guard finished > deliveryCapacity else { return }
        var surplus = finished - deliveryCapacity
        state.deliveries.removeAll { delivery in
            guard surplus > 0, delivery.state != .pending else { return false }
            surplus -= 1
            return true
        }
    }

    /// The URL of a callback on 127.0.0.1, `localhost` or ::1 over http(s); `nil` for anything else.
    static func loopbackURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host?.lowercased(), ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
        else { return nil }
        return url
    }

    // MARK: - Handshake

    /// Meta's verification of a callback: `GET <callback>?hub.mode=subscribe&hub.challenge=<n>&hub.verify_token=…`,
    /// which must answer 200 with the challenge as its body. Throws Graph's error 2200 otherwise.
    func verify(callbackURL: String, verifyToken: String, challenge: UInt64) async throws(MetaError) {
        guard
            var components = Self.loopbackURL(callbackURL).flatMap({
                URLComponents(url: $0, resolvingAgainstBaseURL: false)
            })
        else {
            throw MetaError.param(
                "callback_url must be an http(s) URL on 127.0.0.1, localhost or ::1: the emulator calls back only to "
                    + "this machine")
        }
        let expected = String(challenge)
        components.queryItems =
            (components.queryItems ?? []) + [
                URLQueryItem(name: "hub.mode", value: "subscribe"),
                URLQueryItem(name: "hub.challenge", value: expected),
                URLQueryItem(name: "hub.verify_token", value: verifyToken),
            ]
        guard let url = components.url else { throw MetaError.param("callback_url is not a valid URL") }
        let response: PlatformHTTPResponse
        do {
            response = try await transport.send(PlatformHTTPRequest(method: .get, url: url))
        } catch {
            throw Self.verificationFailed("couldn't connect to server (\(error))")
        }
        let body = String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard response.status == 200 else {
            throw Self.verificationFailed("the callback answered HTTP \(response.status)")
        }
        guard body == expected else {
            throw Self.verificationFailed("the URL couldn't be validated: the response did not match the challenge")
        }
    }

    /// Graph's answer when the callback fails the handshake: code 2200.
    static func verificationFailed(_ reason: String) -> MetaError {
        MetaError(code: 2200, message: "(#2200) callback verification failed: \(reason)")
    }
}
