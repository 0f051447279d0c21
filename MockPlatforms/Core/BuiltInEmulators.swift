/// The emulators `adops mock` serves, in dispatch order: paths are tried against each in turn.
public enum BuiltInEmulators {
    /// TikTok (`/open_api/`), Google Ads (`/vNN/customers/…`, `/token`), Meta (`/vNN.N/`), Snapchat (`/v1/`) and
    /// Airtable (`/v0/`).
    public static var all: [any PlatformEmulator] {
        [TikTokEmulator(), GoogleAdsEmulator(), MetaEmulator(), SnapchatEmulator(), AirtableEmulator()]
    }
}
