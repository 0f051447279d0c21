/// What a preview shows: an ad not yet on the platform, or one that is.
public enum PreviewSubject: Sendable, Hashable {
    /// A creative not yet created: its content, the landing URL (with tracking), and its media already uploaded
    /// to the platform, so the platform can show them.
    case draft(PreviewDraft)
    /// An existing ad (or, on Meta, an existing creative).
    case entity(PlatformEntity)
}
