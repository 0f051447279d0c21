import Foundation

extension MockWorld {
    /// The URL parameter each platform appends on a click.
    public static let clickIDParameters: [String: String] = [
        "meta": "fbclid", "tiktok": "ttclid", "snapchat": "ScCid", "google": "gclid",
    ]

    /// Mints a click on an ad: a click id registered to the ad, and the ad's landing URL with it appended, as
    /// the platform would redirect a person. `nil` when the ad does not exist or has no landing URL.
    public func mintClick(platform: String, adID: String) -> (clickID: String, url: String)? {
        withState { state in
            guard let ad = state.entities[WorldState.key(platform, adID)], let landing = ad.landingURL,
                let parameter = Self.clickIDParameters[platform]
            else { return nil }
            let clickID = Self.mint(.click, in: &state)
            state.clicks[clickID] = ClickRecord(platform: platform, adID: adID, at: state.now)
            let (base, fragment) = Self.splitFragment(landing)
            let separator = base.contains("?") ? "&" : "?"
            return (clickID, base + separator + parameter + "=" + clickID + fragment)
        }
    }

    /// Records a pixel event and attributes it to an ad: first by the platform's click id, then by `utm_source`,
    /// `utm_campaign` and `utm_content` matching an ad's landing URL.
    @discardableResult
    public func recordPixelEvent(
        platform: String, event: String, page: String, parameters: [String: String], valueMicros: Int64?
    ) -> PixelEvent {
        withState { state in
            let clickIDs = parameters.filter { Self.clickIDParameters.values.contains($0.key) || $0.key == "sccid" }
            let utm = parameters.filter { $0.key.hasPrefix("utm_") }
            var adID: String?
            var attribution: String?
            if let parameter = Self.clickIDParameters[platform],
                let clickID = parameters[parameter] ?? (platform == "snapchat" ? parameters["sccid"] : nil),
                let click = state.clicks[clickID], click.platform == platform
            {
                adID = click.adID
                attribution = "clickID"
            } else if let matched = Self.adMatching(utm: utm, platform: platform, in: state) {
                adID = matched
                attribution = "utm"
            }
            let lowered = event.lowercased()
            let record = PixelEvent(
                sequence: state.nextPixelSequence, platform: platform, event: event,
                isConversion: lowered != "pageview" && lowered != "page_view", page: page, clickIDs: clickIDs,
                utm: utm, valueMicros: valueMicros, receivedAt: state.now, attributedAdID: adID,
                attribution: attribution)
            state.nextPixelSequence += 1
            state.pixelEvents.append(record)
            if state.pixelEvents.count > pixelEventCapacity {
                state.pixelEvents.removeFirst(state.pixelEvents.count - pixelEventCapacity)
            }
            return record
        }
    }

    /// Pixel events, oldest first, filtered by platform and event name when given.
    public func pixelEvents(platform: String? = nil, event: String? = nil) -> [PixelEvent] {
        withState { state in
            state.pixelEvents.filter {
                (platform == nil || $0.platform == platform)
                    && (event == nil || $0.event.lowercased() == event?.lowercased())
            }
        }
    }

    static func adMatching(utm: [String: String], platform: String, in state: WorldState) -> String? {
        let source = (utm["utm_source"] ?? "").lowercased()
        let aliases: [String: String] = [
            "facebook": "meta", "fb": "meta", "instagram": "meta", "ig": "meta", "snap": "snapchat",
        ]
        guard (aliases[source] ?? source) == platform, let campaign = utm["utm_campaign"] else { return nil }
        let candidates = state.entities.values.filter { entity in
            guard entity.platform == platform, entity.role == .leaf, !entity.deleted, let landing = entity.landingURL
            else { return false }
            let query = Self.queryParameters(of: landing)
            return query["utm_campaign"] == campaign
                && (utm["utm_content"] == nil || query["utm_content"] == utm["utm_content"])
        }
        return candidates.max { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }?.id
    }

    static func queryParameters(of url: String) -> [String: String] {
        let (base, _) = splitFragment(url)
        guard let question = base.firstIndex(of: "?") else { return [:] }
        var result: [String: String] = [:]
        for (name, value) in MockForm.decode(base[base.index(after: question)...]) where result[name] == nil {
            result[name] = value
        }
        return result
    }

    static func splitFragment(_ url: String) -> (String, String) {
        guard let hash = url.firstIndex(of: "#") else { return (url, "") }
        return (String(url[..<hash]), String(url[hash...]))
    }
}
