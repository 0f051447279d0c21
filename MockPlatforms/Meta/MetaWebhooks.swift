import AdPlatformKit
import Foundation
import NIOConcurrencyHelpers

/// The Meta emulator's webhooks (reference §6.1): the apps it knows the secrets of, their subscriptions, the ad
/// accounts that installed them, and an outbox of signed deliveries retried on the virtual clock.
///
/// A change of an ad object's status (through the Graph API, or through the control plane standing in for Ads
/// Manager) is queued for every app subscribed to its ad account; ``deliverDue(now:)`` batches the queue into
/// deliveries of at most 1000 changes, signs each with the app secret (`X-Hub-Signature-256`), and POSTs it. A
/// delivery whose callback does not answer 2xx is retried at once, then 1, 5 and 15 minutes, 1, 3, 6, 12, 24 and
/// 36 hours after its first attempt, by the virtual clock, and then dropped, as Meta drops a delivery it could not
/// make for 36 hours. The request that caused a change never waits for its delivery: ``MetaWebhookDispatcher``
/// delivers in the background while the emulator serves.
///
/// Callbacks must be on a loopback address (127.0.0.1, `localhost`, ::1): the emulator never calls out of the
/// machine.
public final class MetaWebhooks: Sendable {
    /// A change waiting for its delivery.
    struct QueuedChange: Sendable {
        var appID: String
        var callbackURL: String
        /// The ad account's digits, the entry id.
        var accountID: String
        var field: String
        var value: MockJSON
        var time: Date
    }

    struct State: Sendable {
        var secrets: [String: String] = [:]
        var subscriptions: [String: [String: MetaWebhookSubscription]] = [:]
        var installedApps: [String: [String]] = [:]
        var queue: [QueuedChange] = []
        var deliveries: [MetaWebhookDelivery] = []
        var inFlight: Set<Int> = []
        var nextDeliveryID = 1
    }

    /// Offsets from a delivery's first attempt at which it is tried again; after the last, it is dropped.
    public static let retryOffsets: [TimeInterval] = [
        0, 60, 300, 900, 3_600, 10_800, 21_600, 43_200, 86_400, 129_600,
    ]
    /// The most changes one delivery carries, as Meta batches.
    public static let maximumBatch = 1_000
    /// The Graph object types an app can subscribe to, with their fields.
    ///
    /// `ad_account`'s `with_issues_ad_objects` and `in_process_ad_objects` are Meta's; `status_changed_ad_objects`
    /// is an emulator extension (see docs/mock-platforms.md): Graph has no documented field for a status change of
    /// a campaign, ad set or ad made in Ads Manager, and this is the one the emulator sends. The `application`
    /// fields are accepted for fidelity and never sent.
    public static let objectFields: [String: [String]] = [
        "ad_account": [
            "with_issues_ad_objects", "in_process_ad_objects", "status_changed_ad_objects", "ad_recommendations",
            "creative_fatigue", "product_set_issue",
        ],
        "application": ["ad_account", "ads_rules_engine", "async_requests"],
    ]
    /// The field status changes are sent under.
    public static let statusChangeField = "status_changed_ad_objects"
    /// How many finished deliveries are kept for the control plane.
    public static let deliveryCapacity = 1_000

    private let state = NIOLockedValueBox(State())
    /// How deliveries and handshakes are sent.
    let transport: any HTTPTransport
    let wakeContinuation: AsyncStream<Void>.Continuation
    /// Signals that there may be something to deliver; ``MetaWebhookDispatcher`` waits on it.
    let wakes: AsyncStream<Void>

    /// Creates the webhooks; `transport` sends deliveries and handshakes (AsyncHTTPClient with a 10-second timeout
    /// by default).
    public init(
        transport: any HTTPTransport = AsyncHTTPClientTransport(
            configuration: AsyncHTTPClientTransport.Configuration(timeout: .seconds(10), maximumResponseBytes: 1 << 16))
    ) {
        self.transport = transport
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        wakes = stream
        wakeContinuation = continuation
    }

    /// Asks the dispatcher to look for due deliveries now (after a change, or a move of the virtual clock).
    public func wake() { wakeContinuation.yield() }

