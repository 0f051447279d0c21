/// The location ids the TikTok emulator accepts in `location_ids`: TikTok's country locations are GeoNames ids
/// (`6252001` is the United States). The emulator knows the countries of this table, a larger set than any
/// launch uses; an id outside it is answered as TikTok answers an unknown location, 40002 naming the field.
enum TikTokLocations {
    /// GeoNames country id → ISO-3166 alpha-2 code.
    static let countries: [String: String] = [
        "6252001": "US", "6251999": "CA", "2635167": "GB", "2921044": "DE", "3017382": "FR", "1861060": "JP",
        "2077456": "AU", "3996063": "MX", "3469034": "BR", "1269750": "IN", "2510769": "ES", "3175395": "IT",
        "2750405": "NL", "2661886": "SE", "1835841": "KR", "1643084": "ID", "1605651": "TH", "1562822": "VN",
        "1694008": "PH", "1733045": "MY", "1880251": "SG", "102358": "SA", "290557": "AE", "298795": "TR",
        "357994": "EG", "798544": "PL", "2186224": "NZ", "2963597": "IE", "3865483": "AR", "3686110": "CO",
        "3895114": "CL",
    ]

    /// Checks every id of a `location_ids` list; the first unknown one fails with its index.
    static func check(_ ids: [String]) throws(TikTokError) {
        guard !ids.isEmpty else { throw .invalid("location_ids", "Length must be at least 1.") }
        for (index, id) in ids.enumerated() where countries[id] == nil {
            throw .invalid("location_ids[\(index)]", "Location id \(id) is invalid or not available for delivery.")
        }
    }
}
