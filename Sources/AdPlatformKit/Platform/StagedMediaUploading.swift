/// A platform whose media upload is two calls: one creates an empty media object, the next sends the bytes into it
/// (Snapchat: `POST /v1/adaccounts/{id}/media`, then `POST /v1/media/{id}/upload`).
///
/// Generic code that holds the object between the two calls, as the engine's ledger does, can retry a failed send,
/// or resume after a crash, into the object that already exists rather than creating another one that nothing would
/// ever use. ``MediaUploading/uploadMedia(_:in:)`` still does both calls at once for code that does not need that.
public protocol StagedMediaUploading: MediaUploading {
    /// Creates the empty media object for `media`. Its name carries `marker` where one is given, so that
    /// ``MarkedEntityLookup/findEntity(marked:kind:under:in:)`` with kind ``EntityKind/media`` finds it after a crash.
    func createMediaObject(
        for media: MediaUpload, marked marker: IdempotencyMarker?, in account: AccountContext
    ) async throws -> PlatformEntity

    /// Sends the bytes of `media` into an object ``createMediaObject(for:marked:in:)`` created, and returns what ad
    /// calls refer to it by. Sending again into the same object replaces its bytes, so a retry is safe.
    func uploadMedia(
        _ media: MediaUpload, into object: PlatformEntity, in account: AccountContext
    ) async throws -> UploadedMedia
}
