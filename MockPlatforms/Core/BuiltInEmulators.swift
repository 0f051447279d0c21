/// The emulators `adops mock` serves, in dispatch order: paths are tried against each in turn.
public enum BuiltInEmulators {
    /// TikTok (`/open_api/`), Google Ads (`/vNN/customers/…`, `/token`), Meta (`/vNN.N/`), Snapchat (`/v1/`) and
    /// Airtable (`/v0/`).
    public static var all: [any PlatformEmulator] {
        [TikTokEmulator(), GoogleAdsEmulator(), MetaEmulator(), SnapchatEmulator(), AirtableEmulator()]
    }

    /// How the world's delivery reads each built-in ad platform's targeting and shared budgets.
    public static var deliveryInputs: [any DeliveryInputReading] {
        [TikTokDeliveryInputs(), GoogleAdsDeliveryInputs(), MetaDeliveryInputs(), SnapchatDeliveryInputs()]
    }
}