    // MARK: - Apps and subscriptions

    /// Remembers an app's secret: from an app access token `{app_id}|{app_secret}`, or from the client credentials
    /// of a token exchange.
    func remember(appID: String, secret: String) {
        state.withLockedValue { $0.secrets[appID] = secret }
    }

    /// The secret of an app, when the emulator has seen it.
    public func secret(ofApp appID: String) -> String? {
        state.withLockedValue { $0.secrets[appID] }
    }

    /// Adds or replaces an app's subscription to an object type; fields already subscribed to are kept.
    func subscribe(appID: String, _ subscription: MetaWebhookSubscription) {
        state.withLockedValue { state in
            var merged = subscription
            if let old = state.subscriptions[appID]?[subscription.object] {
                merged.fields = old.fields + subscription.fields.filter { !old.fields.contains($0) }
            }
            state.subscriptions[appID, default: [:]][subscription.object] = merged
        }
    }

    /// Removes some fields of an app's subscription to an object, the whole subscription when `fields` is empty, or
    /// every subscription of the app when `object` is `nil`.
    func unsubscribe(appID: String, object: String?, fields: [String]) {
        state.withLockedValue { state in
            guard let object else {
                state.subscriptions[appID] = nil
                return
            }
            guard var subscription = state.subscriptions[appID]?[object] else { return }
            subscription.fields.removeAll { fields.isEmpty || fields.contains($0) }
            state.subscriptions[appID]?[object] = subscription.fields.isEmpty ? nil : subscription
        }
    }

    /// An app's subscriptions, by object type.
    public func subscriptions(ofApp appID: String) -> [MetaWebhookSubscription] {
        state.withLockedValue { state in
            (state.subscriptions[appID] ?? [:]).values.sorted { $0.object < $1.object }
        }
    }

    /// Installs an app on an ad account (`POST act_<id>/subscribed_apps`).
    func install(appID: String, account: String) {
        state.withLockedValue { state in
            if state.installedApps[account]?.contains(appID) != true {
                state.installedApps[account, default: []].append(appID)
            }
        }
    }

    /// Removes an app from an ad account; whether it was installed.
    func uninstall(appID: String, account: String) -> Bool {
        state.withLockedValue { state in
            guard let index = state.installedApps[account]?.firstIndex(of: appID) else { return false }
            state.installedApps[account]?.remove(at: index)
            return true
        }
    }

    /// The apps installed on an ad account (its digits), in installation order.
    public func installedApps(account: String) -> [String] {
        state.withLockedValue { $0.installedApps[account] ?? [] }
    }

    // MARK: - Changes

    /// Queues a change of an ad account's object for every app installed on the account whose `ad_account`
    /// subscription has `field`, and wakes the dispatcher. Returns how many deliveries will carry it.
    @discardableResult
    public func record(account: String, field: String, value: MockJSON, at time: Date) -> Int {
        let queued = state.withLockedValue { state in
            var queued = 0
            for appID in state.installedApps[account] ?? [] {
                guard let subscription = state.subscriptions[appID]?["ad_account"],
                    subscription.fields.contains(field)
                else { continue }
                state.queue.append(
                    QueuedChange(
                        appID: appID, callbackURL: subscription.callbackURL, accountID: account, field: field,
                        value: value, time: time))
                queued += 1
            }
            return queued
        }
        if queued > 0 { wake() }
        return queued
    }

    /// Every delivery kept, oldest first: pending ones, and the latest ``deliveryCapacity`` finished ones.
    public var deliveries: [MetaWebhookDelivery] {
        state.withLockedValue { $0.deliveries }
    }

    /// Forgets everything: apps, subscriptions, installations, queued changes and deliveries.
    public func reset() {
        state.withLockedValue { state in
            let next = state.nextDeliveryID
            state = State()
            state.nextDeliveryID = next
        }
    }

    /// Runs a closure with the state locked.
    func withState<T>(_ body: (inout State) throws -> T) rethrows -> T {
        try state.withLockedValue { try body(&$0) }
    }
}
